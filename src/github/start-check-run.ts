import type { RepoRef } from "./check-run.js";
import type { GitHub } from "./create-octokit.js";

export type StartResult = { started: true; appSlug?: string } | { started: false; reason: string };

/**
 * Moves a dispatched check run to `in_progress`, unless a newer push already completed it
 * (superseded): then the runner has nothing to do. Returns the slug of the App that created it,
 * whose bot writes the sticky comment.
 * @example await startCheckRun(github, { owner, repo, checkRunId: 9 }) // { started: true, appSlug: "batch-advisor" }
 */
export async function startCheckRun(github: GitHub, input: RepoRef & { checkRunId: number }): Promise<StartResult> {
  const { data } = await github.rest.checks.get({
    owner: input.owner,
    repo: input.repo,
    check_run_id: input.checkRunId,
  });
  if (data.status === "completed")
    return {
      started: false,
      reason: `check run ${input.checkRunId} is already completed (${data.output?.title ?? data.conclusion})`,
    };
  await github.rest.checks.update({
    owner: input.owner,
    repo: input.repo,
    check_run_id: input.checkRunId,
    status: "in_progress",
    started_at: new Date().toISOString(),
  });
  return { started: true, appSlug: data.app?.slug };
}
