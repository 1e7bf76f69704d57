import type { ParseProblem } from "../parse-problem.js";

/**
 * Splits shell text into words and control operators, keeping where each word and each part of a
 * word was written. Quoting, `\`-newline continuations, `$VAR`/`${VAR:-x}`/`$((…))`/`$(…)`,
 * arrays, redirections, here-documents and comments are recognised; nothing is run.
 */

export type WordPart =
  | { kind: "lit"; text: string; offset: number; quoted: boolean }
  | {
      kind: "var";
      name: string;
      raw: string;
      offset: number;
      quoted: boolean;
      op?: string;
      arg?: WordPart[];
      all?: boolean;
      complex?: boolean;
    }
  | { kind: "arith"; expr: string; raw: string; offset: number; quoted: boolean }
  | { kind: "cmdsub"; raw: string; offset: number; quoted: boolean };

export interface Word {
  kind: "word";
  parts: WordPart[];
  start: number;
  end: number;
  raw: string;
  /** Elements of an array assignment `NAME=(a b c)`. */
  array?: Word[];
}

export type Token =
  | Word
  | { kind: "op"; op: string; start: number }
  /** A `#SBATCH` line: a comment to the shell, settings to SLURM. `start` is where its text begins. */
  | { kind: "directive"; start: number; end: number }
  /** The body of a here-document (`<<EOF … EOF`), after the line that opened it; `quoted` when its delimiter was quoted
   * (no expansion). */
  | { kind: "heredoc"; start: number; end: number; quoted: boolean };

export interface Lexed {
  tokens: Token[];
  comments: Array<{ offset: number; text: string }>;
  /** Unterminated quotes and brackets, at the offset where they open. */
  errors: Array<{ offset: number; message: string; problem: ParseProblem }>;
}

const MAX_NESTING = 32;

/** How deep in `${…}` defaults a word sits, and where it must stop. */
interface Span {
  depth: number;
  bound: number;
}

/**
 * Lexes the whole text, or only `range` of it (a `#SBATCH` line) with offsets into the whole.
 * @example lexShell("BS=8 python t.py --bs $BS").tokens.length // 4 words
 */
export function lexShell(text: string, range: { from: number; to: number } = { from: 0, to: text.length }): Lexed {
  return new Lexer(text, range.to).run(range.from);
}

class Lexer {
  private tokens: Token[] = [];
  private comments: Lexed["comments"] = [];
  private errors: Lexed["errors"] = [];
  private heredocs: Array<{ delim: string; strip: boolean; quoted: boolean }> = [];

  constructor(
    private text: string,
    private end: number,
  ) {}

  run(from: number): Lexed {
    let i = from;
    while (i < this.end) i = this.step(i);
    return { tokens: this.tokens, comments: this.comments, errors: this.errors };
  }

  private step(i: number): number {
    const t = this.text;
    const c = t[i];
    if (c === " " || c === "\t" || c === "\r") return i + 1;
    if (c === "\\" && t[i + 1] === "\n") return i + 2;
    if (c === "\\" && t[i + 1] === "\r" && t[i + 2] === "\n") return i + 3;
    if (c === "\n") {
      this.tokens.push({ kind: "op", op: "\n", start: i });
      return this.skipHeredocs(i + 1);
    }
    if (c === "#") {
      const eol = this.lineEnd(i);
      const m = /^#SBATCH\s/.exec(t.slice(i, Math.min(eol, i + 8)));
      if (m && this.atLineStart(i)) this.tokens.push({ kind: "directive", start: i + 7, end: eol });
      else this.comments.push({ offset: i, text: t.slice(i + 1, eol).trim() });
      return eol;
    }
    if ((c === "<" || c === ">") && t[i + 1] === "(") {
      // Process substitution: its output is only known at run time, like $(…).
      const close = this.matching(i + 1, this.end);
      this.tokens.push({
        kind: "word",
        parts: [{ kind: "cmdsub", raw: t.slice(i, close + 1), offset: i, quoted: false }],
        start: i,
        end: close + 1,
        raw: t.slice(i, close + 1),
      });
      return close + 1;
    }
    const redir = /^(\d*)(&>>|&>|>>|>\||>&|<<<|<<-|<<|<&|<>|>|<)/.exec(t.slice(i, i + 12));
    if (redir) return this.redirection(i + redir[0].length, redir[2]);
    const op = /^(&&|\|\||;;&?|;&|\|&|[;&|()])/.exec(t.slice(i, i + 3));
    if (op) {
      this.tokens.push({ kind: "op", op: op[1] === "|&" ? "|" : op[1].startsWith(";") ? ";" : op[1], start: i });
      return i + op[1].length;
    }
    const word = this.word(i, { stopAtBlank: true, depth: 0, bound: this.end });
    if (word.end > i) this.tokens.push(word);
    return Math.max(word.end, i + 1);
  }

