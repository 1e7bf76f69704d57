import * as core from "@actions/core";
import { renderJobSummary } from "../report/render-summary.js";
import type { Report } from "../report/types.js";

/**
 * The job summary, written on every run (with or without a change, with or without a comment):
 * the report without its hidden marker, then what happened to the comment.
 * @example await writeSummary(report, ["Comment not posted: 403 …"])
 */
export async function writeSummary(report: Pick<Report, "markdown">, notes: string[]): Promise<void> {
  const summary = core.summary.addRaw(renderJobSummary(report), true);
  if (notes.length) summary.addEOL().addRaw(notes.map((n) => `> ${n}`).join("\n>\n"), true);
  await summary.write();
}
