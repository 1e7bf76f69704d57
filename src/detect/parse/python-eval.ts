import { binaryOp, unaryOp } from "./arithmetic.js";
import { pythonCall } from "./python-call.js";
import { pythonNumber, pythonString } from "./python-literal.js";
import { clip, envReason, kids, lastKeyWins, splitOnCommas, type PyNode, type PyScope } from "./python-scope.js";
import { unknownNode, type ValueNode } from "./value-tree.js";

const MAX_DEPTH = 100;
const MAX_STRING = 100_000;
const BUILTINS = new Set([
  "int",
  "float",
  "str",
  "bool",
  "list",
  "dict",
  "tuple",
  "set",
  "len",
  "range",
  "print",
  "min",
  "max",
  "abs",
  "round",
  "sum",
  "open",
  "object",
  "type",
  "sorted",
  "enumerate",
  "zip",
  "map",
  "filter",
  "isinstance",
]);

/** Keyword arguments of a call that no assignment names: they go under the call's own name. */
export interface StandaloneCall {
  path: string[];
  value: ValueNode;
}

/**
 * Evaluates Python expressions statically: literals, literal arithmetic, names bound earlier in
 * the file, `dict(...)` and other calls' keyword arguments. Anything that needs the program to
 * run becomes an unknown value with the reason. Nothing is executed.
 */
export class PyEvaluator {
  /** Where a call's keyword arguments go when nothing keeps the call's value. */
  readonly standalonePath = new WeakMap<ValueNode, string[]>();
  private kept = new WeakSet<ValueNode>();
  private reading = false;

  constructor(
    readonly text: string,
    private onStandalone: (call: StandaloneCall) => void,
  ) {}

  /** @example evaluate(node for `5 * 8`, scope) // { kind: "scalar", value: 40, raw: "5 * 8", … } */
  evaluate(node: PyNode, scope: PyScope, depth = 0): ValueNode {
    const src = this.src(node);
    if (depth > MAX_DEPTH) return unknownNode({ id: "value.pythonTooDeep" }, { raw: clip(src), offset: node.from });
    const scalar = (value: string | number | boolean | null): ValueNode => ({
      kind: "scalar",
      value,
      raw: src,
      offset: node.from,
    });
    switch (node.name) {
      case "Number": {
        const r = pythonNumber(src);
        return "value" in r ? scalar(r.value) : unknownNode(r.reason, { raw: src, offset: node.from });
      }
      case "String":
      case "FormatString":
      case "ContinuedString":
        return this.string(node, src);
      case "Boolean":
        return scalar(src === "True");
      case "None":
        return scalar(null);
      case "ParenthesizedExpression": {
        const inner = kids(node).filter((k) => k.name !== "(" && k.name !== ")");
        if (inner.length === 1) return this.evaluate(inner[0], scope, depth + 1);
        break;
      }
      case "TupleExpression":
      case "ArrayExpression":
      case "SetExpression":
        return this.list(node, scope, depth);
      case "DictionaryExpression":
        return this.dict(node, scope, depth);
      case "UnaryExpression":
        return this.unary(node, scope, depth);
      case "BinaryExpression":
        return this.binary(node, scope, depth);
      case "VariableName":
        return (
          this.lookup(src, node, scope) ??
          unknownNode(
            BUILTINS.has(src)
              ? { id: "value.pythonBuiltin", params: { name: src } }
              : { id: "value.undefinedName", params: { name: src } },
            { raw: src, offset: node.from },
          )
        );
      case "MemberExpression":
        return this.member(node, scope, depth);
      case "CallExpression": {
        const [callee, args] = kids(node);
        const dotted = dottedName(callee, this.text);
        // A computed callee (`make()(batch_size=8)`) may hold calls of its own.
        if (dotted === undefined) this.collectCalls(callee, scope, depth + 1);
        const name = dotted ?? clip(this.src(callee).replace(/\s+/g, ""));
        return pythonCall(this, { name, args: args?.name === "ArgList" ? args : undefined, whole: node, scope, depth });
      }
    }
    this.collectCalls(node, scope, depth + 1);
    return atRunTime(src, node);
  }

