import type { DetectionReason } from "../reason.js";
import { caughtError, ParseLimit } from "../parse-problem.js";
import type { Comment, Entry, ParsedConfig } from "../types.js";
import { lineIndex } from "./line-index.js";
import { analyseCommand, typed, type ShellSink } from "./shell-command.js";
import { fieldValue, ShellVars, type Field, type Segment } from "./shell-expand.js";
import { lexShell, type Token, type Word } from "./shell-lexer.js";

/** Bounds for hostile scripts: words after expansion, and entries kept. */
export const SHELL_LIMITS = { maxFields: 200_000, maxEntries: 50_000 };

const RESERVED = new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "while",
  "until",
  "!",
  "{",
  "}",
  "esac",
  "in",
]);
const DECLARERS = new Set(["export", "declare", "typeset", "local", "readonly"]);

/**
 * Parses a shell script or a bare command line into entries: flags (`--per_device_train_batch_size 8`,
 * `-b 64`), Hydra/Ultralytics overrides (`data.batch_size=64`), a script's positional arguments
 * (`./distributed_train.sh 4` → `#1`), yacs options (`SOLVER.IMS_PER_BATCH 8`), variables
 * (`MICRO_BATCH_SIZE=2`, context "shell variable"; `GPUS=8 cmd`, context the command) substituted
 * where they are used, `$((…))` arithmetic, and `#SBATCH` headers (context "sbatch"). Each flag's
 * context is the command it belongs to (see analyseCommand); its line and column are the flag's
 * own (where a value came out of a variable, the line that defines it). Nothing is run.
 * @example parseShell("torchrun --nproc_per_node 8 train.py --bs 4", "run.sh").entries.map((e) => e.context)
 *   // ["torchrun", "torchrun train.py"]
 */
export function parseShell(text: string, path: string): ParsedConfig {
  const at = lineIndex(text);
  const out: ParsedConfig = { path, format: "shell", entries: [], comments: [], errors: [] };
  const lexed = lexShell(text);
  // A shebang names the interpreter; it is not a comment anyone wrote about the settings.
  out.comments = lexed.comments
    .filter((c) => !(c.offset === 0 && c.text.startsWith("!")))
    .map((c) => ({ line: at(c.offset).line, text: c.text }));
  for (const e of lexed.errors)
    out.errors.push({ message: `shell: ${e.message}`, ...at(e.offset), problem: e.problem });
  const reader = new ScriptReader(text, at, out.entries, out.comments);
  try {
    reader.read(lexed.tokens);
  } catch (error) {
    out.errors.push(caughtError(error, "shell"));
  }
  out.comments.sort((a, b) => a.line - b.line);
  return out;
}

class ScriptReader {
  private vars = new ShellVars();
  private fields = 0;
  private sink: ShellSink;

  constructor(
    private text: string,
    private at: (offset: number) => { line: number; column: number },
    private entries: Entry[],
    private comments: Comment[],
  ) {
    this.sink = {
      at,
      push: (entry) => {
        if (this.entries.length >= SHELL_LIMITS.maxEntries)
          throw new ParseLimit(
            `shell: more than ${SHELL_LIMITS.maxEntries} settings; the rest of the file was skipped`,
            {
              id: "parse.tooManySettings",
              params: { max: SHELL_LIMITS.maxEntries },
            },
          );
        this.entries.push(entry);
      },
    };
  }

  read(tokens: Token[]): void {
    let command: Word[] = [];
    let last: Word[] = [];
    for (const token of tokens) {
      if (token.kind === "word") {
        command.push(token);
        continue;
      }
      this.command(command);
      if (command.length) last = command;
      command = [];
      if (token.kind === "directive") this.directive(token.start, token.end);
      if (token.kind === "heredoc") this.heredoc(last, token);
    }
    this.command(command);
  }

  /**
   * `read -r -d '' CMD <<EOF … EOF`: the here-document becomes the variable's value, its words kept
   * at their own lines, so `deepspeed $CMD` reads the flags written in the body.
   */
  private heredoc(words: Word[], body: { start: number; end: number; quoted: boolean }): void {
    let k = 0;
    while (k < words.length && assignment(words[k])) k++;
    if (words[k]?.raw !== "read") return;
    const name = [...words.slice(k + 1)].reverse().find((w) => /^[A-Za-z_]\w*$/.test(w.raw))?.raw;
    if (!name) return;
    const whole = words.some((w) => w.raw === "-d");
    const end = whole ? body.end : Math.min(body.end, this.lineEnd(body.start));
    const segments: Segment[] = [];
    if (body.quoted)
      segments.push({ text: this.text.slice(body.start, end), offset: body.start, split: false, quoted: false });
    else {
      for (const token of lexShell(this.text, { from: body.start, to: end }).tokens) {
        if (token.kind !== "word") continue;
        if (segments.length) segments.push({ text: " \u0000", offset: token.start, split: true, quoted: false });
        segments.push(...this.vars.expandParts(token.parts));
      }
    }
    this.vars.set(name, { segments, offset: body.start });
  }

  private lineEnd(i: number): number {
    const eol = this.text.indexOf("\n", i);
    return eol < 0 ? this.text.length : eol;
  }

