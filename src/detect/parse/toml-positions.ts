/**
 * smol-toml returns values without positions, so this scanner walks the text the way TOML is
 * laid out — `[table]` and `[[array]]` headers, dotted keys, inline tables and arrays, all four
 * string forms — and records where each key path's value starts. It never judges validity: the
 * parser does that; this only finds lines.
 */
export interface TomlPosition {
  offset: number;
  raw: string;
}

export interface TomlLayout {
  positions: Map<string, TomlPosition>;
  /** Offsets and text of real comments, not `#` inside strings. */
  comments: Array<{ offset: number; text: string }>;
}

const MAX_DEPTH = 64;

/** @example tomlLayout("[training]\nlocal_batch_size = 8\n").positions.get("training\u0000local_batch_size") // {
 * offset: 30, raw: "8" } */
export function tomlLayout(text: string): TomlLayout {
  const scanner = new Scanner(text);
  return { positions: scanner.run(), comments: scanner.comments };
}

/** The key under which `tomlPositions` records a path. */
export function positionKey(path: string[]): string {
  return path.join("\u0000");
}

class Scanner {
  private i = 0;
  private table: string[] = [];
  private arrays = new Map<string, number>();
  private positions = new Map<string, TomlPosition>();
  readonly comments: TomlLayout["comments"] = [];

  constructor(private text: string) {}

  run(): Map<string, TomlPosition> {
    const t = this.text;
    while (this.i < t.length) {
      const before = this.i;
      this.blank(true);
      if (this.i >= t.length) break;
      if (t[this.i] === "[") this.header();
      else {
        const keyStart = this.i;
        const key = this.key();
        this.blank(false);
        if (key.length && t[this.i] === "=") {
          this.i++;
          this.blank(false);
          this.value([...this.table, ...key], 0);
        } else if (this.i === keyStart) this.i++;
      }
      this.blank(false);
      if (t[this.i] === "#") this.comment();
      this.toLineEnd();
      if (this.i === before) this.i++;
    }
    return this.positions;
  }

  private header(): void {
    const start = this.i;
    const isArray = this.text[this.i + 1] === "[";
    this.i += isArray ? 2 : 1;
    this.blank(false);
    const parts = this.key();
    const path: string[] = [];
    parts.forEach((part, n) => {
      path.push(part);
      const k = positionKey(path);
      if (n === parts.length - 1 && isArray) {
        const count = this.arrays.get(k) ?? 0;
        this.arrays.set(k, count + 1);
        path.push(String(count));
      } else if (this.arrays.has(k)) path.push(String(this.arrays.get(k)! - 1));
    });
    this.table = path;
    this.positions.set(positionKey(path), { offset: start, raw: "" });
    this.blank(false);
    for (let n = isArray ? 2 : 1; n > 0 && this.text[this.i] === "]"; n--) this.i++;
  }

  /** A dotted key: bare, "basic" or 'literal' parts. */
  private key(): string[] {
    const t = this.text;
    const parts: string[] = [];
    for (;;) {
      this.blank(false);
      const c = t[this.i];
      if (c === '"' || c === "'") {
        const end = this.stringEnd(this.i, c, false);
        parts.push(unquote(t.slice(this.i + 1, end - 1), c));
        this.i = end;
      } else {
        const m = /^[A-Za-z0-9_-]+/.exec(t.slice(this.i, this.i + 256));
        if (!m) break;
        parts.push(m[0]);
        this.i += m[0].length;
      }
      this.blank(false);
      if (t[this.i] !== ".") break;
      this.i++;
    }
    return parts;
  }

  private value(path: string[], depth: number): void {
    const t = this.text;
    const start = this.i;
    const c = t[this.i];
    if (depth > MAX_DEPTH) return;
    if (c === "[") {
      this.i++;
      for (let n = 0; this.i < t.length; n++) {
        this.blank(true);
        if (t[this.i] === "]" || this.i >= t.length) break;
        const at = this.i;
        this.value([...path, String(n)], depth + 1);
        this.blank(true);
        if (t[this.i] === ",") this.i++;
        else if (this.i === at) break;
      }
      if (t[this.i] === "]") this.i++;
      return;
    }
    if (c === "{") {
      this.i++;
      while (this.i < t.length) {
        this.blank(false);
        if (t[this.i] === "}" || t[this.i] === "\n") break;
        const at = this.i;
        const key = this.key();
        this.blank(false);
        if (t[this.i] !== "=") break;
        this.i++;
        this.blank(false);
        this.value([...path, ...key], depth + 1);
        this.blank(false);
        if (t[this.i] === ",") this.i++;
        else if (this.i === at) break;
      }
      if (t[this.i] === "}") this.i++;
      return;
    }
    if (c === '"' || c === "'") this.i = this.stringEnd(this.i, c, true);
    else {
      const m = /^[^,\]}#\n]*/.exec(t.slice(this.i, this.i + 4096))!;
      this.i += m[0].replace(/\s+$/, "").length;
    }
    this.positions.set(positionKey(path), { offset: start, raw: t.slice(start, this.i) });
  }

  /** The offset just past a string that starts at `i`; multi-line forms only where values may use them. */
  private stringEnd(i: number, q: string, multiline: boolean): number {
    const t = this.text;
    const triple = q.repeat(3);
    if (multiline && t.startsWith(triple, i)) {
      let j = i + 3;
      for (;;) {
        const k = t.indexOf(triple, j);
        if (k < 0) return t.length;
        if (q === '"' && isEscaped(t, k)) {
          j = k + 1;
          continue;
        }
        // A closing delimiter may carry up to two quotes of content before it: """a""""" ends after the last.
        let end = k + 3;
        while (end < k + 5 && t[end] === q) end++;
        return end;
      }
    }
    let j = i + 1;
    while (j < t.length && t[j] !== q && t[j] !== "\n") j += q === '"' && t[j] === "\\" ? 2 : 1;
    return Math.min(j + 1, t.length);
  }

  /** Skips spaces and tabs, and with `lines` also newlines and comments. */
  private blank(lines: boolean): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === " " || c === "\t" || c === "\r") this.i++;
      else if (lines && c === "\n") this.i++;
      else if (lines && c === "#") this.comment();
      else break;
    }
  }

  private comment(): void {
    const start = this.i;
    this.toLineEnd();
    this.comments.push({ offset: start, text: this.text.slice(start + 1, this.i).trim() });
  }

  private toLineEnd(): void {
    const eol = this.text.indexOf("\n", this.i);
    this.i = eol < 0 ? this.text.length : eol;
  }
}

function isEscaped(t: string, k: number): boolean {
  let n = 0;
  for (let j = k - 1; j >= 0 && t[j] === "\\"; j--) n++;
  return n % 2 === 1;
}

function unquote(s: string, q: string): string {
  if (q === "'") return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) {
      const n = parseInt(e.slice(1), 16);
      return n <= 0x10ffff ? String.fromCodePoint(n) : "";
    }
    return ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "\\": "\\" } as Record<string, string>)[e] ?? e;
  });
}
