import type { PyEvaluator } from "./python-eval.js";
import { clip, envReason, kids, lastKeyWins, splitOnCommas, type PyNode, type PyScope } from "./python-scope.js";
import { unknownNode, type ValueNode } from "./value-tree.js";

export interface CallSite {
  /** Dotted callee name as written (`dict`, `model.fit`, `L.Trainer`). */
  name: string;
  args: PyNode | undefined;
  /** The whole call (or decorator), for raw text and position. */
  whole: PyNode;
  scope: PyScope;
  depth: number;
}

const ENV_GETTERS = new Set(["os.getenv", "getenv", "os.environ.get", "environ.get"]);
const CONVERSIONS = new Set(["int", "float", "str"]);
const NUMERIC = new Set(["min", "max", "abs", "round"]);

/**
 * The value of a call, read without calling it. `dict(...)` and any call with keyword arguments
 * become a map whose context is the callee; conversions and `min`/`max` of known numbers are
 * computed; environment reads and everything else are unknown with the reason.
 * @example pythonCall(ev, site for `dict(batch_size=2)`) // map { batch_size: 2 }, context "dict"
 */
export function pythonCall(ev: PyEvaluator, site: CallSite): ValueNode {
  const { name, scope, depth, whole } = site;
  const src = ev.src(whole);
  const positional: PyNode[] = [];
  const keywords: Array<[string, PyNode]> = [];
  const spreads: PyNode[] = [];
  const inner = site.args ? kids(site.args).filter((k) => k.name !== "(" && k.name !== ")") : [];
  for (const g of splitOnCommas(inner)) {
    if (g.length === 1) positional.push(g[0]);
    else if (g.length === 3 && g[0].name === "VariableName" && g[1].name === "AssignOp")
      keywords.push([ev.src(g[0]), g[2]]);
    else if (g.length === 2 && g[0].name === "**") spreads.push(g[1]);
    else g.forEach((n) => ev.collectCalls(n, scope, depth + 1));
  }
  const simple = keywords.length === 0 && spreads.length === 0;

  if (ENV_GETTERS.has(name) && positional[0]) {
    const v = ev.evaluate(positional[0], scope, depth + 1);
    if (v.kind === "scalar" && typeof v.value === "string")
      return unknownNode(envReason(v.value), { raw: src, offset: whole.from });
  }
  if (simple && positional.length === 1 && CONVERSIONS.has(name))
    return convert(name, ev.evaluate(positional[0], scope, depth + 1), { raw: src, offset: whole.from });
  if (simple && positional.length >= 1 && NUMERIC.has(name)) {
    const values = positional.map((p) => ev.evaluate(p, scope, depth + 1));
    const unknown = values.find((v) => v.kind === "unknown");
    if (unknown?.kind === "unknown") return unknownNode(unknown.reason, { raw: src, offset: whole.from });
    const numbers = values.map((v) => (v.kind === "scalar" && typeof v.value === "number" ? v.value : NaN));
    const result = numeric(name, numbers);
    if (result !== undefined) return { kind: "scalar", value: result, raw: src, offset: whole.from };
  }

  const items: Array<[string, ValueNode]> = [];
  for (const p of positional) {
    if (name === "dict") {
      const base = ev.evaluate(p, scope, depth + 1);
      if (base.kind === "map") items.push(...base.items);
      else ev.discard(base);
    } else ev.collectCalls(p, scope, depth + 1);
  }
  for (const s of spreads) {
    const base = ev.evaluate(s, scope, depth + 1);
    if (base.kind === "map") items.push(...base.items);
  }
  for (const [key, valueNode] of keywords) items.push([key, ev.evaluate(valueNode, scope, depth + 1)]);
  if (items.length === 0 && name !== "dict")
    return unknownNode(
      { id: "value.pythonReturned", params: { fn: clip(name) } },
      { raw: clip(src), offset: whole.from },
    );
  const map: ValueNode = { kind: "map", items: lastKeyWins(items), context: name, raw: src, offset: whole.from };
  const flag = flagName(ev, positional, scope);
  ev.standalonePath.set(map, flag ? [name, flag] : [name]);
  return map;
}

/**
 * `parser.add_argument("-b", "--batch-size", default=128)` and `@click.option("--bs", …)` name the
 * flag whose default they set: its name goes into the path so that the default can be found.
 */
function flagName(ev: PyEvaluator, positional: PyNode[], scope: PyScope): string | undefined {
  const flags: string[] = [];
  for (const p of positional) {
    if (p.name !== "String") break;
    const v = ev.evaluate(p, scope);
    if (v.kind !== "scalar" || typeof v.value !== "string" || !/^-{1,2}[^-\s]/.test(v.value)) break;
    flags.push(v.value);
  }
  const best = flags.find((f) => f.startsWith("--")) ?? flags[0];
  return best?.replace(/^-+/, "");
}

function convert(name: string, v: ValueNode, at: { raw: string; offset: number }): ValueNode {
  const { raw, offset } = at;
  if (v.kind === "unknown") return unknownNode(v.reason, { raw: raw, offset: offset });
  if (v.kind === "scalar" && v.value !== null) {
    if (name === "str")
      return {
        kind: "scalar",
        value: typeof v.value === "boolean" ? (v.value ? "True" : "False") : String(v.value),
        raw,
        offset,
      };
    const n =
      typeof v.value === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v.value)
        ? Number(v.value)
        : v.value;
    if (typeof n === "number" && Number.isFinite(n))
      return { kind: "scalar", value: name === "int" ? Math.trunc(n) : n, raw, offset };
  }
  return unknownNode({ id: "value.evaluated", params: { expr: clip(raw) } }, { raw: clip(raw), offset: offset });
}

function numeric(name: string, xs: number[]): number | undefined {
  if (xs.some((x) => Number.isNaN(x))) return undefined;
  if (name === "min" && xs.length >= 2) return xs.reduce((a, b) => Math.min(a, b));
  if (name === "max" && xs.length >= 2) return xs.reduce((a, b) => Math.max(a, b));
  if (name === "abs" && xs.length === 1) return Math.abs(xs[0]);
  if (name === "round" && xs.length === 1) return roundHalfEven(xs[0]);
  return undefined;
}

// Python's round() rounds halves to even: round(2.5) == 2.
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
