import type { Entry, Scalar } from "../types.js";
import { fieldValue, type Field } from "./shell-expand.js";

/** Where a command's entries go, with the offset-to-line map of the file. */
export interface ShellSink {
  at(offset: number): { line: number; column: number };
  push(entry: Entry): void;
}

/** Programs that run another program given after their own flags. */
const WRAPPERS = new Set(["srun", "mpirun", "mpiexec", "horovodrun", "numactl", "taskset", "nsys", "ncu", "uv", "poetry", "pipenv", "conda", "apptainer", "singularity", "xargs", "parallel", "ddp"]);
/** Wrappers named with their subcommand (`uv run`), and those followed by an image to skip. */
const WRAPPER_SUBCOMMANDS = new Set(["uv", "poetry", "pipenv", "conda", "apptainer", "singularity", "nsys", "ncu"]);
const WRAPPER_IMAGE = new Set(["apptainer", "singularity"]);
/** Launchers whose flags come before a training script, and whose context then names the script. */
const LAUNCHERS = new Set(["torchrun", "deepspeed", "composer", "accelerate launch", "fabric run", "lightning run model", "colossalai run", "tune run"]);
/** Programs whose first word is a subcommand that belongs in the context. */
const SUBCOMMANDS = new Set(["accelerate", "tune", "llamafactory-cli", "litgpt", "axolotl", "lightning", "fabric", "colossalai", "ray", "huggingface-cli", "sky", "modal", "mlx_lm", "nemo"]);
/** Prefixes that run the rest of the line as a command, with options of their own to skip. */
const PREFIXES = new Set(["nohup", "exec", "time", "command", "builtin", "sudo", "nice", "stdbuf", "timeout", "ionice", "env"]);
const PREFIX_OPTIONS_WITH_VALUE = /^-(n|u|s|k|g|c|i|o|e)$/;
/** Commands whose arguments are not settings, even when they look like flags (`echo "--bs 8"`). */
const NOT_SETTINGS = new Set(["echo", "printf", "[", "[[", "test", "read", "cd", "pushd", "popd", "set", "trap", "eval", "exit", "return", "source", ".", "alias", "let", "logger", "tee", "cat", "grep", "sed", "awk", "mkdir", "rm", "cp", "mv", "ln", "ls", "touch", "chmod", "sleep", "wait", "true", "false", "shift", "pip", "pip3", "git", "wget", "curl", "tar", "unzip", "module", "ulimit", "kill", "getopts", "case", "basename", "dirname", "realpath", "mapfile"]);
const KNOWN_PROGRAMS = /^(python[\d.]*|torchrun|deepspeed|accelerate|bash|sh|zsh|srun|mpirun|mpiexec|horovodrun|fairseq-[\w-]+|yolo|tune|llamafactory-cli|composer|litgpt|lightning|fabric|axolotl|colossalai|uv|poetry|pipenv|conda|apptainer|singularity|numactl|taskset|env|nohup|sbatch|ray|huggingface-cli|nsys|ncu|time|exec)$/;
const YOLO_TASKS = new Set(["detect", "segment", "classify", "pose", "obb"]);
const YOLO_MODES = new Set(["train", "val", "predict", "export", "track", "benchmark"]);
const TORCH_DISTRIBUTED = new Set(["torch.distributed.run", "torch.distributed.launch"]);

type Mode = "script" | "launcher" | "wrapper";

/** Where flags are being read: the command they belong to, and whether a script may follow. */
interface Section {
  context: string;
  mode: Mode;
}

/**
 * Reads one simple command's words (already expanded) into entries: each flag and Hydra-style
 * override with the command it belongs to as context. Launchers split their own flags
 * (`torchrun --nproc_per_node 8`) from the script's (`torchrun train.py --bs 4`).
 * @example analyseCommand(fields of "torchrun --nproc_per_node 8 train.py --bs 4", sink) // nproc_per_node: "torchrun"; bs: "torchrun train.py"
 */
