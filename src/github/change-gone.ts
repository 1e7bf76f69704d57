import type { Language } from "../report/types.js";

const TEXT: Record<Language, string> = {
  en: "**batch-advisor:** this pull request no longer changes a batch size; the earlier report no longer applies.",
  "zh-TW": "**batch-advisor：** 這個 pull request 已不再變更 batch size，先前的報告不再適用。",
};

/**
 * The body an earlier comment is edited to when a later push removed every batch-size change,
 * so the old numbers are not left standing. Keeps the marker so a later change finds it again,
 * and names no commit, so further pushes without a change write nothing.
 * @example changeGoneBody({ marker, language: "en" }) // "<!-- batch-advisor:comment -->\n\n**batch-advisor:** this pull request no longer changes a batch size; …"
 */
export function changeGoneBody(input: { marker: string; language: Language }): string {
  return `${input.marker}\n\n${TEXT[input.language]}\n`;
}
