import { parser } from "@lezer/python";
import type { Comment, ParsedConfig, ParseError } from "../types.js";
import { lineIndex } from "./line-index.js";
import { PYTHON_MAX_NESTING, pythonNestingFault } from "./python-nesting.js";
import { syntaxError } from "../parse-problem.js";
import { limitError } from "./value-tree.js";
import { PythonStatements } from "./python-statements.js";

/** Syntax errors listed per file; past this a broken or hostile file gets one summary line. */
const MAX_LISTED_ERRORS = 20;

/**
 * Parses a Python config module with @lezer/python (never run) into flat entries: module-level
 * assignments, `dict(...)`/`{...}` nesting, keyword arguments of calls anywhere in the file, and
 * literal arithmetic over numbers bound earlier. Values that need the program to run are unknown
 * with a reason. Never throws; syntax errors come back with their line and column.
 * @example parsePython("gradient_accumulation_steps = 5 * 8\n", "c.py").entries[0]
 *   // {path:["gradient_accumulation_steps"], value:40, raw:"5 * 8", line:1}
 */
export function parsePython(text: string, path: string): ParsedConfig {
  const at = lineIndex(text);
  const out: ParsedConfig = { path, format: "python", entries: [], comments: [], errors: [] };
  const fault = pythonNestingFault(text);
  if (fault !== undefined) {
    out.errors.push({
      message:
        `Python: brackets nested deeper than ${PYTHON_MAX_NESTING} levels, which ` +
        "Python itself refuses; read up to that line",
      ...at(fault),
      problem: { id: "parse.tooDeepPartly", params: { format: "Python", max: PYTHON_MAX_NESTING } },
    });
  }
  let tree: ReturnType<typeof parser.parse>;
  try {
    // Only the lines before a nesting fault are parsed: past it the file is not Python anyway.
    tree = parser.parse(trailingDotFloats(fault === undefined ? text : text.slice(0, fault - at(fault).column + 1)));
  } catch (error) {
    out.errors.push(syntaxError("Python", (error as Error).message));
    return out;
  }
  scanTree(tree, { text, at, out });
  const statements = new PythonStatements(text, at);
  try {
    statements.module(tree.topNode);
  } catch (error) {
    // A stack overflow on pathological nesting must not cost the entries already read.
    out.errors.push(syntaxError("Python", (error as Error).message));
  }
  out.entries = statements.result();
  if (statements.limitHit) out.errors.push(limitError("Python", statements.limitHit));
  return out;
}

/**
 * `1.` is a float to Python but a syntax error to @lezer/python: the dot is blanked (same length, so
 * every offset stays) and the number read as 1.
 */
function trailingDotFloats(text: string): string {
  return text.replace(/(?<![\w.])(\d+)\.(?=[\s,)\]}#:;]|$)/gm, "$1 ");
}

/** Comments and lezer's error nodes (⚠), in one pass over the tree. */
function scanTree(
  tree: ReturnType<typeof parser.parse>,
  into: {
    text: string;
    at: (offset: number) => { line: number; column: number };
    out: { comments: Comment[]; errors: ParseError[] };
  },
): void {
  const { text, at, out } = into;
  const errorLines = new Set<number>();
  let unlisted = 0;
  tree.iterate({
    enter: (node) => {
      if (node.name === "Comment") {
        out.comments.push({ line: at(node.from).line, text: text.slice(node.from + 1, node.to).trim() });
      } else if (node.type.isError) {
        const p = at(node.from);
        if (errorLines.has(p.line)) return;
        errorLines.add(p.line);
        if (errorLines.size > MAX_LISTED_ERRORS) unlisted++;
        else
          out.errors.push({
            message: "Python: syntax error",
            line: p.line,
            column: p.column,
            problem: { id: "parse.pythonSyntax" },
          });
      }
    },
  });
  if (unlisted)
    out.errors.push({
      message: `Python: ${unlisted} more lines with syntax errors`,
      problem: { id: "parse.pythonMoreLines", params: { count: unlisted } },
    });
}
