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
  /** A line lezer marks as not Python. */
  "parse.pythonSyntax": Record<string, never>;
  /** Lines with syntax errors past the ones listed. */
  "parse.pythonMoreLines": { count: number };
  /** Errors past the first ones listed (MAX_LISTED_ERRORS). */
  "parse.moreErrors": { count: number };
  "parse.binary": Record<string, never>;
  /** `size` in MiB as written in the English message (one decimal), `max` in MiB. */
  "parse.tooLarge": { size: string; max: number };
  "parse.noParser": { format: string };
  "parse.shellUnterminatedSingle": Record<string, never>;
  "parse.shellUnterminatedDouble": Record<string, never>;
  "parse.shellTooDeep": { max: number };
  /** `open` is `$(` or `${`. */
  "parse.shellUnclosed": { open: string };
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
