import type { FileReport } from "../detect/types.js";
import { formatNumber } from "./format-number.js";
import { ratioPhrase } from "./format-quantity.js";
import type { MessageId } from "./messages/en.js";
import { translator } from "./messages/translate.js";
import type { Annotation, ChangeGroup } from "./types.js";
import type { Language } from "../config/schema.js";
import { groupLevel } from "./level.js";
import { untrusted } from "./untrusted.js";
import { wordParseError } from "./messages/parse-errors.js";
import { verdictText } from "./verdict-text.js";

/**
 * One annotation on each changed line: `failure` when the group's predicted peak breaks a memory
 * budget set at level `error` (or its verdict is an error), `warning` for a warn verdict, `notice`
 * for an OK one, so a change that looks fine is not flagged as a problem.
 * @example buildAnnotations({ groups, language: "en" })
 *   // [{ path: "train.yaml", line: 12, level: "warning", title: "Batch size 32 → 64: Warning", message: "…" }]
 */
export function buildAnnotations(input: {
  groups: ChangeGroup[];
  language: Language;
  files?: FileReport[];
}): Annotation[] {
  const t = translator(input.language);
  const plain = (s: string | number) => untrusted(String(s), "plain", { t });
  const out: Annotation[] = [];
  // A config that does not parse is marked where it breaks, so the author sees why it was not analysed.
  for (const file of input.files ?? []) {
    for (const error of file.errors.slice(0, 3)) {
      out.push({
        path: file.path,
        line: error.line ?? 1,
        level: "warning",
        title: t.t("annotation.unreadable"),
        message: wordParseError(error, { code: plain, text: plain }, t),
      });
    }
  }
  for (const group of input.groups) {
    const e = group.estimate;
    const overBudget = e.memory.budget?.status === "error" && e.memory.budget.level === "error";
    const verdictLevel = groupLevel(group);
    const level: Annotation["level"] =
      overBudget || verdictLevel === "error" ? "failure" : verdictLevel === "warn" ? "warning" : "notice";
    const file = input.files?.find((f) => f.path === group.path);
    // One fact per line: each a plain line whatever the PR's values hold (a sink escapes for its own syntax).
    const facts = [
      plain(verdictText(e, t, { group, file })),
      e.memory.budget && e.memory.budget.status !== "ok" ? plain(t.note(e.memory.budget.message)) : "",
      e.convergence ? `${t.t("row.steps")}: ${ratioPhrase(e.convergence.stepsRatio, "steps", { t, bare: true })}` : "",
      e.learningRate.status === "unchanged-needs-scaling" || e.learningRate.status === "differs-from-rule"
        ? plain(t.note(e.learningRate.message))
        : "",
    ].filter(Boolean);
    const message = [...new Set(facts)].join("\n");
    for (const change of group.changes) {
      if (out.some((a) => a.path === change.path && a.line === change.line)) continue;
      const side = (v: unknown) =>
        typeof v === "number"
          ? formatNumber(v)
          : v === null || v === undefined
            ? "?"
            : untrusted(v, "plain", { t, limit: 40 });
      out.push({
        path: change.path,
        line: change.line,
        level,
        title: t.t("annotation.title", {
          before: side(change.before),
          after: side(change.after),
          level: t.t(`level.${verdictLevel}` as MessageId),
        }),
        message,
      });
    }
  }
  return out;
}
