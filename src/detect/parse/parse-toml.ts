import { parse, TomlError } from "smol-toml";
import type { Entry, ParsedConfig, ParseError, Scalar } from "../types.js";
import { lineIndex } from "./line-index.js";
import { positionKey, tomlLayout, type TomlPosition } from "./toml-positions.js";
import { caughtError, ParseLimit, syntaxError } from "../parse-problem.js";
import { unknownReason } from "./unknown-value.js";

/** Bounds for hostile files: nesting smol-toml accepts, and values kept. */
export const TOML_LIMITS = { maxDepth: 64, maxEntries: 50_000 };

/**
 * Parses TOML with smol-toml into flat entries; lines come from a scan of the text, since the
 * parser gives none. On a syntax error the lines before it are still read, so a file broken near
 * the end keeps its earlier settings. Never throws.
 * @example parseToml("[training]\nlocal_batch_size = 8\n", "t.toml").entries[0]
 *   // {path:["training","local_batch_size"], value:8, line:2}
 */
export function parseToml(text: string, path: string): ParsedConfig {
  const at = lineIndex(text);
  const layout = tomlLayout(text);
  const out: ParsedConfig = {
    path,
    format: "toml",
    entries: [],
    comments: layout.comments.map((c) => ({ line: at(c.offset).line, text: c.text })),
    errors: [],
  };
  let data = tryParse(text, out.errors);
  const failedAt = out.errors[0]?.line;
  if (data === undefined && failedAt !== undefined && failedAt > 1) {
    data = tryParse(
      text
        .split("\n")
        .slice(0, failedAt - 1)
        .join("\n"),
      [],
    );
  }
  if (data === undefined) return out;
  const walker = new TomlWalker(layout.positions, at, out.entries);
  try {
    walker.visit(data, [], 0);
  } catch (error) {
    out.errors.push(caughtError(error, "TOML"));
  }
  return out;
}

function tryParse(text: string, errors: ParseError[]): unknown {
  try {
    // An integer past 2**53 (99999999999999999999) is read, not refused: refusing it lost every line after it.
    return parse(text, { maxDepth: TOML_LIMITS.maxDepth, integersAsBigInt: "asNeeded" });
  } catch (error) {
    const detail = ((error as Error).message ?? String(error)).split("\n")[0].replace(/^Invalid TOML document: /, "");
    const at =
      error instanceof TomlError && error.line >= 1 ? { line: error.line, column: Math.max(1, error.column) } : {};
    // smol-toml's own words for its depth bound name neither the bound nor the consequence.
    if (/excessively nested/.test(detail))
      errors.push({
        message: `TOML: nesting deeper than ${TOML_LIMITS.maxDepth} levels; read up to that line`,
        ...at,
        problem: { id: "parse.tooDeepPartly", params: { format: "TOML", max: TOML_LIMITS.maxDepth } },
      });
    else errors.push(syntaxError("TOML", detail, at));
    return undefined;
  }
}

class TomlWalker {
  constructor(
    private positions: Map<string, TomlPosition>,
    private at: (offset: number) => { line: number; column: number },
    private entries: Entry[],
  ) {}

  visit(value: unknown, path: string[], depth: number): void {
    if (depth > TOML_LIMITS.maxDepth)
      throw new ParseLimit(`TOML: nesting deeper than ${TOML_LIMITS.maxDepth} levels at ${path.join(".")}`, {
        id: "parse.valuesTooDeep",
        params: { format: "TOML", max: TOML_LIMITS.maxDepth, at: path.join(".") },
      });
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.visit(item, [...path, String(i)], depth + 1));
      return;
    }
    if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) this.visit(item, [...path, key], depth + 1);
      return;
    }
    if (this.entries.length >= TOML_LIMITS.maxEntries)
      throw new ParseLimit(`TOML: more than ${TOML_LIMITS.maxEntries} values; the rest of the file was skipped`, {
        id: "parse.tooManyValues",
        params: { format: "TOML", max: TOML_LIMITS.maxEntries },
      });
    const found = this.locate(path);
    const p = this.at(found?.offset ?? 0);
    const scalar = toScalar(value, found?.raw);
    const reason = typeof scalar === "string" ? unknownReason(scalar) : undefined;
    const entry: Entry = {
      path,
      value: reason ? null : scalar,
      raw: found?.raw || String(value),
      line: p.line,
      column: p.column,
    };
    if (reason) entry.unknownReason = reason;
    this.entries.push(entry);
  }

  /** The value's own position, else its table header's: a line near the truth beats line 1. */
  private locate(path: string[]): TomlPosition | undefined {
    for (let n = path.length; n > 0; n--) {
      const hit = this.positions.get(positionKey(path.slice(0, n)));
      if (hit) return n === path.length ? hit : { offset: hit.offset, raw: "" };
    }
    return undefined;
  }
}

function toScalar(value: unknown, raw: string | undefined): Scalar {
  if (typeof value === "number") return Number.isFinite(value) ? value : (raw ?? String(value)).trim();
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value == null) return null;
  // Dates keep the form they were written in (a local date stays "1979-05-27").
  return raw?.trim() || String(value);
}
