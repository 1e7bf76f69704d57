import { formatNumber } from "./format-number.js";
import { ratioPhrase } from "./format-quantity.js";
import type { FileReport } from "../detect/types.js";
import { byUrgency, groupLevel, isOverBudget, worstLevel } from "./level.js";
import type { MessageId } from "./messages/en.js";
import { translator } from "./messages/translate.js";
import { COMMENT_MARKER } from "./render-comment.js";
import type { ChangeGroup, Report } from "./types.js";
import type { Language } from "../config/schema.js";
import { untrusted } from "./untrusted.js";
import { verdictText } from "./verdict-text.js";

/**
 * The one-line summary for a check-run title or a log: level, how many changes, and the most
 * important fact (over budget, else the worst group's verdict).
 * @example renderSummary({ groups, language: "en" })
 *   // "batch-advisor: Warning: 1 batch-size change(s) in 1 file(s); train.yaml: …"
 */
export function renderSummary(input: { groups: ChangeGroup[]; language: Language; files?: FileReport[] }): string {
  const t = translator(input.language);
  const groups = byUrgency(input.groups);
  if (!groups.length) return t.t("summary.none");
  const level = t.t(`level.${worstLevel(groups)}` as MessageId);
  const files = new Set(groups.map((g) => g.path)).size;
  let detail: string;
  if (isOverBudget(groups)) {
    // A log line and a check-run title are plain text: a PR's path is made one visible line, nothing more.
    const paths = groups
      .filter((g) => g.estimate.memory.budget?.status === "error")
      .map((g) => untrusted(g.path, "plain", { t }));
    detail = t.t("summary.overBudget", { paths: paths.join(", ") });
  } else {
    const worst = groups[0];
    const c = worst.estimate.convergence;
    const path = untrusted(worst.path, "plain", { t });
    const file = input.files?.find((f) => f.path === worst.path);
    detail =
      groupLevel(worst) === "ok" && c
        ? t.t("summary.steps", { path, steps: ratioPhrase(c.stepsRatio, "steps", { t, bare: true }) })
        : t.t("summary.verdict", {
            path,
            verdict: untrusted(verdictText(worst.estimate, t, { group: worst, file }), "plain", { t }),
          });
  }
  return t.t("summary.line", { level, changes: formatNumber(groups.length), files: formatNumber(files), detail });
}

/** What a check run shows: title, a summary (the comment without its marker), and the conclusion. */
export interface CheckRunText {
  title: string;
  summary: string;
  conclusion: "success" | "neutral" | "failure";
}

/**
 * The check run's text: a short title, the comment as its summary, and a conclusion that fails
 * only when a memory budget at level `error` is broken.
 * @example renderCheckRun(report)
 *   // { title: "Batch size change: worth a look", summary: "**batch-advisor: Warning** …", conclusion: "neutral" }
 */
export function renderCheckRun(
  report: Pick<Report, "groups" | "language" | "markdown" | "overBudget" | "level">,
): CheckRunText {
  const t = translator(report.language);
  const title = report.groups.length ? t.t(`check.title.${report.level}` as MessageId) : t.t("check.title.none");
  const conclusion = report.overBudget ? "failure" : report.level === "ok" ? "success" : "neutral";
  return { title, summary: renderJobSummary(report), conclusion };
}

/**
 * The Actions job summary: the comment without its hidden marker.
 * @example renderJobSummary(report).startsWith("**batch-advisor") // true
 */
export function renderJobSummary(report: Pick<Report, "markdown">): string {
  return report.markdown.replace(`${COMMENT_MARKER}\n\n`, "").replace(COMMENT_MARKER, "");
}
