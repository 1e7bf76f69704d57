import type { DetectionReason } from "../reason.js";
import type { ParsedConfig } from "../types.js";
import { binaryOp } from "./arithmetic.js";
import { lineIndex } from "./line-index.js";
import { importTarget, JSONNET_IMPORT_LIMITS } from "./jsonnet-imports.js";
import { JSONNET_LIMITS, JsonnetSyntaxError, type Tok, tokenize } from "./jsonnet-tokens.js";
import { syntaxError } from "../parse-problem.js";
import { EntrySink, limitError, unknownNode, type ValueNode } from "./value-tree.js";

/**
 * Parses a Jsonnet config (`.jsonnet`, `.libsonnet`; AllenNLP's training configs) with its own
 * reader — nothing is evaluated by a Jsonnet engine, nothing is run: objects, arrays, literals,
 * `local` bindings, field references through locals, and literal arithmetic (`64 / 4`) become
 * entries; a value reached through a local keeps the line of the `local` that writes it. What only
 * a run can give (`std.extVar`, `import`, function calls, `self`, object composition) is unknown
 * with its reason. Never throws; a syntax error comes back with its line.
 * @example parseJsonnet('local bs = 16;\n{ data_loader: { batch_size: bs } }', "c.jsonnet").entries[0]
 *   // {path:["data_loader","batch_size"], value:16, line:1}
 */
export function parseJsonnet(text: string, path: string, imports?: ReadonlyMap<string, string | null>): ParsedConfig {
  const at = lineIndex(text);
  const out: ParsedConfig = { path, format: "jsonnet", entries: [], comments: [], errors: [] };
  const toks = tokenize(text, out);
  if (!toks) return out;
  const reader = new Reader(text, toks, { path, imports, depth: 0 });
  try {
    const value = reader.expr(new Map(), 0);
    if (!reader.done()) throw new JsonnetSyntaxError(`unexpected ${reader.peekText()}`, reader.offset());
    const sink = new EntrySink(at);
    sink.add(value, []);
    out.entries = sink.entries;
    if (sink.limitHit) out.errors.push(limitError("Jsonnet", sink.limitHit));
  } catch (error) {
    const offset = error instanceof JsonnetSyntaxError ? error.offset : reader.offset();
    out.errors.push(syntaxError("Jsonnet", (error as Error).message, at(offset)));
  }
  return out;
}

type Env = Map<string, ValueNode>;

/** The file being read and the files it may import, read beforehand: the parser does no I/O. */
interface ImportContext {
  path: string;
  /** Unset when the caller read no imports (a file parsed on its own, without its repository). */
  imports: ReadonlyMap<string, string | null> | undefined;
  depth: number;
}

/**
 * `import "x.libsonnet"` read from the pre-read files, its values placed where that file writes
 * them; `importstr` is the file's text. Outside the repository, absent, too deep or binary: unknown,
 * saying which.
 */
function importNode(kind: string, file: Tok, from: ImportContext): ValueNode {
  const raw = `${kind} ${file.text}`;
  const name = typeof file.value === "string" ? file.value : file.text;
  const unknown = (reason: DetectionReason) => unknownNode(reason, { raw, offset: file.offset });
  if (kind === "importbin") return unknown({ id: "value.importBinary", params: { file: name } });
  const target = importTarget(from.path, name);
  if (target === undefined) return unknown({ id: "value.importOutside", params: { file: name } });
  if (!from.imports) return unknown({ id: "value.importNoRepository", params: { file: name } });
  const text = from.imports.get(target);
  if (text === undefined)
    return unknown({
      id: "value.importOverLimit",
      params: { file: name, depth: JSONNET_IMPORT_LIMITS.depth, files: JSONNET_IMPORT_LIMITS.files },
    });
  if (text === null) return unknown({ id: "value.importMissing", params: { file: name } });
  if (kind === "importstr") return { kind: "scalar", value: text, raw, offset: file.offset };
  if (from.depth + 1 >= JSONNET_IMPORT_LIMITS.depth)
    return unknown({ id: "value.importTooDeep", params: { file: name, depth: JSONNET_IMPORT_LIMITS.depth } });
  const out: ParsedConfig = { path: target, format: "jsonnet", entries: [], comments: [], errors: [] };
  const toks = tokenize(text, out);
  if (!toks)
    return unknown({ id: "value.importUnreadable", params: { file: name, error: out.errors[0]?.message ?? "" } });
  try {
    const reader = new Reader(text, toks, { path: target, imports: from.imports, depth: from.depth + 1 });
    const value = reader.expr(new Map(), 0);
    if (!reader.done()) throw new JsonnetSyntaxError(`unexpected ${reader.peekText()}`, reader.offset());
    return placed(value, target, lineIndex(text));
  } catch (error) {
    return unknown({ id: "value.importUnreadable", params: { file: name, error: (error as Error).message } });
  }
}

