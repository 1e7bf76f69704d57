import { performance } from "node:perf_hooks";
import { buildAnnotations } from "./annotations.js";
import { isOverBudget, worstLevel } from "./level.js";
import { translator } from "./messages/translate.js";
import { renderComment, type RenderCommentInput } from "./render-comment.js";
import { renderSummary } from "./render-summary.js";
import { buildSuggestions } from "./suggestions.js";
import type { Report } from "./types.js";

export interface BuildReportInput extends RenderCommentInput {
  /** Seconds spent before rendering; `total` defaults to their sum. Render time is measured here and added. */
  timings: { detect: number; proxy: number; estimate: number; total?: number };
}

/**
 * Everything a front sends: level, over-budget flag, one-line summary, the comment, annotations
 * and suggestions, with the timings of each phase.
 * @example const report = buildReport({ groups, measurements, files, skipped: [], configErrors: [], language: "en",
 * source: "git main..HEAD", timings: { detect: 0.1, proxy: 20, estimate: 0.01 } })
 */
export function buildReport(input: BuildReportInput): Report {
  const started = performance.now();
  const t = translator(input.language);
  const markdown = renderComment(input);
  const report: Omit<Report, "timings"> = {
    version: 1,
    language: input.language,
    source: input.source,
    files: input.files,
    groups: input.groups,
    measurements: input.measurements,
    skipped: input.skipped,
    configErrors: input.configErrors,
    level: worstLevel(input.groups),
    overBudget: isOverBudget(input.groups),
    summary: renderSummary({ groups: input.groups, language: input.language, files: input.files }),
    markdown,
    annotations: buildAnnotations({ groups: input.groups, language: input.language, files: input.files }),
    suggestions: buildSuggestions({ groups: input.groups, files: input.files, headText: input.headText, t }),
  };
  const render = (performance.now() - started) / 1000;
  const { detect, proxy, estimate } = input.timings;
  const total = (input.timings.total ?? detect + proxy + estimate) + render;
  return { ...report, timings: { detect, proxy, estimate, render, total } };
}
