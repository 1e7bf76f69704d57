import type { Message } from "./message.js";
import type { ParseError } from "./types.js";

/**
 * Why a config could not be read, as message ids that src/report/messages/parse-errors.ts words in
 * each language. A parser library's own words stay as they are, as a parameter.
 */
export interface ParseProblems {
  /**
   * The parser library refused the text: `format` as errors name it (YAML, TOML, JSON, Python),
   * `detail` the library's words.
   */
  "parse.syntax": { format: string; detail: string };
}

/** One parse problem: `{ id, params }`. */
export type ParseProblem = Message<ParseProblems>;

/**
 * A parser library's error: `message` keeps the `Format: detail` form `detect` prints, `problem`
 * the same as an id with the library's words as a parameter.
 * @example syntaxError("YAML", "Implicit map keys need to be followed by map values", { line: 2 })
 */
export function syntaxError(format: string, detail: string, at: { line?: number; column?: number } = {}): ParseError {
  return { message: `${format}: ${detail}`, ...at, problem: { id: "parse.syntax", params: { format, detail } } };
}
