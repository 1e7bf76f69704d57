import { completeCheckRun } from "../github/complete-check-run.js";
import type { GitHub } from "../github/create-octokit.js";
import { explainError } from "../github/explain-error.js";
import type { PullRequestRef } from "../github/pull-request.js";
import { startCheckRun } from "../github/start-check-run.js";
import { renderCheckRun } from "../report/render-summary.js";
import type { Report } from "../report/types.js";

export interface DispatchedCheck {
  /** The App's bot, who writes the sticky comment with the App's token. */
  author?: string;
  complete(report: Report): Promise<void>;
  fail(message: string): Promise<void>;
}

/**
 * The check run the GitHub App queued before dispatching this run (input `check-run-id`):
 * marked in progress, then completed with the report's title, summary, conclusion and
 * annotations. `undefined` when a newer push already superseded it: nothing left to do.
 * @example const check = await beginDispatchedCheck(github, { pr, checkRunId: 9, log }); await check?.complete(report);
 */
export async function beginDispatchedCheck(
  github: GitHub,
  input: { pr: PullRequestRef; checkRunId: number; log: (m: string) => void },
): Promise<DispatchedCheck | undefined> {
  const where = { owner: input.pr.owner, repo: input.pr.repo, checkRunId: input.checkRunId };
  let started;
  try {
    started = await startCheckRun(github, where);
  } catch (error) {
    // Only the App that created a check run may touch it: the workflow token gets 403.
    throw new Error(
      `Cannot start check run ${input.checkRunId}: ${explainError(error)}. A run ` +
        "dispatched by the batch-advisor App needs the App's token as github-token " +
        "(docs/app.md: the runner workflow)",
    );
  }
  if (!started.started) {
    input.log(`Nothing to do: ${started.reason}`);
    return undefined;
  }
  return {
    author: started.appSlug ? `${started.appSlug}[bot]` : undefined,
    complete: (report) =>
      completeCheckRun(github, { ...where, ...renderCheckRun(report), annotations: report.annotations }),
    fail: (message) =>
      completeCheckRun(github, { ...where, conclusion: "failure", title: "batch-advisor failed", summary: message }),
  };
}
