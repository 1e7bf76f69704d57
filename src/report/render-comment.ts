import type { FileReport } from "../detect/types.js";
import type { Measurements } from "../proxy/types.js";
import { estimateNotes, renderConfigErrors, renderGroupAlerts, renderSkipped, renderUnreadable } from "./alerts.js";
import { batchParts } from "./batch-parts.js";
import { renderChangeTable } from "./change-table.js";
import { renderConvergenceChart } from "./convergence-chart.js";
import { findings, type Finding } from "./findings.js";
import { formatNumber } from "./format-number.js";
import { collapsedLine, renderGroupHeading } from "./group-heading.js";
import { renderHeadlineTable } from "./headline-table.js";
import { renderHowMeasured } from "./how-measured.js";
import { renderLearningRate } from "./learning-rate-diff.js";
import { byUrgency, worstLevel } from "./level.js";
import { nextAction } from "./next-action.js";
import { Footnotes } from "./provenance.js";
import { renderSummaryTable } from "./summary-table.js";
import type { MessageId } from "./messages/en.js";
import { translator, type Translator } from "./messages/translate.js";
import type { HeadText } from "./suggestions.js";
import type { ChangeGroup, Report } from "./types.js";
import type { Language } from "../config/schema.js";
import { renderWhy } from "./why-section.js";
import { untrusted } from "./untrusted.js";
import { verdictText } from "./verdict-text.js";

/** The hidden marker the GitHub front looks for to update its comment in place. */
export const COMMENT_MARKER = "<!-- batch-advisor:comment -->";

/** GitHub rejects a comment body longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

/** Room kept under the limit for what a front may add (a link, a timestamp). */
const TARGET = COMMENT_LIMIT - 4_000;

/** Shown in full before the rest collapse to one line each, however much room is left. */
const MAX_FULL_GROUPS = 8;

/** Listed items (skipped files, config errors, collapsed lines) before "and N more". */
const MAX_LISTED = 300;

export interface RenderCommentInput {
  groups: ChangeGroup[];
  measurements: Measurements[];
  files: FileReport[];
  skipped: Report["skipped"];
  configErrors: Report["configErrors"];
  language: Language;
  /** Where the change came from, e.g. "git main..HEAD in /repo". */
  source: string;
  /** Head file contents, to show the learning-rate line exactly as written. */
  headText?: HeadText;
  /** Versions to name under "How this was measured". */
  versions?: Record<string, string>;
}

/**
 * The pull-request comment a reviewer reads in 30 seconds. Above the fold: the verdict sentence,
 * one table (the finding's headline table, or with several findings a summary table with a row
 * each) and the one action to take. Everything else folds: per finding its changed settings, the
 * full table with every number's source, alerts, learning-rate diff and curve; problems reading
 * configs; **Why**; **How this was measured**. A Hydra fragment and the configs composing it are
 * one finding. Always under GitHub's 65 536-character limit: past the first findings (worst
 * first) or past the room left, findings collapse to one line each.
 * @example renderComment({ groups, measurements, files, skipped: [], configErrors: [], language: "en", source: "git
 * main..HEAD" })
 */
export function renderComment(input: RenderCommentInput): string {
  const t = translator(input.language);
  const all = findings(input.groups);
  const primary = all[0];
  const notes = new Footnotes(t, primary ? measurementOf(input, primary.group) : undefined);
  const fold = [
    primary
      ? verdictLine(all, t, input)
      : `**${t.t("verdict.title", { level: t.t("level.ok") })}** — ${t.t("verdict.none")}`,
    primary ? sameBatchLine(primary, t, input) : "",
    all.length === 1
      ? renderHeadlineTable({ group: primary.group, file: fileOf(input, primary.group), t, notes })
      : all.length > 1
        ? renderSummaryTable({ findings: all, t, notes })
        : "",
    primary ? nextAction({ group: primary.group, file: fileOf(input, primary.group), t }) : "",
  ];
  const head = [COMMENT_MARKER, ...fold].filter(Boolean).join("\n\n");
  const tail = [
    renderProblems(input, t),
    primary ? renderWhy({ group: primary.group, file: fileOf(input, primary.group), t }) : "",
    input.groups.length || input.measurements.length
      ? renderHowMeasured({
          measurements: input.measurements,
          groups: byUrgency(input.groups),
          source: input.source,
          t,
          versions: input.versions,
        })
      : "",
    `<sub>${t.t("footer")}</sub>`,
  ]
    .filter(Boolean)
    .join("\n\n");

  let room = TARGET - head.length - tail.length - 4;
  const full: string[] = [];
  for (const finding of all.slice(0, MAX_FULL_GROUPS)) {
    // The first finding shares the headline table's footnotes; the others number their own.
    const section = renderFinding(finding, input, t, finding === primary ? notes : undefined);
    const rest = all.length - full.length - 1;
    // Keep room for the one-line form of every finding still to come.
    if (section.length + rest * 220 > room && full.length > 0) break;
    full.push(section);
    room -= section.length + 2;
  }
  const collapsed = renderCollapsed(
    all.slice(full.length).map((f) => f.group),
    room,
    t,
    input,
  );
  return clip([head, ...full, collapsed, tail].filter(Boolean).join("\n\n"), t);
}

/** One finding, folded: what changed (and which configs the edit reaches), the full table with its sources, alerts,
 * learning rate, notes, curve. */
