import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderJson } from "../report/render-json.js";
import type { Report } from "../report/types.js";
import type { CommentBundle } from "./comment-bundle.js";

export interface ReportFiles {
  /** The JSON report (docs/action.md: the `report-json` output). */
  reportJson: string;
  /** What a `workflow_run` job needs to post the comment (the `comment-json` output). */
  commentJson: string;
}

/**
 * Writes the JSON report and the comment bundle to `RUNNER_TEMP/batch-advisor/` (the working
 * directory outside a runner), so a later step can upload them as an artifact.
 * @example writeReportFiles({ report, bundle, env: process.env }).reportJson
 *   // "/home/runner/work/_temp/batch-advisor/report.json"
 */
export function writeReportFiles(input: {
  report: Report;
  bundle: CommentBundle;
  env: NodeJS.ProcessEnv;
}): ReportFiles {
  const dir = join(input.env.RUNNER_TEMP || process.cwd(), "batch-advisor");
  mkdirSync(dir, { recursive: true });
  const files = { reportJson: join(dir, "report.json"), commentJson: join(dir, "comment.json") };
  writeFileSync(files.reportJson, renderJson(input.report));
  writeFileSync(files.commentJson, `${JSON.stringify(input.bundle, null, 2)}\n`);
  return files;
}