/** A value tree read from another file, each value marked with its place in that file. */
function placed(node: ValueNode, source: string, at: (offset: number) => { line: number; column: number }): ValueNode {
  const origin = node.origin ?? { source, ...at(node.offset) };
  if (node.kind === "map")
    return { ...node, origin, items: node.items.map(([k, v]) => [k, placed(v, source, at)] as [string, ValueNode]) };
  if (node.kind === "list") return { ...node, origin, items: node.items.map((v) => placed(v, source, at)) };
  return { ...node, origin };
}

const PRECEDENCE: Array<string[]> = [
  ["||"],
  ["&&"],
  ["|"],
  ["^"],
  ["&"],
  ["==", "!="],
  ["<", ">", "<=", ">=", "in"],
  ["<<", ">>"],
  ["+", "-"],
  ["*", "/", "%"],
];

/** Reads the tokens as one expression, evaluating what a static reader can. */
class Reader {
  private i = 0;

  constructor(
    private text: string,
    private toks: Tok[],
    private files: ImportContext,
  ) {}

  done(): boolean {
    return this.i >= this.toks.length;
  }
  offset(): number {
    return this.toks[Math.min(this.i, this.toks.length - 1)]?.offset ?? 0;
  }
  peekText(): string {
    return this.toks[this.i]?.text ?? "end of file";
  }
  private peek(text?: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && (text === undefined || t.text === text);
  }
  private take(text?: string): Tok {
    const t = this.toks[this.i];
    if (!t || (text !== undefined && t.text !== text))
      throw new JsonnetSyntaxError(
        `expected ${text ?? "a value"} but found ${t?.text ?? "end of file"}`,
        t?.offset ?? this.text.length,
      );
    this.i++;
    return t;
  }
  private raw(from: number): string {
    const end = this.toks[this.i - 1];
    return end ? this.text.slice(from, end.offset + end.text.length) : "";
  }

  expr(env: Env, depth: number): ValueNode {
    if (depth > JSONNET_LIMITS.maxDepth)
      throw new JsonnetSyntaxError(`expressions nested deeper than ${JSONNET_LIMITS.maxDepth} levels`, this.offset());
    if (this.peek("local")) {
      this.take("local");
      const inner = new Map(env);
      do this.bind(inner, depth);
      while (this.peek(",") && this.take(","));
      this.take(";");
      return this.expr(inner, depth + 1);
    }
    if (this.peek("if")) {
      const from = this.take("if").offset;
      this.expr(env, depth + 1);
      this.take("then");
      const then = this.expr(env, depth + 1);
      if (this.peek("else")) {
        this.take("else");
        this.expr(env, depth + 1);
      }
      return unknownNode(
        { id: "value.jsonnetCondition", params: { expr: clip(this.raw(from)) } },
        {
          raw: clip(this.raw(from)),
          offset: then.offset,
        },
      );
    }
    if (this.peek("function")) {
      const from = this.take("function").offset;
      this.skipGroup("(", ")");
      this.expr(new Map(env), depth + 1);
      return unknownNode({ id: "value.jsonnetFunction" }, { raw: clip(this.raw(from)), offset: from });
    }
    if (this.peek("assert")) {
      this.take("assert");
      this.expr(env, depth + 1);
      if (this.peek(":")) {
        this.take(":");
        this.expr(env, depth + 1);
      }
      this.take(";");
      return this.expr(env, depth + 1);
    }
    return this.binary(env, 0, depth);
  }

  /** `name = expr` or `name(params) = expr`, bound for the expression after it. */
  private bind(env: Env, depth: number): void {
    const name = this.take();
    if (name.kind !== "id")
      throw new JsonnetSyntaxError(`expected a name after local, found ${name.text}`, name.offset);
    if (this.peek("(")) {
      this.skipGroup("(", ")");
      this.take("=");
      const from = this.offset();
      this.expr(new Map(env), depth + 1);
      env.set(
        name.text,
        unknownNode(
          { id: "value.jsonnetNamedFunction", params: { name: name.text } },
          { raw: name.text, offset: from },
        ),
      );
      return;
    }
    this.take("=");
    env.set(name.text, this.expr(env, depth + 1));
  }