  /**
   * Finds the calls inside an expression whose values nothing keeps (`model.fit(x, batch_size=64)`,
   * a call passed positionally) and hands their keyword arguments over as standalone calls.
   */
  collectCalls(node: PyNode, scope: PyScope, depth = 0): void {
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.name === "CallExpression") this.discard(this.evaluate(n, scope, depth + 1));
      else if (n.name !== "Body") for (let c = n.lastChild; c; c = c.prevSibling) stack.push(c);
    }
  }

  /** A value that no target keeps: the calls in it still count as settings, under their own names. */
  discard(value: ValueNode, depth = 0): void {
    if (depth > MAX_DEPTH || this.kept.has(value)) return;
    const path = this.standalonePath.get(value);
    if (path) this.onStandalone({ path, value });
    else if (value.kind === "map") for (const [, item] of value.items) this.discard(item, depth + 1);
    else if (value.kind === "list") for (const item of value.items) this.discard(item, depth + 1);
  }

  /** Marks a value as held by an assignment target, so reading it again does not repeat its entries. */
  keep(value: ValueNode): void {
    this.kept.add(value);
  }

  /** The key path an assignment target names: `a.b`, `cfg["a"][0]`; undefined when it is computed. */
  targetPath(node: PyNode, scope: PyScope): string[] | undefined {
    if (node.name === "VariableName") return [this.src(node)];
    if (node.name !== "MemberExpression") return undefined;
    const [obj, op, key] = kids(node);
    const base = obj && this.targetPath(obj, scope);
    if (!base || !key) return undefined;
    if (op.name === ".") return [...base, this.src(key)];
    const k = this.keyOf(key, scope);
    return k === undefined ? undefined : [...base, k];
  }

  /** A dict key or subscript as a path segment, when it is a literal or a known name. */
  keyOf(node: PyNode, scope: PyScope): string | undefined {
    const v = this.evaluate(node, scope, MAX_DEPTH - 2);
    if (v.kind !== "scalar" || v.value === null) return undefined;
    if (typeof v.value === "boolean") return v.value ? "True" : "False";
    return String(v.value);
  }

  src(node: PyNode): string {
    return this.text.slice(node.from, node.to);
  }

  private lookup(name: string, node: PyNode, scope: PyScope): ValueNode | undefined {
    const v = scope.get(name);
    if (!v) return undefined;
    // A scalar read through a name is reported where it is written (`batch_size = 128` used by
    // `fit(batch_size=batch_size)`): that is the line a pull request edits. A structure keeps its own lines.
    if (v.kind === "scalar") return { kind: "scalar", value: v.value, raw: v.raw, offset: v.offset };
    if (v.kind === "unknown") return unknownNode(v.reason, { raw: this.src(node), offset: node.from });
    // An object built by a call (`args=config` after `config = SFTConfig(...)`) is already reported
    // where it was built; passing it on does not repeat its settings under a second path.
    if (v.kind === "map" && v.context !== undefined && v.context !== "dict" && !this.reading)
      return { kind: "map", items: [], raw: this.src(node), offset: node.from };
    return v;
  }

  /** Evaluates the object of an attribute read, where a built object's fields are what is wanted. */
  private objectOf(obj: PyNode, scope: PyScope, depth: number): ValueNode {
    this.reading = true;
    try {
      return this.evaluate(obj, scope, depth);
    } finally {
      this.reading = false;
    }
  }

  private string(node: PyNode, src: string): ValueNode {
    const parts = node.name === "ContinuedString" ? kids(node) : [node];
    let out = "";
    for (const part of parts) {
      const text = this.src(part);
      if (part.name === "FormatString" && part.getChild("FormatReplacement"))
        return unknownNode({ id: "value.fString" }, { raw: src, offset: node.from });
      const s =
        part.name === "FormatString"
          ? pythonString(text.replace(/^([a-zA-Z]*)[fF]/, "$1"))
              ?.replace(/\{\{/g, "{")
              .replace(/\}\}/g, "}")
          : pythonString(text);
      if (s === undefined) return unknownNode({ id: "value.fString" }, { raw: src, offset: node.from });
      out += s;
    }
    return { kind: "scalar", value: out, raw: src, offset: node.from };
  }

  private list(node: PyNode, scope: PyScope, depth: number): ValueNode {
    const items: ValueNode[] = [];
    for (const group of splitOnCommas(kids(node).filter((k) => !"()[]{}".includes(k.name)))) {
      if (group.length === 1) items.push(this.evaluate(group[0], scope, depth + 1));
      else {
        group.forEach((g) => this.collectCalls(g, scope, depth + 1));
        items.push(
          unknownNode(
            { id: "value.unpacked" },
            {
              raw: this.text.slice(group[0].from, group[group.length - 1].to),
              offset: group[0].from,
            },
          ),
        );
      }
    }
    return { kind: "list", items, raw: this.src(node), offset: node.from };
  }

  private dict(node: PyNode, scope: PyScope, depth: number): ValueNode {
    const items: Array<[string, ValueNode]> = [];
    for (const group of splitOnCommas(kids(node).filter((k) => k.name !== "{" && k.name !== "}"))) {
      if (group.length === 2 && group[0].name === "**") {
        const spread = this.evaluate(group[1], scope, depth + 1);
        if (spread.kind === "map") items.push(...spread.items);
      } else if (group.length === 3 && group[1].name === ":") {
        const key = this.keyOf(group[0], scope);
        const value = this.evaluate(group[2], scope, depth + 1);
        if (key !== undefined) items.push([key, value]);
        else this.discard(value);
      } else group.forEach((g) => this.collectCalls(g, scope, depth + 1));
    }
    return { kind: "map", items: lastKeyWins(items), raw: this.src(node), offset: node.from };
  }

  private unary(node: PyNode, scope: PyScope, depth: number): ValueNode {
    const [op, operand] = kids(node);
    const src = this.src(node);
    if (!operand) return atRunTime(src, node);
    const v = this.evaluate(operand, scope, depth + 1);
    if (v.kind === "unknown") return unknownNode(v.reason, { raw: src, offset: node.from });
    const opText = this.src(op);
    if (v.kind === "scalar" && opText === "not" && typeof v.value === "boolean")
      return { kind: "scalar", value: !v.value, raw: src, offset: node.from };
    if (v.kind === "scalar" && typeof v.value === "number") {
      const r = unaryOp(opText, v.value);
      return "value" in r
        ? { kind: "scalar", value: r.value, raw: src, offset: node.from }
        : unknownNode(r.reason, { raw: src, offset: node.from });
    }
    this.discard(v);
    return atRunTime(src, node);
  }

  private binary(node: PyNode, scope: PyScope, depth: number): ValueNode {
    const [left, op, right] = kids(node);
    const src = this.src(node);
    if (!right || op.name !== "ArithOp") {
      this.collectCalls(node, scope, depth + 1);
      return atRunTime(src, node);
    }
    const l = this.evaluate(left, scope, depth + 1);
    const r = this.evaluate(right, scope, depth + 1);
    const unknown = [l, r].find((v) => v.kind === "unknown");
    if (unknown?.kind === "unknown") return unknownNode(unknown.reason, { raw: src, offset: node.from });
    const opText = this.src(op);
    if (l.kind === "scalar" && r.kind === "scalar") {
      if (typeof l.value === "number" && typeof r.value === "number") {
        const res = binaryOp({ op: opText, a: l.value, b: r.value, dialect: "python" });
        return "value" in res
          ? { kind: "scalar", value: res.value, raw: src, offset: node.from }
          : unknownNode(res.reason, { raw: src, offset: node.from });
      }
      if (
        typeof l.value === "string" &&
        typeof r.value === "string" &&
        opText === "+" &&
        l.value.length + r.value.length <= MAX_STRING
      ) {
        return { kind: "scalar", value: l.value + r.value, raw: src, offset: node.from };
      }
    }
    this.discard(l);
    this.discard(r);
    return atRunTime(src, node);
  }

  private member(node: PyNode, scope: PyScope, depth: number): ValueNode {
    const src = this.src(node);
    const [obj, op, key] = kids(node);
    const dotted = dottedName(node, this.text);
    const bound = dotted !== undefined ? this.lookup(dotted, node, scope) : undefined;
    if (bound) return bound;
    if (obj && key && op?.name === "[") {
      const objName = dottedName(obj, this.text);
      if (objName === "os.environ" || objName === "environ") {
        const name = this.evaluate(key, scope, depth + 1);
        if (name.kind === "scalar" && typeof name.value === "string")
          return unknownNode(envReason(name.value), { raw: src, offset: node.from });
      }
      const base = this.objectOf(obj, scope, depth + 1);
      const k = this.keyOf(key, scope);
      const item = k === undefined ? undefined : itemOf(base, k);
      if (item) return item.kind === "scalar" ? { ...item, raw: src, offset: node.from } : item;
      if (base.kind === "unknown" && base.reason.id !== "value.undefinedName")
        return unknownNode(base.reason, { raw: src, offset: node.from });
    } else if (obj && key && op?.name === ".") {
      const base =
        obj.name === "VariableName" || obj.name === "MemberExpression"
          ? this.objectOf(obj, scope, depth + 1)
          : undefined;
      const item = base ? itemOf(base, this.src(key)) : undefined;
      if (item) return item.kind === "scalar" ? { ...item, raw: src, offset: node.from } : item;
      if (!base) this.collectCalls(obj, scope, depth + 1);
    }
    return unknownNode({ id: "value.evaluated", params: { expr: clip(src) } }, { raw: src, offset: node.from });
  }
}

/** `model.fit`, `L.Trainer`: the dotted name of a callee or attribute, when it is only names. */
function dottedName(node: PyNode, text: string): string | undefined {
  if (node.name === "VariableName") return text.slice(node.from, node.to);
  if (node.name !== "MemberExpression") return undefined;
  const [obj, op, prop] = kids(node);
  if (op?.name !== "." || prop?.name !== "PropertyName") return undefined;
  const base = dottedName(obj, text);
  return base === undefined ? undefined : `${base}.${text.slice(prop.from, prop.to)}`;
}

/** A value only the running program knows, shown as its (clipped) source. */
function atRunTime(src: string, node: PyNode): ValueNode {
  return unknownNode({ id: "value.evaluated", params: { expr: clip(src) } }, { raw: clip(src), offset: node.from });
}

function itemOf(base: ValueNode, key: string): ValueNode | undefined {
  if (base.kind === "map") return base.items.find(([k]) => k === key)?.[1];
  if (base.kind === "list" && /^-?\d+$/.test(key)) {
    const i = Number(key);
    return base.items[i < 0 ? base.items.length + i : i];
  }
  return undefined;
}
