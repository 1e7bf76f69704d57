import type { ParseProblem, ParseProblems } from "../../detect/parse-problem.js";
import type { ParseError } from "../../detect/types.js";
import { type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

/**
 * Why a config could not be read (src/detect/parse-problem.ts), in English and Traditional Chinese;
 * the parser library's own words are quoted as code.
 */
export const PARSE_PROBLEMS: ReasonCatalogue<ParseProblems> = {
  en: {
    "parse.syntax": (p, q) => `${p.format}: ${q.code(p.detail)}`,
  },
  "zh-TW": {
    "parse.syntax": (p, q) => `${p.format} 語法錯誤：${q.code(p.detail)}`,
  },
};

/**
 * A parse error in the reader's language: its message id when the parser gave one, else its
 * English words as text (the sentences src/detect/parse still writes itself: limits, its own lexers).
 * @example wordParseError({ message: "YAML: bad", problem: { id: "parse.syntax", params: { format: "YAML",
 *   detail: "bad" } } }, q, zh) // "YAML 語法錯誤：`bad`"
 */
export function wordParseError(error: ParseError, q: Quote, t: Translator): string {
  return error.problem ? wordParseProblem(error.problem, q, t) : q.text(error.message);
}

function wordParseProblem(problem: ParseProblem, q: Quote, t: Translator): string {
  return wordReasonOf(PARSE_PROBLEMS, problem, q, t);
}

/** A parse error in plain English, as `batch-advisor detect` prints it. */
export function parseErrorText(error: ParseError): string {
  return error.message;
}
