import { parseTree, printParseErrorCode, type Node, type ParseError as JsoncError } from "jsonc-parser";
import type { Comment, Entry, ParsedConfig } from "../types.js";
import { lineIndex } from "./line-index.js";
import { jsonNestingFault, MAX_NESTING } from "./nesting-guard.js";
import { syntaxError } from "../parse-problem.js";
import { unknownReason } from "./unknown-value.js";

/** Values kept per file, as for the other formats: `[1,1,1,…]` makes half a million of them from 1 MB. */
export const JSON_LIMITS = { maxEntries: 50_000 };

/**
 * Parses JSON and JSONC (comments, trailing commas) into flat entries with 1-based lines.
 * jsonc-parser is error-tolerant, so a broken file still yields the values before the fault.
 */
export function parseJson(text: string, path: string): ParsedConfig {
  const at = lineIndex(text);
  const errors: JsoncError[] = [];
  const out: ParsedConfig = { path, format: "json", entries: [], comments: scanSlashComments(text, at), errors: [] };
  const fault = jsonNestingFault(text);
  if (fault !== undefined) {
    out.errors.push({
      message: `JSON: nesting deeper than ${MAX_NESTING} levels; the file was not read`,
      problem: { id: "parse.tooDeep", params: { format: "JSON", max: MAX_NESTING } },
      ...at(fault),
    });
    return out;
  }
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    const p = at(e.offset);
    out.errors.push(syntaxError("JSON", printParseErrorCode(e.error), { line: p.line, column: p.column }));
  }
  if (root && !visit(root, [], out.entries, text, at))
    out.errors.push({
      message: `JSON: more than ${JSON_LIMITS.maxEntries} values; the rest of the file was skipped`,
      problem: { id: "parse.tooManyValues", params: { format: "JSON", max: JSON_LIMITS.maxEntries } },
    });
  return out;
}

/** Adds the leaves under `node`; false once `JSON_LIMITS.maxEntries` stopped it. */
function visit(node: Node, path: string[], entries: Entry[], text: string, at: ReturnType<typeof lineIndex>): boolean {
  if (node.type === "object") {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key && value && !visit(value, [...path, String(key.value)], entries, text, at)) return false;
    }
  } else if (node.type === "array") {
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++)
      if (!visit(children[i], [...path, String(i)], entries, text, at)) return false;
  } else {
    if (entries.length >= JSON_LIMITS.maxEntries) return false;
    const p = at(node.offset);
    const value = node.value ?? null;
    const reason = typeof value === "string" ? unknownReason(value) : undefined;
    const entry: Entry = {
      path,
      value: reason ? null : value,
      raw: text.slice(node.offset, node.offset + node.length),
      line: p.line,
      column: p.column,
    };
    if (reason) entry.unknownReason = reason;
    entries.push(entry);
  }
  return true;
}

function scanSlashComments(text: string, at: ReturnType<typeof lineIndex>): Comment[] {
  const comments: Comment[] = [];
  const re = /"(?:[^"\\\n]|\\.)*"|\/\/([^\n]*)|\/\*([\s\S]*?)\*\//g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined || m[2] !== undefined)
      comments.push({ line: at(m.index).line, text: (m[1] ?? m[2]).trim() });
  }
  return comments;
}
