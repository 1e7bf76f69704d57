import type { FileReport } from "../detect/types.js";
import type { Note } from "../estimate/types.js";
import { formatNumber } from "./format-number.js";
import type { Translator } from "./messages/translate.js";
import { learningRateEdit, type HeadText } from "./suggestions.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";

/**
 * The learning-rate advice: its message, a small ```diff of the line (the user's key and style),
 * and the Adam-family companions (β₁, β₂, ε, warm-up) when the rule moves them too.
 * @example renderLearningRate({ group, file, t })
 *   // "…\n```diff\n- learning_rate: 1.0e-4\n+ learning_rate: 1.4e-4\n```"
 */
export function renderLearningRate(input: {
  group: ChangeGroup;
  file?: FileReport;
  headText?: HeadText;
  t: Translator;
}): string {
  const { t } = input;
  const lr = input.group.estimate.learningRate;
  if (lr.status === "not-needed" && !lr.adjustments.length) return "";
  const note = (n: Note) => untrusted(t.note(n), "text", { t });
  const parts = [
    `**${t.t("lr.heading")}** ${note(lr.message)}${lr.caveat ? `${t.t("word.sentenceJoin")}${note(lr.caveat)}` : ""}`,
  ];
  const edit = learningRateEdit(input);
  if (edit) {
    const before = edit.original ?? `${edit.setting.key}: ${edit.setting.raw}`;
    const after = edit.replacement ?? `${edit.setting.key}: ${edit.suggestedRaw}`;
    // The user's own line, in a fence longer than any backtick run in it.
    parts.push(untrusted(`- ${before.trimEnd()}\n+ ${after.trimEnd()}`, "fence", { t, info: "diff" }));
  }
  const moved = lr.adjustments.filter((a) => a.before !== undefined || a.after !== undefined || a.rule);
  if (moved.length) {
    const items = moved.map((a) => {
      const named = { name: untrusted(a.name, "code", { t }), rule: untrusted(a.rule, "text", { t }) };
      return a.before !== undefined && a.after !== undefined
        ? `- ${t.t("lr.adjustment", { ...named, before: formatNumber(a.before), after: formatNumber(a.after) })}`
        : `- ${t.t("lr.adjustmentRule", named)}`;
    });
    parts.push(`${t.t("lr.adjustments")}\n${items.join("\n")}`);
  }
  return parts.join("\n\n");
}
