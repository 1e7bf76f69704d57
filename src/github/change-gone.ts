import type { Language } from "../config/schema.js";
import { translator } from "../report/messages/translate.js";

/**
 * The body an earlier comment is edited to when a later push removed every batch-size change,
 * so the old numbers are not left standing. Keeps the marker so a later change finds it again,
 * and names no commit, so further pushes without a change write nothing. Its words are the
 * report catalogue's (`gone.body`).
 * @example changeGoneBody({ marker, language: "en" })
 *   // "<!-- batch-advisor:comment -->\n\n**batch-advisor:** this pull request no longer changes a batch size; …"
 */
export function changeGoneBody(input: { marker: string; language: Language }): string {
  return `${input.marker}\n\n${translator(input.language).t("gone.body")}\n`;
}
