import type { DetectionReason } from "../reason.js";
import type { Entry, ParseError, Scalar } from "../types.js";
import type { ParseProblem } from "../parse-problem.js";

/**
 * A value read from a config before it is flattened into entries: the shape that Python and gin
 * values share. `offset` is where the value is written, so a value reached through a name keeps
 * the position of its definition.
 */
export type ValueNode = (
  | { kind: "scalar"; value: Scalar; raw: string; offset: number }
  | { kind: "unknown"; reason: DetectionReason; raw: string; offset: number }
  | { kind: "map"; items: Array<[string, ValueNode]>; context?: string; raw: string; offset: number }
  | { kind: "list"; items: ValueNode[]; context?: string; raw: string; offset: number }
) & {
  /** Set on a value read from another file (a Jsonnet import): its place there, instead of `offset`. */
  origin?: Origin;
};

/** Where a value read from another file is written. */
export interface Origin {
  source: string;
  line: number;
  column: number;
}

/** Bounds on what one file may expand to: shared structures can multiply like YAML aliases. */
export const TREE_LIMITS = { maxEntries: 50_000, maxVisits: 200_000, maxDepth: 64 };

/**
 * Collects entries from value trees within `TREE_LIMITS`; once a bound is hit it stops adding and
 * remembers why, so the parser reports it once.
 */
export class EntrySink {
  readonly entries: Entry[] = [];
  limitHit: Limit | undefined;
  private visits = 0;

  constructor(private at: (offset: number) => { line: number; column: number }) {}

  /**
   * Adds one entry per leaf of `node` under `path`. Map and list items take the context of the
   * nearest enclosing call (`dict`, `TrainingArguments`); a value outside any call has none.
   * @example sink.add({ kind: "scalar", value: 8, raw: "8", offset: 13 }, ["batch_size"]) // one entry
   */
  add(node: ValueNode, path: string[]): Entry[] {
    const added: Entry[] = [];
    this.walk(node, { path, context: undefined, depth: 0 }, added);
    return added;
  }

  private walk(
    node: ValueNode,
    at: { path: string[]; context: string | undefined; depth: number },
    added: Entry[],
  ): void {
    const { path, context, depth } = at;
    if (this.limitHit) return;
    if (++this.visits > TREE_LIMITS.maxVisits)
      return this.stop({
        text: `more than ${TREE_LIMITS.maxVisits} values to expand; the rest of the file was skipped`,
        problem: (format) => ({ id: "parse.tooManyExpansions", params: { format, max: TREE_LIMITS.maxVisits } }),
      });
    if (depth > TREE_LIMITS.maxDepth)
      return this.stop({
        text: `values nested deeper than ${TREE_LIMITS.maxDepth} levels at ${path.join(".")}; the rest was skipped`,
        problem: (format) => ({
          id: "parse.valuesTooDeep",
          params: { format, max: TREE_LIMITS.maxDepth, at: path.join(".") },
        }),
      });
    if (node.kind === "map" || node.kind === "list") {
      const inner = node.context ?? context;
      if (node.kind === "map")
        for (const [key, item] of node.items)
          this.walk(item, { path: [...path, key], context: inner, depth: depth + 1 }, added);
      else
        node.items.forEach((item, i) =>
          this.walk(item, { path: [...path, String(i)], context: inner, depth: depth + 1 }, added),
        );
      return;
    }
    if (this.entries.length >= TREE_LIMITS.maxEntries)
      return this.stop({
        text: `more than ${TREE_LIMITS.maxEntries} values; the rest of the file was skipped`,
        problem: (format) => ({ id: "parse.tooManyValues", params: { format, max: TREE_LIMITS.maxEntries } }),
      });
    const p = node.origin ?? this.at(node.offset);
    const entry: Entry = {
      path,
      value: node.kind === "scalar" ? node.value : null,
      raw: node.raw,
      line: p.line,
      column: p.column,
    };
    if (node.origin) entry.source = node.origin.source;
    if (node.kind === "unknown") entry.unknownReason = node.reason;
    if (context !== undefined) entry.context = context;
    this.entries.push(entry);
    added.push(entry);
  }

  private stop(limit: Limit): void {
    this.limitHit = limit;
  }
}

/** A bound hit while collecting entries: its English words, and its message id once the format is known. */
export interface Limit {
  text: string;
  problem: (format: string) => ParseProblem;
}

/**
 * A bound hit as the file's error, named for its format.
 * @example limitError("Jsonnet", sink.limitHit) // { message: "Jsonnet: more than … values; …", problem: { … } }
 */
export function limitError(format: string, limit: Limit): ParseError {
  return { message: `${format}: ${limit.text}`, problem: limit.problem(format) };
}

/**
 * An unknown value with its reason, at the text it was read from.
 * @example unknownNode({ id: "value.undefinedName", params: { name: "bs" } }, { raw: "bs", offset: 12 })
 */
export function unknownNode(reason: DetectionReason, at: { raw: string; offset: number }): ValueNode {
  return { kind: "unknown", reason, raw: at.raw, offset: at.offset };
}
