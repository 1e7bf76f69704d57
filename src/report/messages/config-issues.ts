import type { ConfigIssue, ConfigIssues } from "../../config/config-issue.js";
import { EXPECT_EN, EXPECT_ZH } from "./config-expectations.js";
import { n, type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

/**
 * What is wrong with a key of the bot config (src/config/config-issue.ts), after the key the alert
 * names, in English and Traditional Chinese. What the file wrote and the library's detail are code.
 */
export const CONFIG_ISSUES: ReasonCatalogue<ConfigIssues> = {
  en: {
    "config.unknownKey": (p, q) => `unknown key; did you mean ${q.code(p.guess)}?`,
    "config.unknownKeyAllowed": (p, q) => `unknown key; allowed keys here: ${q.code(p.allowed)}`,
    "config.notAllowed": (p, q) =>
      `${p.value ? `${q.code(p.value)} ` : ""}is not allowed; use one of: ${q.code(p.allowed)}`,
    "config.notMapping": (p, q) =>
      `${p.value ? `${q.code(p.value)} ` : ""}is not valid; expected a mapping of keys (${q.code(p.allowed)})`,
    "config.invalid": (p, q) => `${p.value ? `${q.code(p.value)} ` : ""}is not valid: ${q.code(p.detail)}`,
    "config.unreadable": (p, q) => `${q.code(p.file)} is not valid YAML: ${q.code(p.detail)}`,
    "config.fileNotFound": (p, q) => `${q.code(p.file)} was not found at the head of the change`,
    "config.fileNotJson": (p, q) => `${q.code(p.file)} is not valid JSON: ${q.code(p.detail)}`,
    "config.proxyFailed": (p, q) => `the proxy could not run, so nothing was measured on it: ${q.code(p.detail)}`,
    "config.measurementsUnreadable": (p, q) => `${q.code(p.file)} could not be read: ${q.code(p.detail)}`,
    "config.measurementsTooLarge": (p, q) =>
      `${q.code(p.file)} is larger than ${n(p.max)} bytes; a measurements file holds a few runs`,
    "config.measurementsNotJson": (p, q) =>
      `${q.code(p.file)} is not valid JSON${p.at ? ` (at character ${p.at})` : ""}; ` +
      "the report goes out without the measurements (docs/measurements.md has the schema)",
    "config.measurementsInvalid": (p, q) =>
      `${q.code(p.file)}: ${q.code(p.field)}: ${q.code(p.detail)}; ` +
      "the report goes out without the measurements (docs/measurements.md has the schema)",
    ...EXPECT_EN,
  },
  "zh-TW": {
    "config.unknownKey": (p, q) => `不認得的鍵；是不是要寫 ${q.code(p.guess)}？`,
    "config.unknownKeyAllowed": (p, q) => `不認得的鍵；這裡可用的鍵：${q.code(p.allowed)}`,
    "config.notAllowed": (p, q) =>
      `不接受${p.value ? ` ${q.code(p.value)}` : "這個值"}；請從這些值中選一個：${q.code(p.allowed)}`,
    "config.notMapping": (p, q) =>
      `${p.value ? `${q.code(p.value)} ` : ""}不是有效的設定；這裡應該是鍵值對應（${q.code(p.allowed)}）`,
    "config.invalid": (p, q) => `${p.value ? `${q.code(p.value)} ` : ""}不是有效的值：${q.code(p.detail)}`,
    "config.unreadable": (p, q) => `${q.code(p.file)} 不是有效的 YAML：${q.code(p.detail)}`,
    "config.fileNotFound": (p, q) => `這次變更的最新版本中找不到 ${q.code(p.file)}`,
    "config.fileNotJson": (p, q) => `${q.code(p.file)} 不是有效的 JSON：${q.code(p.detail)}`,
    "config.proxyFailed": (p, q) => `代理模型無法執行，因此沒有任何量測：${q.code(p.detail)}`,
    "config.measurementsUnreadable": (p, q) => `無法讀取 ${q.code(p.file)}：${q.code(p.detail)}`,
    "config.measurementsTooLarge": (p, q) =>
      `${q.code(p.file)} 超過 ${n(p.max)} 位元組；量測結果檔只會有幾次執行的資料`,
    "config.measurementsNotJson": (p, q) =>
      `${q.code(p.file)} 不是有效的 JSON${p.at ? `（在第 ${p.at} 個字元）` : ""}；` +
      "報告不使用這些量測結果（格式見 docs/measurements.md）",
    "config.measurementsInvalid": (p, q) =>
      `${q.code(p.file)}：${q.code(p.field)}：${q.code(p.detail)}；報告不使用這些量測結果（格式見 docs/measurements.md）`,
    ...EXPECT_ZH,
  },
};

/**
 * A bot-config problem in the reader's language.
 * @example wordConfigIssue({ id: "config.unknownKey", params: { guess: "memory.budget" } }, q, zh)
 * // "不認得的鍵；是不是要寫 `memory.budget`？"
 */
export function wordConfigIssue(issue: ConfigIssue, q: Quote, t: Translator): string {
  return wordReasonOf(CONFIG_ISSUES, issue, q, t);
}
