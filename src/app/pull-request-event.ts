import type { PullRequestRef } from "../github/pull-request.js";

/** The parts of a `pull_request` webhook payload the App reads. */
export interface PullRequestPayload {
  action: string;
  /** The previous head on `synchronize`. */
  before?: string;
  pull_request: { number: number; base: { sha: string }; head: { sha: string } };
  repository: { name: string; owner: { login: string }; default_branch: string };
}

export interface PullRequestEvent {
  pr: PullRequestRef;
  base: string;
  head: string;
  /** The head this push replaced, whose open check runs it supersedes. */
  previousHead?: string;
  /** Where the runner workflow is dispatched from: trusted code, never the pull request's head. */
  defaultBranch: string;
}

/**
 * The pull request a webhook is about.
 * @example pullRequestEvent(payload) // { pr: { owner: "acme", repo: "train", number: 7 }, base: "bbbb…", head:
 * "cccc…", previousHead: "aaaa…", defaultBranch: "main" }
 */
export function pullRequestEvent(payload: PullRequestPayload): PullRequestEvent {
  const { pull_request: pull, repository } = payload;
  return {
    pr: { owner: repository.owner.login, repo: repository.name, number: pull.number },
    base: pull.base.sha,
    head: pull.head.sha,
    ...(payload.action === "synchronize" && payload.before ? { previousHead: payload.before } : {}),
    defaultBranch: repository.default_branch,
  };
}
