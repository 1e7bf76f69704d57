import type { ParsedConfig, ParseError } from "../types.js";
import { lexGin, type GinToken } from "./gin-tokens.js";
import { lineIndex } from "./line-index.js";
import { pythonNumber, pythonString } from "./python-literal.js";
import { unknownReason } from "./unknown-value.js";
import { syntaxError } from "../parse-problem.js";
import { EntrySink, limitError, unknownNode, type ValueNode } from "./value-tree.js";

/** A value as written, before `%MACRO` references are resolved against the whole file. */
type GinValue =
  | { kind: "leaf"; node: ValueNode }
  | { kind: "macro"; name: string; raw: string; offset: number }
  | { kind: "list"; items: GinValue[]; raw: string; offset: number }
  | { kind: "map"; items: Array<[string, GinValue]>; raw: string; offset: number };

interface Binding {
  path: string[];
  value: GinValue;
}

const MAX_DEPTH = 64;
const MAX_ERRORS = 20;

/**
 * Parses a gin-config file (t5x) into entries: macros (`BATCH_SIZE = 128` → ["BATCH_SIZE"]),
 * bindings (`train/utils.DatasetConfig.batch_size = %BATCH_SIZE` → ["train/utils.DatasetConfig",
 * "batch_size"], value 128, raw "%BATCH_SIZE"), the block form `selector:` + indented `param = v`,
 * and `include '…'` lines as ["include", "0"]. A later binding of the same key wins, as in gin.
 * @example parseGin("BATCH_SIZE = 128\n", "t.gin").entries[0]
 *   // {path:["BATCH_SIZE"], value:128, raw:"128", line:1, column:14}
 */
export function parseGin(text: string, path: string): ParsedConfig {
  const at = lineIndex(text);
  const lexed = lexGin(text);
  const out: ParsedConfig = {
    path,
    format: "gin",
    entries: [],
    comments: lexed.comments.map((c) => ({ line: at(c.offset).line, text: c.text })),
    errors: [],
  };
  const reader = new GinReader(lexed.tokens, text, out.errors, at);
  reader.read();
  const last = new Map<string, Binding>();
  for (const b of reader.bindings) {
    const key = b.path.join("\u0000");
    last.delete(key);
    last.set(key, b);
  }
  const macros = new Map<string, GinValue>();
  for (const b of last.values()) if (b.path.length === 1) macros.set(b.path[0], b.value);
  const sink = new EntrySink(at);
  const resolver = new MacroResolver(macros);
  for (const b of last.values()) sink.add(resolver.resolve(b.value, 0), b.path);
  out.entries = sink.entries;
  if (sink.limitHit) out.errors.push(limitError("gin", sink.limitHit));
  return out;
}

/**
 * Resolves `%MACRO` references. Each macro is resolved once and shared, so a macro built from
 * others (`A2 = [%A1, %A1]`) stays a small graph; the entry sink bounds what it expands to.
 */
class MacroResolver {
  private done = new Map<string, ValueNode>();
  private active = new Set<string>();

  constructor(private macros: Map<string, GinValue>) {}

  resolve(v: GinValue, depth: number): ValueNode {
    if (depth > MAX_DEPTH) return unknownNode({ id: "value.ginTooDeep" }, { raw: "", offset: 0 });
    switch (v.kind) {
      case "leaf":
        return v.node;
      case "list":
        return { kind: "list", items: v.items.map((i) => this.resolve(i, depth + 1)), raw: v.raw, offset: v.offset };
      case "map":
        return {
          kind: "map",
          items: v.items.map(([k, i]): [string, ValueNode] => [k, this.resolve(i, depth + 1)]),
          raw: v.raw,
          offset: v.offset,
        };
      case "macro": {
        const node = this.macro(v, depth);
        // A number read through a macro is reported where the macro writes it (the line a pull request
        // edits); an unknown one where it is used, naming the macro.
        if (node.kind === "unknown") return { ...node, raw: v.raw, offset: v.offset };
        return node;
      }
    }
  }

