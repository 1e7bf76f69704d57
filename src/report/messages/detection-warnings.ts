import type { ParseError } from "../../detect/types.js";
import type { DetectionWarning, DetectionWarnings } from "../../detect/warning.js";
import { PLAIN } from "./detection-reasons.js";
import { n, type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import { parseErrorText } from "./parse-errors.js";
import { translator, type Translator } from "./translate.js";

/**
 * What disagrees in a config (src/detect/warning.ts), in English and Traditional Chinese. With
 * plain quotes the English reads as `batch-advisor detect` prints it.
 */
export const DETECTION_WARNINGS: ReasonCatalogue<DetectionWarnings> = {
  en: {
    "warning.conflict": (p, q) =>
      `Conflict: ${q.code(p.globalKey)} = ${n(p.global)} but ${q.code(p.microKey)} × ${q.code(p.accumKey)} × ` +
      `devices = ${n(p.micro)} × ${n(p.accum)} × ${n(p.devices)} = ${n(p.micro * p.accum * p.devices)}`,
    "warning.dataParallelConflict": (p, q) =>
      `Conflict: ${q.code(p.keys)} = ${n(p.stated)} data-parallel, but ${n(p.devices)} devices ÷ ` +
      `${n(p.modelParallel)} (model parallel) = ${n(p.devices / p.modelParallel)}`,
    "warning.globalNotDivisibleByMicro": (p) =>
      `Global batch ${n(p.global)} is not divisible by micro batch × devices = ${n(p.micro)} × ${n(p.devices)}`,
    "warning.globalNotDivisibleByDevices": (p) =>
      `Global batch ${n(p.global)} is not divisible by devices × accumulation = ${n(p.devices)} × ${n(p.accum)}`,
    "warning.comment": (p, q) =>
      `Line ${p.line}: the comment says ${q.code(`"${p.comment}"`)} but ${q.code(p.key)} is ${q.code(p.value)}`,
    "warning.inheritedTwice": (p, q) =>
      `${q.code(`${p.file}:${p.line}`)}: ${q.code(p.inherited)} is inherited twice or in a cycle; read once`,
    "warning.inheritedTooDeep": (p, q) =>
      `${q.code(`${p.file}:${p.line}`)}: inheritance deeper than ${n(p.depth)} levels or over ${n(p.files)} ` +
      `files; ${q.code(p.inherited)} not read`,
    "warning.inheritedMissing": (p, q) =>
      `${q.code(`${p.file}:${p.line}`)}: inherited file ${q.code(p.inherited)} not found`,
    "warning.inheritedError": (p, q) => q.code(p.line ? `${p.inherited}:${p.line}` : p.inherited),
  },
  "zh-TW": {
    "warning.conflict": (p, q) =>
      `數字互相矛盾：${q.code(p.globalKey)} = ${n(p.global)}，但 ${q.code(p.microKey)} × ${q.code(p.accumKey)} × ` +
      `GPU 數量 = ${n(p.micro)} × ${n(p.accum)} × ${n(p.devices)} = ${n(p.micro * p.accum * p.devices)}`,
    "warning.dataParallelConflict": (p, q) =>
      `數字互相矛盾：${q.code(p.keys)} = ${n(p.stated)} 路資料平行，但 ${n(p.devices)} 張 GPU ÷ ` +
      `${n(p.modelParallel)}（模型平行）= ${n(p.devices / p.modelParallel)}`,
    "warning.globalNotDivisibleByMicro": (p) =>
      `全域批次大小 ${n(p.global)} 無法被每張 GPU 的批次大小 × GPU 數量 = ${n(p.micro)} × ${n(p.devices)} 整除`,
    "warning.globalNotDivisibleByDevices": (p) =>
      `全域批次大小 ${n(p.global)} 無法被 GPU 數量 × 梯度累積步數 = ${n(p.devices)} × ${n(p.accum)} 整除`,
    "warning.comment": (p, q) =>
      `第 ${p.line} 行：註解寫的是 ${q.code(`"${p.comment}"`)}，但 ${q.code(p.key)} 是 ${q.code(p.value)}`,
    "warning.inheritedTwice": (p, q) =>
      `${q.code(`${p.file}:${p.line}`)}：${q.code(p.inherited)} 被繼承了兩次或形成循環，只讀取一次`,
    "warning.inheritedTooDeep": (p, q) =>
      `${q.code(`${p.file}:${p.line}`)}：繼承超過 ${n(p.depth)} 層或超過 ${n(p.files)} 個檔案，` +
      `沒有讀取 ${q.code(p.inherited)}`,
    "warning.inheritedMissing": (p, q) => `${q.code(`${p.file}:${p.line}`)}：找不到繼承的檔案 ${q.code(p.inherited)}`,
    "warning.inheritedError": (p, q) => q.code(p.line ? `${p.inherited}:${p.line}` : p.inherited),
  },
};

/**
 * A detection warning in the reader's language; an inherited file's parse error is followed by
 * the error, worded by `wordError`.
 * @example wordDetectionWarning({ id: "warning.inheritedMissing", params: { file: "a.yaml", line: 2,
 *   inherited: "b.yaml" } }, q, en, e) // "`a.yaml:2`: inherited file `b.yaml` not found"
 */
export function wordDetectionWarning(
  warning: DetectionWarning,
  q: Quote,
  t: Translator,
  wordError: (e: ParseError) => string,
): string {
  const words = wordReasonOf(DETECTION_WARNINGS, warning, q, t);
  return warning.error ? `${words}${t.t("word.colon")}${wordError(warning.error)}` : words;
}

/**
 * A detection warning in plain English, as `batch-advisor detect` and its JSON say it.
 * @example warningText({ id: "warning.globalNotDivisibleByMicro", params: { global: 36, micro: 4, devices: 2 } })
 * // "Global batch 36 is not divisible by micro batch × devices = 4 × 2"
 */
export function warningText(warning: DetectionWarning): string {
  return wordDetectionWarning(warning, PLAIN, translator("en"), (e) => parseErrorText(e));
}
