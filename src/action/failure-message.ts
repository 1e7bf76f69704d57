import { translator } from "../report/messages/translate.js";
import type { ChangeGroup, Report } from "../report/types.js";
import { verdictText } from "../report/verdict-text.js";

/** The job log speaks English, in the report catalogue's words. */
const en = translator("en");

/** The `fail-on` input's values, beside the function that decides what each one fails; the input schema takes them from
 * here. */
export const FAIL_ON = ["error", "warn", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * Why the job should fail, or undefined when it should pass. `error` fails only when a predicted
 * peak breaks a memory budget set at level `error`; `warn` also fails on any warning or error
 * verdict; `never` reports and passes. Each line names the file, the batch and the budget.
 * @example failureMessage(report, "error") // "Memory budget broken: configs/train.yaml:4: batch 32 → 64: Predicted
 * peak 41.0 GiB at batch 64 is over the memory budget 40GiB (memory.budget)."
 */
export function failureMessage(report: Pick<Report, "groups">, failOn: FailOn): string | undefined {
  if (failOn === "never") return undefined;
  const overBudget = report.groups.filter(
    (g) => g.estimate.memory.budget?.status === "error" && g.estimate.memory.budget.level === "error",
  );
  const lines = overBudget.map((g) => `${where(g)}: ${en.note(g.estimate.memory.budget!.message)}`);
  if (failOn === "warn") {
    for (const g of report.groups)
      if (!overBudget.includes(g) && g.estimate.verdict.level !== "ok")
        lines.push(`${where(g)}: ${verdictText(g.estimate, en, { group: g })}`);
  }
  if (!lines.length) return undefined;
  const head = overBudget.length
    ? "Memory budget broken"
    : `batch-size change at level ${failOn} or worse (fail-on: ${failOn})`;
  return `${head}: ${lines.join("\n")}`;
}

function where(group: ChangeGroup): string {
  const line = group.changes[0]?.line ?? group.estimate.change.line;
  const { before, after } = group.estimate.batch;
  return `${group.path}:${line}: batch ${before ?? "?"} → ${after ?? "?"}`;
}
