import type { SkipReason, SkipReasons } from "../../detect/skip-reason.js";
import { n, type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

/** Why detection did not analyse a changed config (src/detect/skip-reason.ts), in English and Traditional Chinese. */
export const SKIP_REASONS: ReasonCatalogue<SkipReasons> = {
  en: {
    "skip.tooManyConfigs": (p) => `more than ${n(p.max)} changed configs; not read`,
    "skip.runBudget": (p) => `not read: the run had already read its budget of ${n(p.max)} MiB of configs`,
  },
  "zh-TW": {
    "skip.tooManyConfigs": (p) => `變更的設定檔超過 ${n(p.max)} 個，不讀取`,
    "skip.runBudget": (p) => `不讀取：這次執行讀取的設定檔已達 ${n(p.max)} MiB 的上限`,
  },
};

/**
 * A skip reason in the reader's language.
 * @example wordSkipReason({ id: "skip.runBudget", params: { max: 32 } }, q, zh) // "不讀取：這次執行讀取的設定檔已達 32 MiB 的上限"
 */
export function wordSkipReason(reason: SkipReason, q: Quote, t: Translator): string {
  return wordReasonOf(SKIP_REASONS, reason, q, t);
}
