import type { ParseProblem, ParseProblems } from "../../detect/parse-problem.js";
import type { ParseError } from "../../detect/types.js";
import { n, type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

/**
 * Why a config could not be read (src/detect/parse-problem.ts), in English and Traditional Chinese;
 * the parser library's own words are quoted as code.
 */
export const PARSE_PROBLEMS: ReasonCatalogue<ParseProblems> = {
  en: {
    "parse.syntax": (p, q) => `${p.format}: ${q.code(p.detail)}`,
    "parse.pythonSyntax": () => "Python: syntax error",
    "parse.pythonMoreLines": (p) => `Python: ${n(p.count)} more lines with syntax errors`,
    "parse.moreErrors": (p) => `${n(p.count)} more errors in this file`,
    "parse.binary": () => "Binary file; not read",
    "parse.tooLarge": (p) => `File is ${p.size} MiB; configs over ${n(p.max)} MiB are not read`,
    "parse.noParser": (p) => `No parser for ${p.format} files`,
    "parse.shellUnterminatedSingle": () => "shell: unterminated single quote",
    "parse.shellUnterminatedDouble": () => "shell: unterminated double quote",
    "parse.shellTooDeep": (p) => `shell: parameter expansions nested deeper than ${n(p.max)} levels`,
    "parse.shellUnclosed": (p, q) => `shell: unclosed ${q.code(p.open)}`,
  },
  "zh-TW": {
    "parse.syntax": (p, q) => `${p.format} 語法錯誤：${q.code(p.detail)}`,
    "parse.pythonSyntax": () => "Python 語法錯誤",
    "parse.pythonMoreLines": (p) => `另有 ${n(p.count)} 行 Python 語法錯誤`,
    "parse.moreErrors": (p) => `這個檔案另有 ${n(p.count)} 個錯誤`,
    "parse.binary": () => "二進位檔，不讀取",
    "parse.tooLarge": (p) => `檔案大小 ${p.size} MiB；超過 ${n(p.max)} MiB 的設定檔不讀取`,
    "parse.noParser": (p) => `沒有 ${p.format} 檔案的剖析器`,
    "parse.shellUnterminatedSingle": () => "shell 指令稿的單引號沒有結束",
    "parse.shellUnterminatedDouble": () => "shell 指令稿的雙引號沒有結束",
    "parse.shellTooDeep": (p) => `shell 指令稿的參數展開巢狀超過 ${n(p.max)} 層`,
    "parse.shellUnclosed": (p, q) => `shell 指令稿的 ${q.code(p.open)} 沒有結束`,
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