function renderFinding(finding: Finding, input: RenderCommentInput, t: Translator, shared?: Footnotes): string {
  const { group } = finding;
  const file = fileOf(input, group);
  const proxy = measurementOf(input, group);
  const notes = shared ?? new Footnotes(t, proxy);
  const estimateLines = estimateNotes(group, t);
  const convergence = group.estimate.convergence;
  const affects =
    finding.affects.length > 1
      ? t.t("fold.affects", {
          count: String(finding.affects.length),
          list: finding.affects.map((p) => untrusted(p, "code", { t })).join(t.t("word.listJoin")),
        })
      : "";
  const body = [
    renderGroupHeading({ group, t }),
    affects,
    renderChangeTable({ group, file, proxy, t, verdictShown: true, notes }),
    notes.legend(),
    renderGroupAlerts({ group, file, t }),
    renderLearningRate({ group, file, headText: input.headText, t }),
    estimateLines.length ? estimateLines.map((n) => `- ${untrusted(n, "text", { t })}`).join("\n") : "",
    convergence ? renderConvergenceChart({ convergence, t }) : "",
  ]
    .filter(Boolean)
    .join("\n\n");
  // The summary line is raw HTML, where a code span would not render: the path goes in as HTML text.
  const summary = t.t("fold.details", { path: `<code>${untrusted(finding.edited, "html", { t })}</code>` });
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** Config errors, skipped files and unreadable configs, folded under one line. */
function renderProblems(input: RenderCommentInput, t: Translator): string {
  const body = [
    renderConfigErrors(input.configErrors.slice(0, MAX_LISTED), t),
    renderSkipped(input.skipped.slice(0, MAX_LISTED), t),
    renderUnreadable(
      input.files.filter((f) => f.errors.length && !input.groups.some((g) => g.path === f.path)).slice(0, MAX_LISTED),
      t,
    ),
  ]
    .filter(Boolean)
    .join("\n\n");
  return body ? `<details>\n<summary>${t.t("fold.problems")}</summary>\n\n${body}\n\n</details>` : "";
}

/** An unchanged effective batch said plainly: same updates, memory per device follows the per-device batch, steps
 * usually faster, BatchNorm statistics change. */
function sameBatchLine(finding: Finding, t: Translator, input: RenderCommentInput): string {
  const { group } = finding;
  const b = group.estimate.batch;
  if (b.ratio === null || Math.abs(b.ratio - 1) > 1e-9) return "";
  const parts = batchParts(group, fileOf(input, group)).filter(
    (p) => p.changed && typeof p.before === "number" && typeof p.after === "number" && p.before > 0,
  );
  const micro = parts.find((p) => p.role === "micro_batch");
  if (!micro) return "";
  const factor = (p: (typeof parts)[number]) => {
    const k = (p.after as number) / (p.before as number);
    return k >= 1 ? `×${formatNumber(k)}` : `÷${formatNumber(1 / k)}`;
  };
  const peak = group.estimate.memory.peak;
  const k = (micro.after as number) / (micro.before as number);
  const memory =
    peak.ratio && !peak.ratio.uncertain && peak.basis !== "activations"
      ? `×${formatNumber(peak.ratio.value)}`
      : t.t("same.memoryUnknown", { k: formatNumber(k) });
  return t.t("same.batch", {
    batch:
      b.after === null
        ? t.t("cell.unknown")
        : `${formatNumber(b.after)} ${t.t(b.unit === "tokens" ? "unit.tokens" : "unit.samples")}`,
    parts: parts
      .map((p) => t.t("same.part", { name: t.t(`verdict.part.${p.role}` as MessageId), factor: factor(p) }))
      .join(t.t("word.listJoin")),
    memory,
    micro: formatNumber(micro.after as number),
  });
}

/** Findings beyond the full ones: one line each inside a `<details>`, as many as fit. */
function renderCollapsed(groups: ChangeGroup[], room: number, t: Translator, input: RenderCommentInput): string {
  if (!groups.length) return "";
  const lines: string[] = [];
  let used = 200;
  for (const g of groups.slice(0, MAX_LISTED)) {
    const line = `- ${collapsedLine(g, t, fileOf(input, g))}`;
    if (used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  const left = groups.length - lines.length;
  if (left > 0) lines.push(`- ${t.t("collapsed.truncated", { count: String(left) })}`);
  const summary = t.t("collapsed.summary", { count: String(groups.length) });
  return `<details>\n<summary>${summary}</summary>\n\n${lines.join("\n")}\n\n</details>`;
}

function verdictLine(all: Finding[], t: Translator, input: RenderCommentInput): string {
  const level = worstLevel(input.groups);
  const label = t.t(`level.${level}` as MessageId);
  const worst = all[0].group;
  const files = new Set(all.map((f) => f.edited)).size;
  const scope = all.length > 1 ? t.t("verdict.scope", { changes: String(all.length), files: String(files) }) : "";
  const verdict = untrusted(verdictText(worst.estimate, t, { group: worst, file: fileOf(input, worst) }), "text", {
    t,
  });
  return t.t("verdict.line", {
    title: t.t("verdict.title", { level: label }),
    path: untrusted(all[0].edited, "code", { t }),
    verdict,
    scope,
  });
}

/** Last resort for pathological inputs: cut at a line break under the limit and say so. */
function clip(markdown: string, t: Translator): string {
  if (markdown.length <= TARGET) return markdown;
  const note = `\n\n${t.t("clipped")}`;
  const cut = markdown.lastIndexOf("\n", TARGET - note.length);
  return `${markdown.slice(0, cut > 0 ? cut : TARGET - note.length)}${note}`;
}

function fileOf(input: RenderCommentInput, group: ChangeGroup): FileReport | undefined {
  return input.files.find((f) => f.path === group.path);
}

function measurementOf(input: RenderCommentInput, group: ChangeGroup): Measurements | undefined {
  return group.measurementIndex === undefined ? undefined : input.measurements[group.measurementIndex];
}
