import type { FileReport } from "../detect/types.js";
import type { Measurements } from "../proxy/types.js";
import { estimateNotes, renderConfigErrors, renderGroupAlerts, renderSkipped, renderUnreadable } from "./alerts.js";
import { renderChangeTable } from "./change-table.js";
import { renderConvergenceChart } from "./convergence-chart.js";
import { collapsedLine, renderGroupHeading } from "./group-heading.js";
import { renderHowMeasured } from "./how-measured.js";
import { renderLearningRate } from "./learning-rate-diff.js";
import { byUrgency, worstLevel } from "./level.js";
import type { MessageId } from "./messages/en.js";
import { translator, type Translator } from "./messages/translate.js";
import type { HeadText } from "./suggestions.js";
import type { ChangeGroup, Language, Report } from "./types.js";
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
 * The pull-request comment: marker, one-line verdict, per file a before/after table with
 * provenance, alerts, learning-rate diff and convergence chart, then **Why** and **How this was
 * measured**. Always under GitHub's 65 536-character limit: past the first groups (worst first)
 * or past the room left, groups collapse to one line each.
 * @example renderComment({ groups, measurements, files, skipped: [], configErrors: [], language: "en", source: "git main..HEAD" })
 */
export function renderComment(input: RenderCommentInput): string {
  const t = translator(input.language);
  const groups = byUrgency(input.groups);
  const head = [COMMENT_MARKER, verdictLine(groups, t, input), renderConfigErrors(input.configErrors.slice(0, MAX_LISTED), t)].filter(Boolean).join("\n\n");
  const primary = groups[0];
  const tail = [
    renderSkipped(input.skipped.slice(0, MAX_LISTED), t),
    renderUnreadable(input.files.filter((f) => f.errors.length && !input.groups.some((g) => g.path === f.path)).slice(0, MAX_LISTED), t),
    primary ? renderWhy({ group: primary, file: fileOf(input, primary), measurement: measurementOf(input, primary), t }) : "",
    input.groups.length || input.measurements.length ? renderHowMeasured({ measurements: input.measurements, groups, source: input.source, t, versions: input.versions }) : "",
    `<sub>${t.t("footer")}</sub>`,
  ]
    .filter(Boolean)
    .join("\n\n");

  let room = TARGET - head.length - tail.length - 4;
  const full: string[] = [];
  for (const group of groups.slice(0, MAX_FULL_GROUPS)) {
    const section = renderGroup(group, input, t, group === groups[0]);
    const rest = groups.length - full.length - 1;
    // Keep room for the one-line form of every group still to come.
    if (section.length + rest * 220 > room && full.length > 0) break;
    full.push(section);
    room -= section.length + 2;
  }
  const collapsed = renderCollapsed(groups.slice(full.length), room, t, input);
  return clip([head, ...full, collapsed, tail].filter(Boolean).join("\n\n"), t);
}

function renderGroup(group: ChangeGroup, input: RenderCommentInput, t: Translator, verdictShown: boolean): string {
  const file = fileOf(input, group);
  const proxy = measurementOf(input, group)?.description;
  const notes = estimateNotes(group, t);
  const convergence = group.estimate.convergence;
  return [
    renderGroupHeading({ group, t }),
    renderChangeTable({ group, file, proxy, t, verdictShown }),
    renderGroupAlerts({ group, file, t }),
    renderLearningRate({ group, file, headText: input.headText, t }),
    notes.length ? notes.map((n) => `- ${untrusted(n, "text", { t })}`).join("\n") : "",
    convergence ? renderConvergenceChart({ convergence, t }) : "",
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** Groups beyond the full ones: one line each inside a `<details>`, as many as fit. */
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
  return `<details>\n<summary>${t.t("collapsed.summary", { count: String(groups.length) })}</summary>\n\n${lines.join("\n")}\n\n</details>`;
}

function verdictLine(groups: ChangeGroup[], t: Translator, input: RenderCommentInput): string {
  const level = worstLevel(groups);
  const label = t.t(`level.${level}` as MessageId);
  if (!groups.length) return `**${t.t("verdict.title", { level: label })}** — ${t.t("verdict.none")}`;
  const worst = groups[0];
  const files = new Set(groups.map((g) => g.path)).size;
  const scope = groups.length > 1 ? t.t("verdict.scope", { changes: String(groups.length), files: String(files) }) : "";
  const verdict = untrusted(verdictText(worst.estimate, t, { group: worst, file: fileOf(input, worst) }), "text", { t });
  return t.t("verdict.line", { title: t.t("verdict.title", { level: label }), path: untrusted(worst.path, "code", { t }), verdict, scope });
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
