import type { DetectionReason } from "../reason.js";
import type { Entry } from "../types.js";
import { binaryOp } from "./arithmetic.js";
import { pythonCall } from "./python-call.js";
import { PyEvaluator } from "./python-eval.js";
import { clip, kids, PyScope, splitOnCommas, type PyNode } from "./python-scope.js";
import { EntrySink, type Limit, unknownNode, type ValueNode } from "./value-tree.js";

const MAX_BLOCK_DEPTH = 200;

/** Where a statement is read: its names, whether it is module code, and how deep the blocks go. */
interface Frame {
  scope: PyScope;
  moduleLevel: boolean;
  depth: number;
  /**
   * Inside `def get_config(): … return config`, the name of the returned config: its attributes
   * are the settings (`config.input.batch_size` → `input.batch_size`), other names are locals.
   */
  root?: string;
  /** Inside an `if` whose condition is known only at run time: a setting made here does not replace one made before. */
  conditional?: boolean;
  /** Set on a `@dataclass` definition: its field defaults are the settings (`batch_size_training: int = 4`). */
  dataclass?: boolean;
}

/** ml_collections / big_vision / scenic config modules: `get_config()` builds and returns the config. */
const CONFIG_BUILDER = /^get_(?:[a-z_]*_)?config$/;

/**
 * Walks a Python module's statements in source order. Module-level code (including `if`, `for`,
 * `with` and `try` blocks, and `if __name__ == "__main__":`) binds names and yields entries;
 * function and class bodies only bind local names, and yield the keyword arguments of their calls.
 * A later assignment to a path replaces what an earlier one put there, as Python rebinding does.
 */
export class PythonStatements {
  private sink: EntrySink;
  private ev: PyEvaluator;
  private seq = 0;
  private entrySeq = new Map<Entry, number>();
  private targetSeq = new Map<string, number>();
  private tooDeep: Limit | undefined;

  constructor(text: string, at: (offset: number) => { line: number; column: number }) {
    this.sink = new EntrySink(at);
    this.ev = new PyEvaluator(text, (call) => this.sink.add(call.value, call.path));
  }

  get limitHit(): Limit | undefined {
    return this.sink.limitHit ?? this.tooDeep;
  }

  module(top: PyNode): void {
    this.block(top, { scope: new PyScope(), moduleLevel: true, depth: 0 });
  }

  /** Entries in source order, without those a later assignment to the same path replaced. */
  result(): Entry[] {
    return this.sink.entries.filter((e) => {
      const seq = this.entrySeq.get(e);
      if (seq === undefined) return true;
      for (let i = 1; i <= e.path.length; i++) {
        const later = this.targetSeq.get(e.path.slice(0, i).join("\u0000"));
        if (later !== undefined && later > seq) return false;
      }
      return true;
    });
  }

  private block(node: PyNode, frame: Frame): void {
    if (frame.depth > MAX_BLOCK_DEPTH) {
      this.tooDeep = {
        text: `blocks nested deeper than ${MAX_BLOCK_DEPTH} levels; the statements inside were skipped`,
        problem: () => ({ id: "parse.blocksTooDeep", params: { max: MAX_BLOCK_DEPTH } }),
      };
      return;
    }
    for (const stmt of kids(node)) this.statement(stmt, { ...frame, depth: frame.depth + 1 });
  }

  private statement(node: PyNode, frame: Frame): void {
    const { scope } = frame;
    switch (node.name) {
      case "AssignStatement":
        return this.assign(node, frame);
      case "UpdateStatement":
        return this.update(node, frame);
      case "StatementGroup":
        return this.block(node, frame);
      case "ImportStatement":
        return this.imports(node, scope);
      case "FunctionDefinition":
      case "ClassDefinition":
        return this.definition(node, frame);
      case "DecoratedStatement": {
        const decorators = kids(node).filter((k) => k.name === "Decorator");
        const dataclass = decorators.some((d) => /^@\s*(?:dataclasses\.)?dataclass\b/.test(this.ev.src(d)));
        for (const k of kids(node)) {
          if (k.name === "Decorator") this.decorator(k, scope);
          else this.statement(k, dataclass && k.name === "ClassDefinition" ? { ...frame, dataclass: true } : frame);
        }
        return;
      }
      case "ForStatement":
        this.loopTargets(node, scope);
        break;
      case "IfStatement":
        return this.ifStatement(node, frame);
    }
    for (const k of kids(node)) {
      if (k.name === "Body") this.block(k, frame);
      else this.ev.collectCalls(k, scope);
    }
  }