  /** Reads one word from `i`. With `stopAtBlank` false (inside `${x:-…}`) it runs to the bound. */
  private word(i: number, how: { stopAtBlank: boolean } & Span): Word {
    const { stopAtBlank, depth, bound } = how;
    const t = this.text;
    const parts: WordPart[] = [];
    const start = i;
    const lit = (text: string, offset: number, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.kind === "lit" && last.quoted === quoted && last.offset + last.text.length === offset)
        last.text += text;
      else parts.push({ kind: "lit", text, offset, quoted });
    };
    while (i < bound) {
      const c = t[i];
      if (stopAtBlank && /[\s;&|()<>]/.test(c)) {
        if (
          c === "(" &&
          parts.length === 1 &&
          parts[0].kind === "lit" &&
          !parts[0].quoted &&
          /^[A-Za-z_]\w*\+?=$/.test(parts[0].text)
        ) {
          return this.array(start, i, parts);
        }
        break;
      }
      if (c === "\\") {
        if (t[i + 1] === "\n") i += 2;
        else if (t[i + 1] === "\r" && t[i + 2] === "\n") i += 3;
        else {
          if (i + 1 < bound) lit(t[i + 1], i + 1, true);
          i += 2;
        }
      } else if (c === "'") {
        const close = t.indexOf("'", i + 1);
        const stop = close < 0 || close >= bound ? bound : close;
        if (stop === bound) this.fault(i, "unterminated single quote", { id: "parse.shellUnterminatedSingle" });
        lit(t.slice(i + 1, stop), i + 1, true);
        i = stop + 1;
      } else if (c === '"') {
        i = this.doubleQuoted(i + 1, parts, { depth, bound });
      } else if (c === "$" && t[i + 1] === "'") {
        const close = t.indexOf("'", i + 2);
        const stop = close < 0 || close >= bound ? bound : close;
        lit(
          t
            .slice(i + 2, stop)
            .replace(/\\n/g, "\n")
            .replace(/\\t/g, "\t"),
          i + 2,
          true,
        );
        i = stop + 1;
      } else if (c === "$" || c === "`") {
        i = this.dollar(i, parts, { quoted: false, depth, bound });
      } else {
        lit(c, i, false);
        i++;
      }
    }
    i = Math.min(i, bound);
    return {
      kind: "word",
      parts: parts.filter((p) => !(p.kind === "lit" && p.text === "" && !p.quoted)),
      start,
      end: i,
      raw: t.slice(start, i),
    };
  }

  private array(start: number, open: number, parts: WordPart[]): Word {
    const elements: Word[] = [];
    let i = open + 1;
    while (i < this.end && this.text[i] !== ")") {
      const c = this.text[i];
      if (/\s/.test(c)) i++;
      else if (c === "#") i = this.lineEnd(i);
      else {
        const w = this.word(i, { stopAtBlank: true, depth: 0, bound: this.end });
        if (w.end === i) i++;
        else {
          elements.push(w);
          i = w.end;
        }
      }
    }
    const end = Math.min(i + 1, this.end);
    return { kind: "word", parts, start, end, raw: this.text.slice(start, end), array: elements };
  }

  private doubleQuoted(i: number, parts: WordPart[], span: Span): number {
    const { depth, bound } = span;
    const t = this.text;
    let buf = "";
    let bufStart = i;
    const flush = () => {
      parts.push({ kind: "lit", text: buf, offset: bufStart, quoted: true });
      buf = "";
    };
    if (!this.closes(i, bound)) this.fault(i - 1, "unterminated double quote", { id: "parse.shellUnterminatedDouble" });
    while (i < bound && t[i] !== '"') {
      const c = t[i];
      if (c === "\\" && i + 1 < bound && /[$`"\\\n]/.test(t[i + 1])) {
        // Restart the run after an escape so every character keeps its own offset.
        flush();
        if (t[i + 1] !== "\n") buf += t[i + 1];
        bufStart = t[i + 1] === "\n" ? i + 2 : i + 1;
        i += 2;
      } else if (c === "$" || c === "`") {
        flush();
        i = this.dollar(i, parts, { quoted: true, depth, bound });
        bufStart = i;
      } else {
        buf += c;
        i++;
      }
    }
    flush();
    return i + 1;
  }

  /** `$NAME`, `${…}`, `$((…))`, `$(…)` and backticks, as one part. */
  private dollar(i: number, parts: WordPart[], how: { quoted: boolean } & Span): number {
    const { quoted, depth, bound } = how;
    const t = this.text;
    if (t[i] === "`") {
      let j = i + 1;
      while (j < bound && t[j] !== "`") j += t[j] === "\\" ? 2 : 1;
      parts.push({ kind: "cmdsub", raw: t.slice(i, j + 1), offset: i, quoted });
      return j + 1;
    }
    if (t[i + 1] === "(") {
      const close = this.matching(i + 1, bound);
      const raw = t.slice(i, close + 1);
      if (t[i + 2] === "(" && t[close - 1] === ")")
        parts.push({ kind: "arith", expr: t.slice(i + 3, close - 1), raw, offset: i, quoted });
      else parts.push({ kind: "cmdsub", raw, offset: i, quoted });
      return close + 1;
    }
    if (t[i + 1] === "{") {
      const close = this.matching(i + 1, bound);
      parts.push(this.braced(i, { close, quoted, depth }));
      return close + 1;
    }
    const m = /^(?:[A-Za-z_]\w*|[0-9@*#?$!-])/.exec(t.slice(i + 1, Math.min(bound, i + 256)));
    if (!m) {
      parts.push({ kind: "lit", text: "$", offset: i, quoted });
      return i + 1;
    }
    parts.push({ kind: "var", name: m[0], raw: `$${m[0]}`, offset: i, quoted });
    return i + 1 + m[0].length;
  }

  private braced(i: number, how: { close: number; quoted: boolean; depth: number }): WordPart {
    const { close, quoted, depth } = how;
    const raw = this.text.slice(i, close + 1);
    const inner = this.text.slice(i + 2, close);
    const m = /^([A-Za-z_]\w*|\d+|[@*#?$!-])(\[[@*]\])?(:?[-=+?])?/.exec(inner);
    if (!m || /^[#!]./.test(inner)) return { kind: "var", name: inner, raw, offset: i, quoted, complex: true };
    const rest = inner.slice(m[0].length);
    if (!m[3] && rest !== "") return { kind: "var", name: m[1], raw, offset: i, quoted, complex: true };
    const part: WordPart = { kind: "var", name: m[1], raw, offset: i, quoted, all: Boolean(m[2]) };
    if (m[3]) {
      part.op = m[3];
      const argStart = i + 2 + m[0].length;
      if (depth >= MAX_NESTING) {
        this.fault(i, `parameter expansions nested deeper than ${MAX_NESTING} levels`, {
          id: "parse.shellTooDeep",
          params: { max: MAX_NESTING },
        });
        return { kind: "var", name: m[1], raw, offset: i, quoted, complex: true };
      }
      part.arg = this.word(argStart, { stopAtBlank: false, depth: depth + 1, bound: close }).parts;
      if (quoted) part.arg = part.arg.map((p) => ({ ...p, quoted: true }));
    }
    return part;
  }

  /** Index of the bracket closing the one at `open`, skipping quoted text; the bound when unclosed. */
  private matching(open: number, bound: number): number {
    const t = this.text;
    const openCh = t[open];
    const closeCh = openCh === "(" ? ")" : "}";
    let depth = 0;
    for (let j = open; j < bound; j++) {
      const c = t[j];
      if (c === "\\") j++;
      else if (c === "'" && openCh === "(") {
        const q = t.indexOf("'", j + 1);
        j = q < 0 || q >= bound ? bound : q;
      } else if (c === '"') {
        let q = j + 1;
        while (q < bound && t[q] !== '"') q += t[q] === "\\" ? 2 : 1;
        j = q;
      } else if (c === openCh) depth++;
      else if (c === closeCh && --depth === 0) return j;
    }
    const opener = openCh === "(" ? "$(" : "${";
    this.fault(open - (openCh === "(" || openCh === "{" ? 1 : 0), `unclosed ${opener}`, {
      id: "parse.shellUnclosed",
      params: { open: opener },
    });
    return bound - 1;
  }

  private redirection(i: number, op: string): number {
    while (i < this.end && (this.text[i] === " " || this.text[i] === "\t")) i++;
    const target = this.word(i, { stopAtBlank: true, depth: 0, bound: this.end });
    if (op === "<<" || op === "<<-") {
      const delim = target.parts.map((p) => (p.kind === "lit" ? p.text : p.raw)).join("");
      if (delim) this.heredocs.push({ delim, strip: op === "<<-", quoted: target.parts.some((p) => p.quoted) });
    }
    return Math.max(target.end, i);
  }

  private skipHeredocs(i: number): number {
    while (this.heredocs.length) {
      const { delim, strip, quoted } = this.heredocs.shift()!;
      const start = i;
      for (;;) {
        if (i >= this.end) {
          this.tokens.push({ kind: "heredoc", start, end: this.end, quoted });
          return this.end;
        }
        const eol = this.lineEnd(i);
        const line = this.text.slice(i, eol).replace(/\r$/, "");
        if ((strip ? line.replace(/^\t+/, "") : line) === delim) {
          this.tokens.push({ kind: "heredoc", start, end: i, quoted });
          i = eol + 1;
          break;
        }
        i = eol + 1;
      }
    }
    return i;
  }

  private fault(offset: number, message: string, problem: ParseProblem): void {
    if (this.errors.length < 20) this.errors.push({ offset: Math.max(0, offset), message, problem });
  }

  /** Whether a double-quoted string opened before `i` is closed before the bound. */
  private closes(i: number, bound: number): boolean {
    for (let j = i; j < bound; j++) {
      if (this.text[j] === "\\") j++;
      else if (this.text[j] === '"') return true;
    }
    return false;
  }

  private lineEnd(i: number): number {
    const eol = this.text.indexOf("\n", i);
    return eol < 0 || eol > this.end ? this.end : eol;
  }

  private atLineStart(i: number): boolean {
    for (let j = i - 1; j >= 0; j--) {
      if (this.text[j] === "\n") return true;
      if (this.text[j] !== " " && this.text[j] !== "\t") return false;
    }
    return true;
  }
}
