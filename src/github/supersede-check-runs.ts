import { listCheckRuns, type RepoRef } from "./check-run.js";
import type { GitHub } from "./create-octokit.js";

/**
 * A newer push supersedes: the batch-advisor check runs still queued or in progress on an older
 * head are completed as `cancelled`, "superseded by <new sha>", so no stale run stays yellow.
 * Returns the ids it cancelled.
 * @example await supersedeCheckRuns(github, { owner, repo, olderSha: "aaaa…", newerSha: "cccc…" }) // [7]
 */
export async function supersedeCheckRuns(
  github: GitHub,
  input: RepoRef & { olderSha: string; newerSha: string },
): Promise<number[]> {
  if (input.olderSha === input.newerSha) return [];
  const open = (await listCheckRuns(github, { ...input, ref: input.olderSha })).filter((r) => r.status !== "completed");
  const short = input.newerSha.slice(0, 7);
  for (const run of open) {
    await github.rest.checks.update({
      owner: input.owner,
      repo: input.repo,
      check_run_id: run.id,
      status: "completed",
      conclusion: "cancelled",
      completed_at: new Date().toISOString(),
      output: {
        title: `Superseded by ${short}`,
        summary: `A newer push (${input.newerSha}) superseded this commit; batch-advisor analyses that one instead.`,
      },
    });
  }
  return open.map((r) => r.id);
}