  private assign(node: PyNode, frame: Frame): void {
    const { scope } = frame;
    const segments: PyNode[][] = [[]];
    for (const k of kids(node)) {
      if (k.name === "AssignOp") segments.push([]);
      else if (k.name !== "TypeDef") segments[segments.length - 1].push(k);
    }
    if (segments.length < 2) return;
    const valueSeg = segments.pop()!;
    const value = this.tupleOrSingle(valueSeg, scope);
    for (const target of segments) {
      const elements = this.tupleElements(target);
      if (!elements) {
        const path = target.length === 1 ? this.ev.targetPath(target[0], scope) : undefined;
        if (path) this.bind(path, value, frame);
        continue;
      }
      const paired = value.kind === "list" && value.items.length === elements.length;
      elements.forEach((el, i) => {
        const path = this.ev.targetPath(el, scope);
        const item = paired
          ? (value as { items: ValueNode[] }).items[i]
          : unknownNode(
              { id: "value.unpackedFrom", params: { expr: clip(value.raw) } },
              { raw: this.ev.src(el), offset: el.from },
            );
        if (path) this.bind(path, item, frame);
      });
    }
  }

  private update(node: PyNode, frame: Frame): void {
    const { scope } = frame;
    const [target, op, valueNode] = kids(node);
    if (!valueNode) return;
    const path = this.ev.targetPath(target, scope);
    if (!path) return this.ev.collectCalls(valueNode, scope);
    const old = this.ev.evaluate(target, scope);
    const rhs = this.ev.evaluate(valueNode, scope);
    const raw = this.ev.src(node);
    const opText = this.ev.src(op).slice(0, -1);
    let result: ValueNode = unknownNode(
      { id: "value.evaluated", params: { expr: clip(raw) } },
      { raw: raw, offset: valueNode.from },
    );
    const unknown = [old, rhs].find((v) => v.kind === "unknown");
    if (unknown?.kind === "unknown") result = unknownNode(unknown.reason, { raw: raw, offset: valueNode.from });
    else if (
      old.kind === "scalar" &&
      rhs.kind === "scalar" &&
      typeof old.value === "number" &&
      typeof rhs.value === "number"
    ) {
      const r = binaryOp({ op: opText, a: old.value, b: rhs.value, dialect: "python" });
      result =
        "value" in r
          ? { kind: "scalar", value: r.value, raw, offset: valueNode.from }
          : unknownNode(r.reason, { raw: raw, offset: valueNode.from });
    } else this.ev.discard(rhs);
    this.bind(path, result, frame);
  }

  /**
   * An `if` whose condition is not a constant (`if runlocal:`, `if __name__ == "__main__":`): its
   * bodies run or not at run time, so they add settings but do not replace those made before.
   */
  private ifStatement(node: PyNode, frame: Frame): void {
    for (const k of kids(node)) {
      if (k.name === "Body") this.block(k, { ...frame, conditional: true });
      else this.ev.collectCalls(k, frame.scope);
    }
  }

  /** Module level: the target's entries replace earlier ones. Inside a function: only a call's keywords count. */
  private bind(path: string[], value: ValueNode, frame: Frame): void {
    if (frame.root !== undefined) {
      // Inside get_config(): only the returned config's attributes are settings; a dataclass's fields all are.
      frame.scope.set(path.join("."), value);
      if (frame.root === "") return this.bindSetting(path, value, frame, "dataclass");
      if (path[0] !== frame.root || path.length < 2) return this.ev.discard(value);
      return this.bindSetting(path.slice(1), value, frame, "get_config");
    }
    if (frame.conditional && frame.moduleLevel && this.targetSeq.has(path.join("\u0000")))
      return this.ev.discard(value);
    frame.scope.set(path.join("."), value);
    if (frame.moduleLevel) {
      const seq = ++this.seq;
      this.targetSeq.set(path.join("\u0000"), seq);
      this.ev.keep(value);
      for (const e of this.sink.add(value, path)) this.entrySeq.set(e, seq);
    } else if (value.kind === "map" && value.context !== undefined) {
      this.ev.keep(value);
      this.sink.add(value, path);
    } else this.ev.discard(value);
  }

  /** A setting of a config built by a function, under its own path; a conditional one never replaces an earlier one. */
  private bindSetting(path: string[], value: ValueNode, frame: Frame, context: string): void {
    const key = path.join("\u0000");
    if (frame.conditional && this.targetSeq.has(key)) return this.ev.discard(value);
    const seq = ++this.seq;
    this.targetSeq.set(key, seq);
    this.ev.keep(value);
    for (const e of this.sink.add(value, path)) {
      this.entrySeq.set(e, seq);
      e.context ??= context;
    }
  }

  private tupleOrSingle(seg: PyNode[], scope: PyScope): ValueNode {
    const groups = splitOnCommas(seg);
    if (groups.length === 1 && groups[0].length === 1 && !seg.some((n) => n.name === ","))
      return this.ev.evaluate(groups[0][0], scope);
    const from = seg[0]?.from ?? 0;
    const raw = seg.length ? this.ev.text.slice(from, seg[seg.length - 1].to) : "";
    const items = groups.map((g) =>
      g.length === 1
        ? this.ev.evaluate(g[0], scope)
        : unknownNode({ id: "value.unpacked" }, { raw: this.ev.src(g[0]), offset: g[0].from }),
    );
    return { kind: "list", items, raw, offset: from };
  }

