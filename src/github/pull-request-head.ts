import type { GitHub } from "./create-octokit.js";
import type { PullRequestRef } from "./pull-request.js";

export interface PullRequestHead {
  head: string;
  base: string;
  open: boolean;
}

/**
 * The pull request as GitHub has it now: its current head and base commits. The order of pushes
 * is GitHub's, not the order webhooks or runs arrive in (a force-push can move the head to a
 * commit that is no descendant of the last one).
 * @example await pullRequestHead(github, { owner: "acme", repo: "train", number: 7 })
 *   // { head: "cccc…", base: "bbbb…", open: true }
 */
export async function pullRequestHead(github: GitHub, pr: PullRequestRef): Promise<PullRequestHead> {
  const { data } = await github.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
  return { head: data.head.sha, base: data.base.sha, open: data.state === "open" };
}
