import type { GitHub } from "./create-octokit.js";
import { createOnce } from "./create-once.js";
import { findComment, type FoundComment } from "./find-comment.js";
import { recordedHead, withHead, withoutHead } from "./head-marker.js";
import type { PullRequestRef } from "./pull-request.js";
import { pullRequestHead } from "./pull-request-head.js";

export interface UpsertCommentOptions {
  pr: PullRequestRef;
  /** The whole body, containing `marker`. */
  body: string;
  marker: string;
  /** Login(s) whose comment is the sticky one; only theirs are updated. */
  author: string | readonly string[];
  /** When no comment exists yet: create one (default) or leave the pull request alone. */
  create?: boolean;
  /**
   * The head commit the body was made for: recorded in the comment, and a run for a head that is
   * no longer the pull request's does not overwrite what a newer run wrote.
   */
  headSha?: string;
  log?: (message: string) => void;
}

export interface UpsertResult {
  action: "created" | "updated" | "unchanged" | "none" | "stale";
  url?: string;
  /** For "stale": the pull request's current head, which this body is not for. */
  currentHead?: string;
}

/**
 * One comment per pull request, updated in place: finds the earlier comment by hidden marker and
 * author, edits it when the body changed, leaves it when not, creates it when there is none.
 * With `headSha`, the comment records that commit, and writes only while it is still the pull
 * request's head (asked of GitHub before any write); a create whose answer was lost is looked
 * for before it is sent again.
 * @example await upsertComment(github, { pr, body, marker: COMMENT_MARKER, author: "github-actions[bot]", headSha:
 * "cccc…" }) // { action: "created", url: "…" }
 */
export async function upsertComment(github: GitHub, options: UpsertCommentOptions): Promise<UpsertResult> {
  const { owner, repo, number } = options.pr;
  const body = options.headSha ? withHead(options.body, options.headSha) : options.body;
  const existing = await findComment(github, options);
  if (existing && normalise(existing.body) === normalise(body)) return { action: "unchanged", url: existing.url };
  if (!existing && options.create === false) return { action: "none" };

  // Write only while ours is the pull request's head: a run for an older push that finishes
  // late must not overwrite the newer report. The comment's own recorded head cannot decide
  // alone: an unchanged text keeps the head it was first written for.
  if (options.headSha) {
    const { head } = await pullRequestHead(github, options.pr);
    if (head.toLowerCase() !== options.headSha.toLowerCase()) {
      const theirs = existing && recordedHead(existing.body);
      const forTheirs = theirs ? ` and the comment is for ${theirs.slice(0, 7)}` : "";
      const ours = options.headSha.slice(0, 7);
      options.log?.(`Not writing the comment for ${ours}: the pull request is at ${head.slice(0, 7)}${forTheirs}`);
      return { action: "stale", currentHead: head, url: existing?.url };
    }
  }

  if (existing) {
    const { data } = await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: "updated", url: data.html_url };
  }
  const created = await createOnce<Pick<FoundComment, "url">>({
    create: async () => ({
      url: (await github.rest.issues.createComment({ owner, repo, issue_number: number, body })).data.html_url,
    }),
    find: () => findComment(github, options),
    log: options.log,
  });
  return { action: "created", url: created.value.url };
}

/** GitHub stores bodies with CRLF line ends when edited in the browser; the text (not the commit it was for) is what
 * counts. */
function normalise(body: string): string {
  return withoutHead(body).replace(/\r\n/g, "\n").trim();
}
