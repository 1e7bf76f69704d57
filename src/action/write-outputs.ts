import * as core from "@actions/core";
import type { Report } from "../report/types.js";
import type { ReportFiles } from "./write-report-files.js";

/** Every output of action.yml; a test holds the two equal. */
export const OUTPUT_NAMES = ["changes", "over-budget", "report-json", "comment-json"] as const;

/**
 * Sets the step's outputs: how many batch-size changes (one per config whose effective batch
 * changed), whether a budget at level `error` is broken, and where the files are.
 * @example writeOutputs(report, files) // changes=1, over-budget=false, report-json=…/report.json
 */
export function writeOutputs(report: Pick<Report, "groups" | "overBudget">, files: ReportFiles): void {
  const values: Record<(typeof OUTPUT_NAMES)[number], string> = {
    changes: String(report.groups.length),
    "over-budget": String(report.overBudget),
    "report-json": files.reportJson,
    "comment-json": files.commentJson,
  };
  for (const name of OUTPUT_NAMES) core.setOutput(name, values[name]);
}
