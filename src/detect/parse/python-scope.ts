import type { DetectionReason } from "../reason.js";
import type { parser } from "@lezer/python";
import type { ValueNode } from "./value-tree.js";

/** A node of the @lezer/python syntax tree (typed through the parser so no extra dependency is named). */
export type PyNode = ReturnType<typeof parser.parse>["topNode"];

/**
 * Names bound so far while reading a Python file top to bottom: module-level assignments, and a
 * function's own locals over them. Dotted keys (`dataloader.train.total_batch_size`) hold
 * attribute assignments, so later expressions can read them back.
 */
export class PyScope {
  private names = new Map<string, ValueNode>();

  constructor(readonly parent?: PyScope) {}

  get(name: string): ValueNode | undefined {
    return this.names.get(name) ?? this.parent?.get(name);
  }

  set(name: string, value: ValueNode): void {
    this.names.set(name, value);
  }
}

/**
 * Children that carry meaning: comments can sit between any two tokens and are read separately;
 * error nodes (⚠) are reported by the parser and hold no value.
 */
export function kids(node: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== "Comment" && !c.type.isError) out.push(c);
  return out;
}

/** Splits a node list on top-level commas, as argument lists and literals are written. */
export function splitOnCommas(nodes: PyNode[]): PyNode[][] {
  const groups: PyNode[][] = [[]];
  for (const n of nodes) {
    if (n.name === ",") groups.push([]);
    else groups[groups.length - 1].push(n);
  }
  return groups.filter((g) => g.length > 0);
}

/** The reason for a value read from the environment, as unknown-value.ts gives it. */
export function envReason(name: string): DetectionReason {
  return { id: "value.env", params: { name } };
}

/** Source text on one line and short enough for a reason or a raw value. */
export function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** `{"a": 1, "a": 2}` and `dict(base, a=2)` keep the last value of a key, where the first one stood. */
export function lastKeyWins(items: Array<[string, ValueNode]>): Array<[string, ValueNode]> {
  const last = new Map<string, ValueNode>();
  for (const [k, v] of items) last.set(k, v);
  return [...last.entries()];
}
