import {
  type Alias,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from "yaml";
import type { Entry, ParsedConfig, Scalar } from "../types.js";
import { unknownReason } from "./unknown-value.js";
import { scanHashComments } from "./scan-comments.js";
import { lineIndex } from "./line-index.js";
import { caughtError, ParseLimit, syntaxError } from "../parse-problem.js";
import { MAX_NESTING, yamlNestingFault } from "./nesting-guard.js";

/** Bounds that keep a hostile file (billion laughs, deep nesting) from exhausting the runner. */
export const YAML_LIMITS = { maxAliasCount: 1000, maxEntries: 50_000, maxDepth: 64 };

/**
 * Parses YAML (multi-document, anchors, `<<:` merge keys) into flat entries with 1-based lines.
 * Never throws: syntax errors and exceeded bounds are returned in `errors`.
 * @example parseYaml("trainer:\n  devices: 4\n", "a.yaml").entries[0] // {path:["trainer","devices"], value:4, line:2}
 */
export function parseYaml(text: string, path: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const out: ParsedConfig = { path, format: "yaml", entries: [], comments: scanHashComments(text), errors: [] };
  const fault = yamlNestingFault(text);
  if (fault !== undefined) {
    const p = lineIndex(text)(fault);
    out.errors.push({
      message: `YAML: nesting deeper than ${MAX_NESTING} levels; the file was not read`,
      line: p.line,
      column: p.column,
      problem: { id: "parse.tooDeep", params: { format: "YAML", max: MAX_NESTING } },
    });
    return out;
  }
  let docs: Document.Parsed[];
  try {
    // An empty stream is an empty array too (yaml's EmptyStream extends Array).
    docs = parseAllDocuments(text, {
      lineCounter,
      merge: true,
      prettyErrors: false,
      uniqueKeys: false,
    }) as Document.Parsed[];
  } catch (error) {
    out.errors.push(syntaxError("YAML", (error as Error).message));
    return out;
  }
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  docs.forEach((doc, index) => {
    for (const e of doc.errors) {
      const p = e.pos ? pos(e.pos[0]) : undefined;
      out.errors.push(syntaxError("YAML", e.message.split("\n")[0], { line: p?.line, column: p?.column }));
    }
    if (doc.errors.length) return;
    const walker = new YamlWalker(doc, index, pos, out);
    try {
      walker.visit(doc.contents, [], 0);
    } catch (error) {
      out.errors.push(caughtError(error, "YAML"));
    }
  });
  out.entries = lastWins(out.entries);
  return out;
}

class YamlWalker {
  private aliases = 0;
  constructor(
    private doc: Document.Parsed,
    private document: number,
    private pos: (offset: number) => { line: number; column: number },
    private out: ParsedConfig,
  ) {}

  visit(node: unknown, path: string[], depth: number): void {
    if (depth > YAML_LIMITS.maxDepth)
      throw new Error(`YAML: nesting deeper than ${YAML_LIMITS.maxDepth} levels at ${path.join(".")}`);
    if (isAlias(node)) return this.visit(this.resolve(node), path, depth + 1);
    if (isMap(node)) {
      // Merge keys first so that explicit keys written beside `<<:` override them, as YAML says.
      const merges = node.items.filter((p) => isPair(p) && isScalar(p.key) && isMergeKey(p.key.value));
      for (const pair of merges) {
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) this.visit(isAlias(source) ? this.resolve(source) : source, path, depth + 1);
      }
      for (const pair of node.items) {
        if (merges.includes(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        this.visit(pair.value, [...path, key], depth + 1);
      }
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => this.visit(item, [...path, String(i)], depth + 1));
      return;
    }
    if (isScalar(node) || node == null) {
      if (this.out.entries.length >= YAML_LIMITS.maxEntries)
        throw new ParseLimit(`YAML: more than ${YAML_LIMITS.maxEntries} values; the rest of the file was skipped`, {
          id: "parse.tooManyValues",
          params: { format: "YAML", max: YAML_LIMITS.maxEntries },
        });
      const range = isScalar(node) ? node.range : undefined;
      const start = range ? this.pos(range[0]) : { line: 1, column: 1 };
      const raw = isScalar(node) && range ? (node.source ?? String(node.value)) : "";
      const value = isScalar(node) ? toScalar(node.value) : null;
      const reason = typeof value === "string" ? unknownReason(value) : undefined;
      const entry: Entry = {
        path,
        value: reason ? null : value,
        raw: String(raw),
        line: start.line,
        column: start.column,
        document: this.document,
      };
      if (reason) entry.unknownReason = reason;
      this.out.entries.push(entry);
    }
  }

  private resolve(alias: Alias): Node | undefined {
    if (++this.aliases > YAML_LIMITS.maxAliasCount)
      throw new ParseLimit(
        `YAML: more than ${YAML_LIMITS.maxAliasCount} alias expansions; the rest of the file was skipped`,
        { id: "parse.tooManyAliases", params: { max: YAML_LIMITS.maxAliasCount } },
      );
    return alias.resolve(this.doc) as Node | undefined;
  }
}

// With `merge: true` the yaml library turns `<<` into a symbol; without it, it stays a string.
function isMergeKey(key: unknown): boolean {
  return key === "<<" || (typeof key === "symbol" && key.description === "<<");
}

function toScalar(v: unknown): Scalar {
  if (v == null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "bigint") return Number(v);
  return String(v);
}

/** A later entry at the same path (a key set again, or an explicit key over a merge) replaces the earlier. */
export function lastWins(entries: Entry[]): Entry[] {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => seen.set(`${e.document ?? 0}\u0000${e.path.join("\u0000")}`, i));
  return entries.filter((e, i) => seen.get(`${e.document ?? 0}\u0000${e.path.join("\u0000")}`) === i);
}
