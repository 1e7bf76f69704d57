import type { Message } from "../util/message.js";
import type { ParseError } from "./types.js";

/**
 * Why a config could not be read, as message ids that src/report/messages/parse-errors.ts words in
 * each language. A parser library's own words stay as they are, as a parameter.
 */
export interface ParseProblems {
  /**
   * The parser refused the text: `format` as errors name it (YAML, TOML, JSON, Python, Jsonnet,
   * gin), `detail` the parser's own words, quoted as they are (a library's, or for Jsonnet and gin
   * detection's own readers' terse token-level words).
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
  // ---- detection's own bounds (each stops reading a file that no real config comes near)
  /** Nesting past the bound: nothing of the file was read. */
  "parse.tooDeep": { format: string; max: number };
  /** Nesting past the bound: read up to that line. */
  "parse.tooDeepPartly": { format: string; max: number };
  "parse.tooManyValues": { format: string; max: number };
  "parse.tooManyExpansions": { format: string; max: number };
  /** `at`: the dotted key path where the bound was hit. */
  "parse.valuesTooDeep": { format: string; max: number; at: string };
  "parse.tooManyAliases": { max: number };
  "parse.blocksTooDeep": { max: number };
  "parse.tooManySettings": { max: number };
  "parse.tooManyWords": { max: number };
  "parse.tooManyTokens": { format: string; max: number };
}

/** One parse problem: `{ id, params }`. */
export type ParseProblem = Message<ParseProblems>;

/**
 * A bound hit while reading, thrown from deep inside a walk: `message` for `detect`, `problem` for
 * the report.
 * @example throw new ParseLimit("YAML: more than 5 alias expansions; …",
 *   { id: "parse.tooManyAliases", params: { max: 5 } })
 */
export class ParseLimit extends Error {
  constructor(
    message: string,
    readonly problem: ParseProblem,
  ) {
    super(message);
  }
}

/**
 * A thrown error as a ParseError: a ParseLimit keeps its id; any other error is the parser's words
 * under `format` (without one, its words alone and no id).
 */
export function caughtError(error: unknown, format?: string): ParseError {
  if (error instanceof ParseLimit) return { message: error.message, problem: error.problem };
  const detail = (error as Error).message;
  return format ? syntaxError(format, detail) : { message: detail };
}

/**
 * A parser library's error: `message` keeps the `Format: detail` form `detect` prints, `problem`
 * the same as an id with the library's words as a parameter.
 * @example syntaxError("YAML", "Implicit map keys need to be followed by map values", { line: 2 })
 */
export function syntaxError(format: string, detail: string, at: { line?: number; column?: number } = {}): ParseError {
  return { message: `${format}: ${detail}`, ...at, problem: { id: "parse.syntax", params: { format, detail } } };
}