  private tupleElements(target: PyNode[]): PyNode[] | undefined {
    if (target.some((n) => n.name === ",")) return splitOnCommas(target).map((g) => g[g.length - 1]);
    const only = target[0];
    if (target.length === 1 && (only.name === "TupleExpression" || only.name === "ArrayExpression")) {
      return splitOnCommas(kids(only).filter((k) => !"()[]".includes(k.name))).map((g) => g[g.length - 1]);
    }
    return undefined;
  }

  private imports(node: PyNode, scope: PyScope): void {
    const parts = kids(node);
    const importAt = parts.findIndex((k) => k.name === "import");
    const from =
      parts[0]?.name === "from"
        ? this.ev.text.slice(parts[0].to, parts[importAt]?.from ?? parts[0].to).trim()
        : undefined;
    for (const group of splitOnCommas(parts.slice(importAt + 1))) {
      const names = group.filter((k) => k.name === "VariableName");
      const bound = group.some((k) => k.name === "as") ? names[names.length - 1] : names[0];
      if (!bound) continue;
      const name = this.ev.src(bound);
      const reason: DetectionReason =
        from !== undefined
          ? { id: "value.pythonImported", params: { name, from } }
          : { id: "value.pythonModule", params: { name } };
      scope.set(name, unknownNode(reason, { raw: name, offset: bound.from }));
    }
  }

  private definition(node: PyNode, frame: Frame): void {
    const { scope } = frame;
    const parts = kids(node);
    const nameNode = parts.find((k) => k.name === "VariableName");
    const name = nameNode ? this.ev.src(nameNode) : "?";
    const kind = node.name === "ClassDefinition" ? "class" : "function";
    if (nameNode)
      scope.set(
        name,
        unknownNode({ id: "value.pythonDefined", params: { name, kind } }, { raw: name, offset: nameNode.from }),
      );
    const inner = new PyScope(scope);
    const builder =
      kind === "function" && frame.moduleLevel && CONFIG_BUILDER.test(name)
        ? this.returnedName(parts.find((k) => k.name === "Body"))
        : undefined;
    const root = frame.dataclass && frame.moduleLevel ? "" : builder;
    for (const k of parts) {
      if (k.name === "ParamList") this.params(k, { fn: name, inner, outer: scope });
      else if (k.name === "ArgList") this.ev.collectCalls(k, scope);
      else if (k.name === "Body")
        this.block(k, {
          scope: inner,
          moduleLevel: false,
          depth: frame.depth,
          ...(root !== undefined ? { root } : {}),
        });
    }
  }

  /** The name a function body returns at its top level (`return config`, `return config.lock()`). */
  private returnedName(body: PyNode | undefined): string | undefined {
    for (const stmt of body ? kids(body) : []) {
      if (stmt.name !== "ReturnStatement") continue;
      const m = /^return\s+([A-Za-z_]\w*)(?:\.lock\(\))?\s*$/.exec(this.ev.src(stmt).trim());
      if (m) return m[1];
    }
    return undefined;
  }

  private params(list: PyNode, where: { fn: string; inner: PyScope; outer: PyScope }): void {
    const { fn, inner, outer } = where;
    for (const group of splitOnCommas(kids(list).filter((k) => k.name !== "(" && k.name !== ")"))) {
      const param = group.find((k) => k.name === "VariableName");
      if (param)
        inner.set(
          this.ev.src(param),
          unknownNode(
            { id: "value.pythonParameter", params: { param: this.ev.src(param), fn } },
            {
              raw: this.ev.src(param),
              offset: param.from,
            },
          ),
        );
      const eq = group.findIndex((k) => k.name === "AssignOp");
      if (eq >= 0 && group[eq + 1]) this.ev.collectCalls(group[eq + 1], outer);
    }
  }

  private decorator(node: PyNode, scope: PyScope): void {
    const parts = kids(node);
    const args = parts.find((k) => k.name === "ArgList");
    if (!args) return;
    const name = parts
      .filter((k) => k.name === "VariableName" || k.name === "PropertyName")
      .map((k) => this.ev.src(k))
      .join(".");
    this.ev.discard(pythonCall(this.ev, { name, args, whole: node, scope, depth: 0 }));
  }

  private loopTargets(node: PyNode, scope: PyScope): void {
    const parts = kids(node);
    const end = parts.findIndex((k) => k.name === "in");
    for (const k of parts.slice(1, end < 0 ? 1 : end)) {
      if (k.name === "VariableName")
        scope.set(
          this.ev.src(k),
          unknownNode(
            { id: "value.loopVariable", params: { name: this.ev.src(k) } },
            {
              raw: this.ev.src(k),
              offset: k.from,
            },
          ),
        );
    }
  }
}
