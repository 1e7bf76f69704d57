import type { Entry, Scalar } from "../types.js";
import { fieldValue, type Field } from "./shell-expand.js";
import {
  basename,
  KNOWN_PROGRAMS,
  LAUNCHERS,
  looksLikeCommand,
  NOT_SETTINGS,
  PREFIX_OPTIONS_WITH_VALUE,
  PREFIXES,
  SHELLS,
  SUBCOMMANDS,
  TORCH_DISTRIBUTED,
  WRAPPER_IMAGE,
  WRAPPER_SUBCOMMANDS,
  WRAPPERS,
  YOLO_MODES,
  YOLO_TASKS,
} from "./shell-programs.js";

/** Where a command's entries go, with the offset-to-line map of the file. */
export interface ShellSink {
  at(offset: number): { line: number; column: number };
  push(entry: Entry): void;
}

type Mode = "script" | "launcher" | "wrapper";

/** yacs keys are upper case with a dot (`SOLVER.IMS_PER_BATCH`); top-level ones (`OUTPUT_DIR`) have none. */
const YACS_KEY = /^[A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)+$/;
const YACS_ANY_KEY = /^[A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*$/;

/** Where flags are being read: the command they belong to, and whether a script may follow. */
interface Section {
  context: string;
  mode: Mode;
}

/** One simple command: its words after expansion, and the `VAR=x` assignments written before it. */
export interface ShellCommand {
  fields: Field[];
  env?: Entry[];
}

/**
 * Reads one simple command's words (already expanded) into entries, each with the command it
 * belongs to as context:
 * - flags and Hydra-style overrides; launchers split their own flags (`torchrun --nproc_per_node 8`)
 *   from the script's (`torchrun train.py --bs 4`);
 * - positional arguments as `#1`, `#2`, … counted like the script's `$1`, `$2` from the first word
 *   after the words the context names (`./distributed_train.sh 4` → `#1` = 4); a word a flag took
 *   as its value is not a positional, but it still counts;
 * - yacs options, `KEY.SUB VALUE` pairs in upper case (`SOLVER.IMS_PER_BATCH 8`), split on dots;
 * - `GPUS=8 ./tools/slurm_train.sh` and `env GPUS=8 …`: the variable, for the command that receives it.
 * A context is the program's name for known programs (`python`, `torchrun`, `bash`), followed by
 * the script as written (`python tools/train.py`, `bash tools/dist_train.sh`); a script run
 * directly keeps its path as written (`./tools/dist_train.sh`). Rules match the script's file name.
 * @example analyseCommand({ fields: fields of "torchrun --nproc_per_node 8 train.py --bs 4" }, sink)
 *   // nproc_per_node: "torchrun"; bs: "torchrun train.py"
 */
export function analyseCommand(command: ShellCommand, sink: ShellSink): void {
  const reader = new CommandReader(command, sink);
  reader.analyse(0, 0);
  reader.flushEnv("shell variable");
}

class CommandReader {
  private fields: Field[];
  /** Assignments waiting for the command that receives them. */
  private env: Entry[];

  constructor(
    command: ShellCommand,
    private sink: ShellSink,
  ) {
    this.fields = command.fields;
    this.env = [...(command.env ?? [])];
  }

  /** Gives waiting `VAR=x` entries the context of the command they were set for. */
  flushEnv(context: string): void {
    for (const entry of this.env) this.sink.push({ ...entry, context });
    this.env = [];
  }

  analyse(start: number, depth: number): void {
    const fields = this.fields;
    if (depth > 8 || start >= fields.length) return;
    const text = (k: number) => known(fields[k]);
    let i = this.skipPrefixes(start);
    if (i >= fields.length) return;
    const prog = text(i);
    if (prog === undefined) return void this.args(i + 1, { context: spelled(fields[i]), mode: "script" });
    const base = basename(prog);
    if (NOT_SETTINGS.has(base)) return;
    if (/^python[\d.]*$/.test(base)) return this.python(i + 1);
    if (SHELLS.has(base)) {
      let j = i + 1;
      // `bash -x script.sh` runs the script; `bash -c "…"` and `bash -s` read commands, not a file.
      for (let o = text(j); o !== undefined && /^[-+]/.test(o); o = text(j)) {
        if (/^-[a-z]*[cs]/.test(o)) return;
        j += o === "-o" || o === "+o" || o === "-O" || o === "+O" ? 2 : 1;
      }
      const script = text(j);
      if (script === undefined) return;
      return void this.args(j + 1, { context: `${base} ${script}`, mode: "script" });
    }
    if (base === "sbatch") {
      const stop = this.args(i + 1, { context: "sbatch", mode: "wrapper" });
      if (stop < fields.length) this.args(stop + 1, { context: `sbatch ${spelled(fields[stop])}`, mode: "script" });
      return;
    }
    if (WRAPPERS.has(base)) {
      let context = base;
      if (WRAPPER_SUBCOMMANDS.has(base) && /^[a-z][\w-]*$/.test(text(i + 1) ?? "")) context = `${base} ${text(++i)}`;
      let stop = this.args(i + 1, { context, mode: "wrapper" });
      if (WRAPPER_IMAGE.has(base)) stop++;
      return this.analyse(stop, depth + 1);
    }
    if (LAUNCHERS.has(base)) return this.launcher(i + 1, base);
    if (base === "yolo") return this.yolo(i + 1);
    if (SUBCOMMANDS.has(base) && /^[a-z][\w-]*$/.test(text(i + 1) ?? "")) {
      let context = `${base} ${text(i + 1)}`;
      if (context === "lightning run" && text(i + 2) === "model") context = `lightning run ${text(++i + 1)}`;
      if (LAUNCHERS.has(context)) return this.launcher(i + 2, context);
      return void this.args(i + 2, { context, mode: "script" });
    }
    this.args(i + 1, { context: KNOWN_PROGRAMS.test(base) ? base : prog, mode: "script" });
  }

  /** `nohup`, `env A=1`, `timeout 1h`, `sudo -u x`: skipped, with env assignments kept as variables. */
  private skipPrefixes(start: number): number {
    const fields = this.fields;
    let i = start;
    for (;;) {
      const t = known(fields[i]);
      if (t === undefined || !PREFIXES.has(basename(t))) return i;
      const prefix = basename(t);
      i++;
      for (let o = known(fields[i]); o !== undefined; o = known(fields[i])) {
        if (o.startsWith("-")) i += PREFIX_OPTIONS_WITH_VALUE.test(o) ? 2 : 1;
        else if (prefix === "env" && /^[A-Za-z_]\w*=/.test(o)) {
          this.env.push(
            this.entry([o.slice(0, o.indexOf("="))], {
              values: [valueAfterEquals(fields[i])],
              at: fields[i],
              context: "shell variable",
            }),
          );
          i++;
        } else if (prefix === "timeout" && /^\d/.test(o)) i++;
        else break;
      }
    }
  }

  private python(start: number): void {
    const fields = this.fields;
    let j = start;
    for (let opt = known(fields[j]); opt?.startsWith("-"); opt = known(fields[j])) {
      if (opt === "-c") return;
      if (opt === "-m") {
        const module = fields[j + 1] ? spelled(fields[j + 1]) : "";
        if (TORCH_DISTRIBUTED.has(module)) return this.launcher(j + 2, "torchrun");
        if (module === "accelerate.commands.launch") return this.launcher(j + 2, "accelerate launch");
        if (module === "deepspeed.launcher.runner") return this.launcher(j + 2, "deepspeed");
        return void this.args(j + 2, { context: `python -m ${module}`, mode: "script" });
      }
      j += opt === "-W" || opt === "-X" ? 2 : 1;
    }
    if (j < fields.length) this.args(j + 1, { context: `python ${spelled(fields[j])}`, mode: "script" });
  }

  private launcher(start: number, name: string): void {
    const fields = this.fields;
    const stop = this.args(start, { context: name, mode: "launcher" });
    if (stop >= fields.length) return;
    let script = spelled(fields[stop]);
    let next = stop + 1;
    if ((script === "-m" || script === "--module") && fields[stop + 1]) {
      script = `-m ${spelled(fields[stop + 1])}`;
      next++;
    } else if (/^python[\d.]*$/.test(basename(script))) return this.python(stop + 1);
    this.args(next, { context: `${name} ${script}`, mode: "script" });
  }

  private yolo(start: number): void {
    let j = start;
    if (YOLO_TASKS.has(known(this.fields[j]) ?? "")) j++;
    const mode = known(this.fields[j]) ?? "";
    if (YOLO_MODES.has(mode)) this.args(j + 1, { context: `yolo ${mode}`, mode: "script" });
    else this.args(start, { context: "yolo", mode: "script" });
  }

  /**
   * Reads flags and overrides from `i` on. In launcher and wrapper mode it stops at the first word
   * that starts the wrapped script or command and returns its index.
   */
  private args(i: number, section: Section): number {
    const { fields } = this;
    const { context, mode } = section;
    this.flushEnv(context);
    const first = i;
    // A dotless upper-case word is a yacs key only beside dotted ones (`OUTPUT_DIR out SOLVER.BASE_LR 0.01`).
    const yacs =
      mode !== "script"
        ? undefined
        : fields.slice(i).some((f) => YACS_KEY.test(known(f) ?? ""))
          ? YACS_ANY_KEY
          : YACS_KEY;
    while (i < fields.length) {
      const field = fields[i];
      const t = known(field);
      const named = t === undefined ? nameWithUnknownValue(field) : undefined;
      if (named) {
        // `--lr="$2"`, `data.batch_size=$3`: the flag or key keeps its name; its value is what is unknown.
        this.emit(named, { values: [valueAfterEquals(field)], at: field, context });
        i++;
      } else if (t === undefined || t === "-") {
        if (mode !== "script") return i;
        this.positional(i, { first, context });
        i++;
      } else if (t === "--") {
        return mode === "script" ? fields.length : i + 1;
      } else if (isFlag(t)) {
        if (mode === "launcher" && (t === "-m" || t === "--module")) return i;
        const attached = /^-([A-Za-z])(\d+(?:\.\d+)?)$/.exec(t);
        const eq = t.indexOf("=");
        if (attached) {
          const value: Field = {
            segments: [{ text: attached[2], offset: field.offset + 2, split: false, quoted: false }],
            offset: field.offset + 2,
            raw: attached[2],
          };
          this.emit([attached[1]], { values: [value], at: field, context });
        } else if (eq > 0)
          this.emit([t.slice(0, eq).replace(/^-+/, "")], { values: [valueAfterEquals(field)], at: field, context });
        let j = i + 1;
        if (!attached && eq < 0) {
          // A launcher's own flags take one value each; a script's may take several (`--lr 0.25 0.1`).
          const most = mode === "script" ? Infinity : 1;
          while (j < fields.length && j - i - 1 < most && isValue(fields[j], mode) && !this.yacsAt(j, yacs)) j++;
          this.emit([t.replace(/^-+/, "")], { values: fields.slice(i + 1, j), at: field, context });
        }
        i = j;
      } else if (isOverride(t)) {
        this.override(field, context);
        i++;
      } else if (this.yacsAt(i, yacs)) {
        this.emit(t.split("."), { values: [fields[i + 1]], at: field, context });
        i += 2;
      } else {
        if (mode !== "script") return i;
        this.positional(i, { first, context });
        i++;
      }
    }
    return fields.length;
  }

  /**
   * A script's argument that is neither a flag, a flag's value nor an override, as `#N` where N is
   * its place after `first` (`$N` to the script). Past a word that may be any number of words
   * (`"$@"`), N is not known, so nothing is emitted.
   */
  private positional(k: number, at: { first: number; context: string }): void {
    const field = this.fields[k];
    const last = this.fields[at.first - 1];
    if (field.drifts === "spread" || (field.drift ?? 0) !== (last.drift ?? 0) + (last.drifts ? 1 : 0)) return;
    this.emit([`#${k - at.first + 1}`], { values: [field], at: field, context: at.context });
  }

  /**
   * A yacs option (detectron2 `train_net.py … SOLVER.IMS_PER_BATCH 8`, `--opts MODEL.WEIGHTS x`):
   * a word `key` matches, followed by exactly one value, which is not a flag.
   */
  private yacsAt(k: number, key: RegExp | undefined): boolean {
    if (!key?.test(known(this.fields[k]) ?? "")) return false;
    const next = this.fields[k + 1];
    if (!next) return false;
    const value = known(next);
    return value === undefined || !(isFlag(value) || value === "--");
  }

  /** `key=v`, `+key=v`, `++a.b=v` set a key path; `~a.b` removes one. */
  private override(field: Field, context: string): void {
    const t = known(field) ?? "";
    const m = /^(\+\+|\+|~)?([^=]+)(=?)/.exec(t)!;
    const path = m[2].split(".");
    if (m[1] === "~") {
      const pos = this.sink.at(field.offset);
      this.sink.push({
        path,
        value: null,
        raw: field.raw,
        line: pos.line,
        column: pos.column,
        context,
        unknownReason: { id: "value.overrideRemoved", params: { override: t } },
      });
      return;
    }
    this.emit(path, { values: [valueAfterEquals(field)], at: field, context });
  }

  /** One entry at the flag's position; `--gres=gpu:4` also gives the GPU count per node. */
  private emit(path: string[], how: { values: Field[]; at: Field; context: string }): void {
    const entry = this.entry(path, how);
    this.sink.push(entry);
    const gpus =
      path.length === 1 && path[0] === "gres" && typeof entry.value === "string"
        ? /(?:^|,)gpu(?::[^:,]+)?:(\d+)/.exec(entry.value)
        : null;
    if (gpus) this.sink.push({ ...entry, path: ["gpus"], value: Number(gpus[1]) });
  }

  /**
   * The entry sits where its value is written: a value that came out of a variable (`--bs $BS`,
   * `--bs=${1:-16}`) is reported at the line that defines it, as written there, with the flag's
   * own place kept as `usedAt`, so the line a pull request edits is the line reported.
   */
  private entry(path: string[], how: { values: Field[]; at: Field; context: string }): Entry {
    const pos = this.sink.at(how.at.offset);
    const entry: Entry = {
      path,
      value: true,
      raw: how.at.raw,
      line: pos.line,
      column: pos.column,
      context: how.context,
    };
    if (how.values.length) {
      const v = fieldValue(how.values[0]);
      entry.raw = how.values.map((f) => f.raw).join(" ");
      if ("reason" in v) {
        entry.value = null;
        entry.unknownReason = v.reason;
      } else {
        entry.value = typed(v.text);
        const written = how.values[0].segments.find((s) => s.text.trim() !== "" && !s.unknown);
        const def = written && how.values.length === 1 ? this.sink.at(written.offset) : undefined;
        if (def && def.line !== pos.line) {
          entry.usedAt = { line: entry.line, raw: entry.raw };
          entry.line = def.line;
          entry.column = def.column;
          entry.raw = v.text;
        }
      }
    }
    return entry;
  }
}

/** `--name=` or `key.path=` written literally before a value known only at run time: its key path. */
function nameWithUnknownValue(field: Field): string[] | undefined {
  const head = field.segments[0];
  if (!head || head.unknown) return undefined;
  const flag = /^--?([A-Za-z][\w.-]*)=/.exec(head.text);
  if (flag) return [flag[1]];
  const override = /^\+{0,2}([A-Za-z_][\w-]*(?:\.[\w-]+)*)=/.exec(head.text);
  return override ? override[1].split(".") : undefined;
}

/** The part of `--bs=$BS` or `data.batch_size=64` after the first `=`, as its own field. */
function valueAfterEquals(field: Field): Field {
  const segments: Field["segments"] = [];
  let found = false;
  for (const s of field.segments) {
    if (found) segments.push(s);
    else if (!s.unknown && s.text.includes("=")) {
      const k = s.text.indexOf("=");
      found = true;
      segments.push({ ...s, text: s.text.slice(k + 1), offset: s.offset + k + 1 });
    }
  }
  const rawEq = field.raw.indexOf("=");
  return { segments, offset: segments[0]?.offset ?? field.offset, raw: rawEq >= 0 ? field.raw.slice(rawEq + 1) : "" };
}

/** Numbers and booleans as a config would hold them; everything else stays a string. */
export function typed(text: string): Scalar {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  // `50_000`: Python's int() and float() read digit groups, so a script's argparse does too.
  if (/^[+-]?\d+(?:_\d+)+$/.test(text)) return Number(text.replace(/_/g, ""));
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  return text;
}

function isValue(field: Field, mode: Mode): boolean {
  const t = known(field);
  if (t === undefined) return true;
  if (isFlag(t) || isOverride(t) || t === "--") return false;
  return mode === "script" || !looksLikeCommand(t);
}

function isFlag(t: string): boolean {
  return /^-{1,2}[A-Za-z_]/.test(t);
}

function isOverride(t: string): boolean {
  return /^(\+\+|\+|~)?[A-Za-z_][\w-]*(?:[./][\w@-]+)*=/.test(t) || /^~[A-Za-z_][\w-]*(?:[./][\w@-]+)*$/.test(t);
}

function known(field: Field | undefined): string | undefined {
  if (!field) return undefined;
  const v = fieldValue(field);
  return "text" in v ? v.text : undefined;
}

/** A word as context: its text when known (quotes removed), else as written (`$SCRIPT`). */
function spelled(field: Field): string {
  return known(field) ?? field.raw;
}
