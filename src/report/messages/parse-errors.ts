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
    "parse.tooDeep": (p) => `${p.format}: nesting deeper than ${n(p.max)} levels; the file was not read`,
    "parse.tooDeepPartly": (p) => `${p.format}: nesting deeper than ${n(p.max)} levels; read up to that line`,
    "parse.tooManyValues": (p) => `${p.format}: more than ${n(p.max)} values; the rest of the file was skipped`,
    "parse.tooManyExpansions": (p) =>
      `${p.format}: more than ${n(p.max)} values to expand; the rest of the file was skipped`,
    "parse.valuesTooDeep": (p, q) =>
      `${p.format}: values nested deeper than ${n(p.max)} levels at ${q.code(p.at)}; the rest was skipped`,
    "parse.tooManyAliases": (p) => `YAML: more than ${n(p.max)} alias expansions; the rest of the file was skipped`,
    "parse.blocksTooDeep": (p) =>
      `Python: blocks nested deeper than ${n(p.max)} levels; the statements inside were skipped`,
    "parse.tooManySettings": (p) => `shell: more than ${n(p.max)} settings; the rest of the file was skipped`,
    "parse.tooManyWords": (p) => `shell: more than ${n(p.max)} words after expansion; the rest of the file was skipped`,
    "parse.tooManyTokens": (p) => `${p.format}: more than ${n(p.max)} tokens; the file was not read`,
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
    "parse.tooDeep": (p) => `${p.format} 巢狀超過 ${n(p.max)} 層，整個檔案都不讀取`,
    "parse.tooDeepPartly": (p) => `${p.format} 巢狀超過 ${n(p.max)} 層，只讀到那一行`,
    "parse.tooManyValues": (p) => `${p.format} 的值超過 ${n(p.max)} 個，檔案其餘部分略過`,
    "parse.tooManyExpansions": (p) => `${p.format} 需要展開的值超過 ${n(p.max)} 個，檔案其餘部分略過`,
    "parse.valuesTooDeep": (p, q) => `${p.format} 的值在 ${q.code(p.at)} 巢狀超過 ${n(p.max)} 層，其餘部分略過`,
    "parse.tooManyAliases": (p) => `YAML 別名展開超過 ${n(p.max)} 次，檔案其餘部分略過`,
    "parse.blocksTooDeep": (p) => `Python 區塊巢狀超過 ${n(p.max)} 層，其中的陳述式略過`,
    "parse.tooManySettings": (p) => `shell 指令稿的設定超過 ${n(p.max)} 個，檔案其餘部分略過`,
    "parse.tooManyWords": (p) => `shell 指令稿展開後的字詞超過 ${n(p.max)} 個，檔案其餘部分略過`,
    "parse.tooManyTokens": (p) => `${p.format} 的語彙單元超過 ${n(p.max)} 個，整個檔案都不讀取`,
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
