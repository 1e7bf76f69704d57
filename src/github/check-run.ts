import type { GitHub } from "./create-octokit.js";
import { createOnce } from "./create-once.js";

/** The name every batch-advisor check run carries; dedupe and supersede look runs up by it. */
export const CHECK_NAME = "batch-advisor";

/** The repository a check run lives in. */
export interface RepoRef {
  owner: string;
  repo: string;
}

export interface CheckRunSummary {
  id: number;
  headSha: string;
  status: "queued" | "in_progress" | "completed" | string;
  /** The App that created it: only that App may update it. */
  appSlug?: string;
}

/**
 * A "batch-advisor" check run in the `queued` state on the head commit, for the runner to complete.
 * Created once: when GitHub's answer is lost, an open batch-advisor run on the head is adopted
 * instead of queuing a second.
 * @example await createQueuedCheckRun(github, { owner: "acme", repo: "train", headSha: "3c4d…", summary: "Queued on
 * batch-advisor.yml" }) // { id: 9, … }
 */
export async function createQueuedCheckRun(
  github: GitHub,
  input: RepoRef & { headSha: string; summary: string; log?: (message: string) => void },
): Promise<CheckRunSummary> {
  const created = await createOnce({
    create: async () => {
      const { data } = await github.rest.checks.create({
        owner: input.owner,
        repo: input.repo,
        name: CHECK_NAME,
        head_sha: input.headSha,
        status: "queued",
        output: { title: "Queued: proxy training", summary: input.summary },
      });
      return { id: data.id, headSha: data.head_sha, status: data.status, appSlug: data.app?.slug } as CheckRunSummary;
    },
    find: async () =>
      (await listCheckRuns(github, { ...input, ref: input.headSha })).find((r) => r.status !== "completed"),
    log: input.log,
  });
  return created.value;
}

/**
 * The batch-advisor check runs on one commit, every page.
 * @example await listCheckRuns(github, { owner: "acme", repo: "train", ref: "3c4d…" })
 *   // [{ id: 9, status: "queued", … }]
 */
export async function listCheckRuns(github: GitHub, input: RepoRef & { ref: string }): Promise<CheckRunSummary[]> {
  const runs = await github.paginate(github.rest.checks.listForRef, {
    owner: input.owner,
    repo: input.repo,
    ref: input.ref,
    check_name: CHECK_NAME,
    per_page: 100,
  });
  return runs.map((r) => ({ id: r.id, headSha: r.head_sha, status: r.status, appSlug: r.app?.slug }));
}
