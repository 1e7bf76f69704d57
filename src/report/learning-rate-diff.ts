import type { FileReport } from "../detect/types.js";
import { formatNumber } from "./format-number.js";
import type { Translator } from "./messages/translate.js";
import { learningRateEdit, type HeadText } from "./suggestions.js";
import type { ChangeGroup } from "./types.js";

/**
 * The learning-rate advice: its message, a small ```diff of the line (the user's key and style),
 * and the Adam-family companions (β₁, β₂, ε, warm-up) when the rule moves them too.
 * @example renderLearningRate({ group, file, t }) // "…\n```diff\n- learning_rate: 1.0e-4\n+ learning_rate: 1.4e-4\n```"
 */
export function renderLearningRate(input: { group: ChangeGroup; file?: FileReport; headText?: HeadText; t: Translator }): string {
  const { t } = input;
  const lr = input.group.estimate.learningRate;
  if (lr.status === "not-needed" && !lr.adjustments.length) return "";
  const parts = [`**${t.t("lr.heading")}** ${t.note(lr.message)}${lr.caveat ? `${t.t("word.sentenceJoin")}${t.note(lr.caveat)}` : ""}`];
  const edit = learningRateEdit(input);
  if (edit) {
    const before = edit.original ?? `${edit.setting.key}: ${edit.setting.raw}`;
    const after = edit.replacement ?? `${edit.setting.key}: ${edit.suggestedRaw}`;
    parts.push(["```diff", `- ${before.trimEnd()}`, `+ ${after.trimEnd()}`, "```"].join("\n"));
  }
  const moved = lr.adjustments.filter((a) => a.before !== undefined || a.after !== undefined || a.rule);
  if (moved.length) {
    const items = moved.map((a) =>
      a.before !== undefined && a.after !== undefined
        ? `- ${t.t("lr.adjustment", { name: a.name, before: formatNumber(a.before), after: formatNumber(a.after), rule: a.rule })}`
        : `- ${t.t("lr.adjustmentRule", { name: a.name, rule: a.rule })}`,
    );
    parts.push(`${t.t("lr.adjustments")}\n${items.join("\n")}`);
  }
  return parts.join("\n\n");
}