  /** `#SBATCH --gres=gpu:4`: sbatch reads these flags literally, without expanding variables. */
  private directive(start: number, end: number): void {
    const lexed = lexShell(this.text, { from: start, to: end });
    for (const c of lexed.comments) this.comments.push({ line: this.at(c.offset).line, text: c.text });
    const words = lexed.tokens.filter((t): t is Word => t.kind === "word");
    const fields = words.map(
      (w): Field => ({
        segments: w.parts.map(
          (p): Segment => ({ text: p.kind === "lit" ? p.text : p.raw, offset: p.offset, split: false, quoted: true }),
        ),
        offset: w.start,
        raw: w.raw,
      }),
    );
    analyseCommand(
      {
        fields: [
          { segments: [{ text: "sbatch", offset: start, split: false, quoted: false }], offset: start, raw: "sbatch" },
          ...fields,
        ],
      },
      this.sink,
    );
  }

  private command(words: Word[]): void {
    while (words.length && RESERVED.has(words[0].raw)) words = words.slice(1);
    if (!words.length) return;
    const first = words[0].raw;
    if (first === "for" || first === "select") return this.loop(words);
    if (first === "case" || first === "function") return;
    let k = 0;
    while (k < words.length && assignment(words[k])) k++;
    if (k === words.length) return words.forEach((w) => this.sink.push(this.assign(w, true)));
    const program = words[k].raw;
    if (DECLARERS.has(program))
      return words.slice(k + 1).forEach((w) => assignment(w) && this.sink.push(this.assign(w, true)));
    if (program === "unset") return words.slice(k + 1).forEach((w) => this.vars.unset(w.raw));
    // `VAR=x cmd` sets VAR for that command only: read with the command as context, not kept for later lines.
    const env = words.slice(0, k).map((w) => this.assign(w, false));
    const fields: Field[] = [];
    let drift = 0;
    for (const w of words.slice(k)) {
      const expanded = this.vars.expandWord(w);
      const drifts = wordDrift(w, expanded);
      fields.push(
        ...expanded.map((f) =>
          drift || drifts ? { ...f, ...(drift ? { drift } : {}), ...(drifts ? { drifts } : {}) } : f,
        ),
      );
      if (drifts) drift++;
      if ((this.fields += expanded.length) > SHELL_LIMITS.maxFields)
        throw new ParseLimit(
          `shell: more than ${SHELL_LIMITS.maxFields} words after expansion; the rest of the file was skipped`,
          { id: "parse.tooManyWords", params: { max: SHELL_LIMITS.maxFields } },
        );
    }
    analyseCommand({ fields, env }, this.sink);
  }

  /** The entry for `NAME=value` (context "shell variable"); `keep` sets NAME for the lines after. */
  private assign(word: Word, keep: boolean): Entry {
    const first = word.parts[0] as Extract<Word["parts"][number], { kind: "lit" }>;
    const m = /^([A-Za-z_]\w*)(\+?)=/.exec(first.text)!;
    const name = m[1];
    const rest = [
      { ...first, text: first.text.slice(m[0].length), offset: first.offset + m[0].length },
      ...word.parts.slice(1),
    ];
    const previous = this.vars.get(name);
    let elements = word.array?.map((w) => this.vars.expandParts(w.parts));
    // `ARR+=(…)` appends elements to the array (a scalar before it becomes its first element).
    if (elements && m[2] && previous) elements = [...(previous.elements ?? [previous.segments]), ...elements];
    let segments = elements
      ? (elements[0] ?? [])
      : this.vars.expandParts(rest.filter((p) => !(p.kind === "lit" && p.text === "" && !p.quoted)));
    if (m[2] && previous && !word.array) segments = [...previous.segments, ...segments];
    const shown = elements
      ? elements.flatMap((el, i) => (i ? [{ text: " ", offset: 0, split: false, quoted: true }, ...el] : el))
      : segments;
    const value = fieldValue({ segments: shown, offset: word.start, raw: word.raw });
    const pos = this.at(word.start);
    const entry: Entry = {
      path: [name],
      value: "text" in value ? typed(value.text) : null,
      raw: word.raw.slice(m[0].length),
      line: pos.line,
      column: pos.column,
      context: "shell variable",
    };
    if ("reason" in value) entry.unknownReason = value.reason;
    if (keep) this.vars.set(name, { segments, elements, offset: word.start });
    return entry;
  }

  private loop(words: Word[]): void {
    const name = words[1]?.raw;
    if (!name || !/^[A-Za-z_]\w*$/.test(name)) return;
    const values = words
      .slice(3)
      .map((w) => w.raw)
      .join(" ");
    const reason: DetectionReason = values
      ? { id: "value.loopVariableOf", params: { name, values } }
      : { id: "value.loopVariable", params: { name } };
    this.vars.set(name, {
      segments: [{ text: `$${name}`, offset: words[1].start, split: false, quoted: true, unknown: reason }],
      offset: words[1].start,
    });
  }
}

/**
 * Whether a word may stand for any number of words at run time: `"$@"`, `${@:3}` and unknown
 * arrays spread; an unknown unquoted expansion is split by the shell.
 */
function wordDrift(word: Word, fields: Field[]): Field["drifts"] {
  const unknown = fields.some((f) => f.segments.some((s) => s.unknown));
  if (word.parts.some((p) => p.kind === "var" && (/^[@*]/.test(p.name) || (p.all && unknown)))) return "spread";
  return unknown && word.parts.some((p) => p.kind !== "lit" && !p.quoted) ? "split" : undefined;
}

/** `NAME=…` at the start of a command: its first part is unquoted literal text. */
function assignment(word: Word): boolean {
  const first = word.parts[0];
  return first?.kind === "lit" && !first.quoted && first.offset === word.start && /^[A-Za-z_]\w*\+?=/.test(first.text);
}
