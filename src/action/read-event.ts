import { readFileSync } from "node:fs";
import type { PullRequestRef } from "../github/pull-request.js";

export interface PullRequestTarget {
  pr: PullRequestRef;
  base: string;
  head: string;
  /** True when the head lives in another repository, whose workflow token is read-only. */
  fromFork: boolean;
}

interface PullRequestPayload {
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string } | null };
  };
  repository?: { full_name?: string };
}

/**
 * The pull request the run is about, from the event payload the runner wrote to
 * GITHUB_EVENT_PATH; `base`/`head` inputs override the payload's SHAs, and a `pull-request` input
 * names it on events that carry none (workflow_dispatch).
 * @example readEvent({ env: process.env, base: undefined, head: undefined })
 *   // { pr: { owner: "acme", repo: "train", number: 7 }, base: "1a2b…", head: "3c4d…", fromFork: false }
 */
export function readEvent(input: {
  env: NodeJS.ProcessEnv;
  base?: string;
  head?: string;
  pullRequest?: number;
}): PullRequestTarget {
  const { env } = input;
  const eventName = env.GITHUB_EVENT_NAME ?? "unknown";
  if (!env.GITHUB_EVENT_PATH)
    throw new Error("GITHUB_EVENT_PATH is not set: batch-advisor runs as a step of a GitHub Actions workflow");
  const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as PullRequestPayload;
  // workflow_dispatch (the GitHub App's runner workflow) names the pull request in the inputs.
  const pull = input.pullRequest ? { number: input.pullRequest } : payload.pull_request;
  if (!pull?.number) {
    throw new Error(
      `The ${eventName} event has no pull request: run batch-advisor on ` +
        "pull_request (opened, synchronize, reopened), or on workflow_dispatch with " +
        "the pull-request, base and head inputs; to post a report from a " +
        "workflow_run, use the post-from input",
    );
  }
  const fullName = env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? pull.base?.repo?.full_name ?? "";
  const [owner, repo] = fullName.split("/");
  if (!owner || !repo)
    throw new Error("Cannot tell the repository: GITHUB_REPOSITORY is not set and the event names none");
  const sides = pull as NonNullable<PullRequestPayload["pull_request"]>;
  const base = input.base ?? sides.base?.sha;
  const head = input.head ?? sides.head?.sha;
  if (!base || !head) throw new Error(`The ${eventName} event has no base or head SHA; set the base and head inputs`);
  const headRepo = sides.head?.repo?.full_name;
  return {
    pr: { owner, repo, number: pull.number },
    base,
    head,
    fromFork: headRepo !== undefined && headRepo !== fullName,
  };
}