export function analyseCommand(fields: Field[], sink: ShellSink): void {
  new CommandReader(fields, sink).analyse(0, 0);
}

class CommandReader {
  constructor(
    private fields: Field[],
    private sink: ShellSink,
  ) {}

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
    if (base === "bash" || base === "sh" || base === "zsh") {
      const script = text(i + 1);
      if (script === undefined || script.startsWith("-")) return;
      return void this.args(i + 2, { context: `${base} ${script}`, mode: "script" });
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
          this.emit([o.slice(0, o.indexOf("="))], { values: [valueAfterEquals(fields[i])], at: fields[i], context: "shell variable" });
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
    while (i < fields.length) {
      const field = fields[i];
      const t = known(field);
      if (t === undefined || t === "-") {
        if (mode !== "script") return i;
        i++;
      } else if (t === "--") {
        return mode === "script" ? fields.length : i + 1;
      } else if (isFlag(t)) {
        if (mode === "launcher" && (t === "-m" || t === "--module")) return i;
        const attached = /^-([A-Za-z])(\d+(?:\.\d+)?)$/.exec(t);
        const eq = t.indexOf("=");
        if (attached) {
          const value: Field = { segments: [{ text: attached[2], offset: field.offset + 2, split: false, quoted: false }], offset: field.offset + 2, raw: attached[2] };
          this.emit([attached[1]], { values: [value], at: field, context });
        } else if (eq > 0) this.emit([t.slice(0, eq).replace(/^-+/, "")], { values: [valueAfterEquals(field)], at: field, context });
        let j = i + 1;
        if (!attached && eq < 0) {
          // A launcher's own flags take one value each; a script's may take several (`--lr 0.25 0.1`).
          const most = mode === "script" ? Infinity : 1;
          while (j < fields.length && j - i - 1 < most && isValue(fields[j], mode)) j++;
          this.emit([t.replace(/^-+/, "")], { values: fields.slice(i + 1, j), at: field, context });
        }
        i = j;
      } else if (isOverride(t)) {
        this.override(field, context);
        i++;
      } else {
        if (mode !== "script") return i;
        i++;
      }
    }
    return fields.length;
  }

  /** `key=v`, `+key=v`, `++a.b=v` set a key path; `~a.b` removes one. */
  private override(field: Field, context: string): void {
    const t = known(field) ?? "";
    const m = /^(\+\+|\+|~)?([^=]+)(=?)/.exec(t)!;
    const path = m[2].split(".");
    if (m[1] === "~") {
      const pos = this.sink.at(field.offset);
      this.sink.push({ path, value: null, raw: field.raw, line: pos.line, column: pos.column, context, unknownReason: `removed by the override ${t}; the framework default applies` });
      return;
    }
    this.emit(path, { values: [valueAfterEquals(field)], at: field, context });
  }

  /** One entry at the flag's position; `--gres=gpu:4` also gives the GPU count per node. */
  private emit(path: string[], how: { values: Field[]; at: Field; context: string }): void {
    const pos = this.sink.at(how.at.offset);
    const entry: Entry = { path, value: true, raw: how.at.raw, line: pos.line, column: pos.column, context: how.context };
    if (how.values.length) {
      const v = fieldValue(how.values[0]);
      entry.raw = how.values.map((f) => f.raw).join(" ");
      if ("reason" in v) {
        entry.value = null;
        entry.unknownReason = v.reason;
      } else entry.value = typed(v.text);
    }
    this.sink.push(entry);
    const gpus = path.length === 1 && path[0] === "gres" && typeof entry.value === "string" ? /(?:^|,)gpu(?::[^:,]+)?:(\d+)/.exec(entry.value) : null;
    if (gpus) this.sink.push({ ...entry, path: ["gpus"], value: Number(gpus[1]) });
  }
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

function looksLikeCommand(t: string): boolean {
  return KNOWN_PROGRAMS.test(basename(t)) || /\.(py|sh)$/.test(t);
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

function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}