  private binary(env: Env, level: number, depth: number): ValueNode {
    if (level >= PRECEDENCE.length) return this.unary(env, depth);
    const from = this.offset();
    let left = this.binary(env, level + 1, depth);
    while (this.peek() && PRECEDENCE[level].includes(this.toks[this.i].text)) {
      const op = this.take().text;
      const right = this.binary(env, level + 1, depth);
      left = combine(op, left, right, { raw: clip(this.raw(from)), offset: from });
    }
    return left;
  }

  private unary(env: Env, depth: number): ValueNode {
    if (this.peek("-") || this.peek("!") || this.peek("~") || this.peek("+")) {
      const op = this.take();
      const v = this.unary(env, depth + 1);
      if (op.text === "-" && v.kind === "scalar" && typeof v.value === "number")
        return { ...v, value: -v.value, raw: `-${v.raw}`, offset: op.offset };
      if (op.text === "!" && v.kind === "scalar" && typeof v.value === "boolean")
        return { ...v, value: !v.value, offset: op.offset };
      return unknownNode(
        { id: "value.evaluated", params: { expr: `${op.text}${v.raw}` } },
        { raw: `${op.text}${v.raw}`, offset: op.offset },
      );
    }
    return this.postfix(env, depth);
  }

  private postfix(env: Env, depth: number): ValueNode {
    const from = this.offset();
    let v = this.primary(env, depth);
    for (;;) {
      if (this.peek(".")) {
        this.take(".");
        const field = this.take().text;
        v =
          field in { extVar: 1 } && v.raw === "std" ? v : member(v, field, { raw: clip(this.raw(from)), offset: from });
      } else if (this.peek("[")) {
        this.skipGroup("[", "]");
        v = unknownNode(
          { id: "value.jsonnetIndexed", params: { expr: clip(this.raw(from)) } },
          { raw: clip(this.raw(from)), offset: from },
        );
      } else if (this.peek("(")) {
        this.skipGroup("(", ")");
        const call = clip(this.raw(from));
        const ext = /^std\.extVar\(\s*['"]([^'"]+)['"]\s*\)$/.exec(call);
        v = unknownNode(
          ext
            ? { id: "value.extVar", params: { name: ext[1] } }
            : { id: "value.jsonnetComputed", params: { fn: call.replace(/\(.*$/s, "()") } },
          { raw: call, offset: from },
        );
      } else if (this.peek("{")) {
        // `base + { … }` without the +: composition happens at run time; the object itself is read.
        this.object(env, depth + 1);
        v = unknownNode(
          { id: "value.jsonnetExtended", params: { expr: clip(this.raw(from)) } },
          {
            raw: clip(this.raw(from)),
            offset: from,
          },
        );
      } else return v;
    }
  }

  private primary(env: Env, depth: number): ValueNode {
    const t = this.take();
    const scalar = (value: string | number | boolean | null): ValueNode => ({
      kind: "scalar",
      value,
      raw: t.text,
      offset: t.offset,
    });
    if (t.kind === "num") return scalar(t.value as number);
    if (t.kind === "str") return scalar(t.value as string);
    if (t.text === "(") {
      const v = this.expr(env, depth + 1);
      this.take(")");
      return v;
    }
    if (t.text === "{") {
      this.i--;
      return this.object(env, depth + 1);
    }
    if (t.text === "[") {
      this.i--;
      return this.array(env, depth + 1);
    }
    if (t.kind === "id") {
      if (t.text === "true" || t.text === "false") return scalar(t.text === "true");
      if (t.text === "null") return scalar(null);
      if (t.text === "import" || t.text === "importstr" || t.text === "importbin") {
        const file = this.take();
        return importNode(t.text, file, this.files);
      }
      if (t.text === "self" || t.text === "super" || t.text === "std")
        return unknownNode({ id: "value.jsonnetSelf", params: { name: t.text } }, { raw: t.text, offset: t.offset });
      const bound = env.get(t.text);
      // A value reached through a local keeps the place where the local writes it.
      return (
        bound ?? unknownNode({ id: "value.undefinedName", params: { name: t.text } }, { raw: t.text, offset: t.offset })
      );
    }
    if (t.text === "$")
      return unknownNode(
        { id: "value.jsonnetOutermost" },
        {
          raw: "$",
          offset: t.offset,
        },
      );
    throw new JsonnetSyntaxError(`unexpected ${t.text}`, t.offset);
  }

  private object(env: Env, depth: number): ValueNode {
    const open = this.take("{");
    const items: Array<[string, ValueNode]> = [];
    const inner = new Map(env);
    while (!this.peek("}")) {
      if (this.peek("local")) {
        this.take("local");
        this.bind(inner, depth);
      } else if (this.peek("assert")) {
        this.take("assert");
        this.expr(inner, depth + 1);
        if (this.peek(":")) {
          this.take(":");
          this.expr(inner, depth + 1);
        }
      } else {
        const key = this.take();
        let name: string | undefined;
        if (key.kind === "id" || key.kind === "str") name = key.kind === "str" ? (key.value as string) : key.text;
        else if (key.text === "[") {
          this.i--;
          this.skipGroup("[", "]");
        } else throw new JsonnetSyntaxError(`unexpected ${key.text} in an object`, key.offset);
        if (this.peek("(")) this.skipGroup("(", ")");
        const sep = this.take();
        if (!/^\+?:{1,3}$/.test(sep.text)) {
          if (sep.text === "for") return this.comprehension(open.offset, "}");
          throw new JsonnetSyntaxError(`expected : after a field name, found ${sep.text}`, sep.offset);
        }
        const value = this.expr(inner, depth + 1);
        if (name !== undefined && sep.text.startsWith("+"))
          items.push([
            name,
            unknownNode(
              { id: "value.jsonnetAddedToInherited", params: { name } },
              { raw: value.raw, offset: value.offset },
            ),
          ]);
        else if (name !== undefined) items.push([name, value]);
        if (this.peek("for")) return this.comprehension(open.offset, "}");
      }
      if (!this.peek(",")) break;
      this.take(",");
    }
    this.take("}");
    // A later field of the same name replaces an earlier one.
    const last = new Map(items.map(([k, v]) => [k, v] as const));
    return { kind: "map", items: [...last], raw: clip(this.raw(open.offset)), offset: open.offset };
  }

  private array(env: Env, depth: number): ValueNode {
    const open = this.take("[");
    const items: ValueNode[] = [];
    while (!this.peek("]")) {
      items.push(this.expr(env, depth + 1));
      if (this.peek("for")) return this.comprehension(open.offset, "]");
      if (!this.peek(",")) break;
      this.take(",");
    }
    this.take("]");
    return { kind: "list", items, raw: clip(this.raw(open.offset)), offset: open.offset };
  }

  /** `[x for x in …]`, `{[k]: v for …}`: built at run time; skipped to its close. */
  private comprehension(from: number, close: string): ValueNode {
    let depth = 1;
    while (!this.done() && depth > 0) {
      const t = this.take().text;
      if (t === "{" || t === "[" || t === "(") depth++;
      else if (t === "}" || t === "]" || t === ")") depth--;
    }
    void close;
    return unknownNode({ id: "value.jsonnetComprehension" }, { raw: clip(this.raw(from)), offset: from });
  }

  private skipGroup(open: string, close: string): void {
    this.take(open);
    let depth = 1;
    while (depth > 0) {
      const t = this.take().text;
      if (t === open) depth++;
      else if (t === close) depth--;
    }
  }
}

function combine(op: string, a: ValueNode, b: ValueNode, at: { raw: string; offset: number }): ValueNode {
  if (a.kind === "scalar" && b.kind === "scalar") {
    if (typeof a.value === "number" && typeof b.value === "number" && "+-*/%".includes(op)) {
      const r = binaryOp({ op, a: a.value, b: b.value, dialect: "python" });
      if ("value" in r)
        return { kind: "scalar", value: op === "/" ? a.value / b.value : r.value, raw: at.raw, offset: at.offset };
      return unknownNode(r.reason, at);
    }
    if (op === "+" && (typeof a.value === "string" || typeof b.value === "string"))
      return { kind: "scalar", value: `${a.value}${b.value}`, raw: at.raw, offset: at.offset };
  }
  const unknown = [a, b].find((v) => v.kind === "unknown");
  if (unknown?.kind === "unknown") return unknownNode(unknown.reason, at);
  return unknownNode({ id: "value.evaluated", params: { expr: at.raw } }, at);
}

function member(v: ValueNode, field: string, at: { raw: string; offset: number }): ValueNode {
  if (v.kind === "map") {
    const found = v.items.find(([k]) => k === field);
    if (found) return found[1];
  }
  return unknownNode(v.kind === "unknown" ? v.reason : { id: "value.jsonnetField", params: { field } }, at);
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