  private macro(v: Extract<GinValue, { kind: "macro" }>, depth: number): ValueNode {
    if (v.name === "gin.REQUIRED")
      return unknownNode(
        { id: "value.ginRequired" },
        {
          raw: v.raw,
          offset: v.offset,
        },
      );
    const cached = this.done.get(v.name);
    if (cached) return cached;
    const bound = this.macros.get(v.name);
    if (!bound)
      return unknownNode(unknownReason(v.raw) ?? { id: "value.ginMacro", params: { name: v.raw } }, {
        raw: v.raw,
        offset: v.offset,
      });
    if (this.active.has(v.name))
      return unknownNode({ id: "value.ginMacroSelf", params: { name: v.raw } }, { raw: v.raw, offset: v.offset });
    this.active.add(v.name);
    const node = this.resolve(bound, depth + 1);
    this.active.delete(v.name);
    this.done.set(v.name, node);
    return node;
  }
}

class GinReader {
  readonly bindings: Binding[] = [];
  private pos = 0;
  private includes = 0;
  private block: string | undefined;

  constructor(
    private tokens: GinToken[],
    private text: string,
    private errors: ParseError[],
    private at: (offset: number) => { line: number; column: number },
  ) {}

  read(): void {
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos];
      if (t.kind === "newline") {
        this.pos++;
        continue;
      }
      if (!t.indented) this.block = undefined;
      const next = this.tokens[this.pos + 1];
      if (t.kind === "name" && (t.text === "import" || t.text === "from")) this.skipLine();
      else if (t.kind === "name" && t.text === "include" && next?.kind === "string") {
        this.pos++;
        this.bindings.push({ path: ["include", String(this.includes++)], value: this.value(0) });
        this.endLine();
      } else if (t.kind === "name" && next?.text === "=" && next.kind === "punct") {
        this.pos += 2;
        const value = this.value(0);
        // A binding whose value could not be read is reported as an error, not kept as a setting.
        if (!(value.kind === "leaf" && value.node.kind === "unknown" && value.node.reason.id === "value.ginSyntax"))
          this.bindings.push({ path: this.bindingPath(t), value });
        this.endLine();
      } else if (t.kind === "name" && next?.text === ":" && this.tokens[this.pos + 2]?.kind === "newline") {
        this.block = t.text;
        this.pos += 3;
      } else this.fail(t, `expected a binding "name = value", found ${JSON.stringify(t.text)}`);
    }
  }

  private bindingPath(t: GinToken): string[] {
    if (this.block && t.indented && !t.text.includes(".")) return [this.block, t.text];
    const dot = t.text.lastIndexOf(".");
    return dot > 0 ? [t.text.slice(0, dot), t.text.slice(dot + 1)] : [t.text];
  }

  private value(depth: number): GinValue {
    const t = this.tokens[this.pos];
    if (!t || t.kind === "newline") return this.bad(t, "missing value");
    if (depth > MAX_DEPTH) return this.bad(t, `values nested deeper than ${MAX_DEPTH} levels`);
    const leaf = (node: ValueNode): GinValue => ({ kind: "leaf", node });
    if (t.kind === "string") {
      let s = "";
      const start = t.offset;
      let end = start;
      for (let u = this.tokens[this.pos]; u?.kind === "string"; u = this.tokens[++this.pos]) {
        s += pythonString(u.text) ?? "";
        end = u.offset + u.text.length;
      }
      return leaf({ kind: "scalar", value: s, raw: this.text.slice(start, end), offset: start });
    }
    if (
      t.kind === "number" ||
      (t.kind === "punct" && (t.text === "-" || t.text === "+") && this.tokens[this.pos + 1]?.kind === "number")
    ) {
      const sign = t.kind === "punct" ? (this.tokens[this.pos++].text === "-" ? -1 : 1) : 1;
      const n = this.tokens[this.pos++];
      const raw = this.text.slice(t.offset, n.offset + n.text.length);
      const r = pythonNumber(n.text);
      return leaf(
        "value" in r
          ? { kind: "scalar", value: sign * r.value, raw, offset: t.offset }
          : unknownNode(r.reason, { raw: raw, offset: t.offset }),
      );
    }
    this.pos++;
    if (t.kind === "ref") return leaf({ kind: "scalar", value: t.text, raw: t.text, offset: t.offset });
    if (t.kind === "macro") return { kind: "macro", name: t.text.slice(1), raw: t.text, offset: t.offset };
    if (t.kind === "name" && /^(True|False|None)$/.test(t.text))
      return leaf({
        kind: "scalar",
        value: t.text === "None" ? null : t.text === "True",
        raw: t.text,
        offset: t.offset,
      });
    if (t.kind === "punct" && (t.text === "[" || t.text === "("))
      return this.list(t, t.text === "[" ? "]" : ")", depth);
    if (t.kind === "punct" && t.text === "{") return this.map(t, depth);
    this.pos--;
    return this.bad(t, `unexpected ${JSON.stringify(t.text)} in a value`);
  }

  private list(open: GinToken, close: string, depth: number): GinValue {
    const items: GinValue[] = [];
    while (
      this.pos < this.tokens.length &&
      this.tokens[this.pos].text !== close &&
      this.tokens[this.pos].kind !== "newline"
    ) {
      const before = this.pos;
      items.push(this.value(depth + 1));
      if (this.tokens[this.pos]?.text === ",") this.pos++;
      else if (this.tokens[this.pos]?.text !== close && this.tokens[this.pos]?.kind !== "newline")
        this.fail(this.tokens[this.pos] ?? open, `expected "," or "${close}"`, false);
      if (this.pos === before) this.pos++;
    }
    return { kind: "list", items, raw: this.closeRaw(open), offset: open.offset };
  }

  private map(open: GinToken, depth: number): GinValue {
    const items: Array<[string, GinValue]> = [];
    while (
      this.pos < this.tokens.length &&
      this.tokens[this.pos].text !== "}" &&
      this.tokens[this.pos].kind !== "newline"
    ) {
      const before = this.pos;
      const key = this.value(depth + 1);
      if (this.tokens[this.pos]?.text === ":") {
        this.pos++;
        const value = this.value(depth + 1);
        if (key.kind === "leaf" && key.node.kind === "scalar") items.push([String(key.node.value), value]);
      } else this.fail(this.tokens[this.pos] ?? open, 'expected ":" in a dict', false);
      if (this.tokens[this.pos]?.text === ",") this.pos++;
      if (this.pos === before) this.pos++;
    }
    return { kind: "map", items, raw: this.closeRaw(open), offset: open.offset };
  }

  /** Consumes the closing bracket and returns the source text from the opening one. */
  private closeRaw(open: GinToken): string {
    const close = this.tokens[this.pos];
    if (close && close.kind !== "newline") this.pos++;
    else this.fail(open, `unclosed "${open.text}"`, false);
    const end = close ? close.offset + close.text.length : this.text.length;
    return this.text.slice(open.offset, end);
  }

  private bad(t: GinToken | undefined, message: string): GinValue {
    const offset = t?.offset ?? this.text.length;
    this.fail(t, message, false);
    return {
      kind: "leaf",
      node: unknownNode({ id: "value.ginSyntax", params: { message } }, { raw: "", offset: offset }),
    };
  }

  private endLine(): void {
    const t = this.tokens[this.pos];
    if (t && t.kind !== "newline") this.fail(t, `unexpected ${JSON.stringify(t.text)} after a value`);
  }

  /** Records an error once per line; by default skips the rest of the line. */
  private fail(t: GinToken | undefined, message: string, skip = true): void {
    const p = this.at(t?.offset ?? this.text.length);
    const last = this.errors[this.errors.length - 1];
    if (this.errors.length < MAX_ERRORS && last?.line !== p.line)
      this.errors.push(syntaxError("gin", message, { line: p.line, column: p.column }));
    if (skip) this.skipLine();
  }

  private skipLine(): void {
    while (this.pos < this.tokens.length && this.tokens[this.pos].kind !== "newline") this.pos++;
  }
}
