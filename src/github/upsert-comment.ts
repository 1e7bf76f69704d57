import type { GitHub } from "./create-octokit.js";
import { findComment } from "./find-comment.js";
import type { PullRequestRef } from "./pull-request.js";

export interface UpsertCommentOptions {
  pr: PullRequestRef;
  /** The whole body, containing `marker`. */
  body: string;
  marker: string;
  /** Login(s) whose comment is the sticky one; only theirs are updated. */
  author: string | readonly string[];
  /** When no comment exists yet: create one (default) or leave the pull request alone. */
  create?: boolean;
}

export interface UpsertResult {
  action: "created" | "updated" | "unchanged" | "none";
  url?: string;
}

/**
 * One comment per pull request, updated in place: finds the earlier comment by hidden marker and
 * author, edits it when the body changed, leaves it when not, creates it when there is none.
 * @example await upsertComment(github, { pr, body, marker: COMMENT_MARKER, author: "github-actions[bot]" }) // { action: "created", url: "…" }
 */
export async function upsertComment(github: GitHub, options: UpsertCommentOptions): Promise<UpsertResult> {
  const { owner, repo, number } = options.pr;
  const existing = await findComment(github, options);
  if (existing) {
    if (normalise(existing.body) === normalise(options.body)) return { action: "unchanged", url: existing.url };
    const { data } = await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: options.body });
    return { action: "updated", url: data.html_url };
  }
  if (options.create === false) return { action: "none" };
  const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: number, body: options.body });
  return { action: "created", url: data.html_url };
}

/** GitHub stores bodies with CRLF line ends when edited in the browser; the text is what counts. */
function normalise(body: string): string {
  return body.replace(/\r\n/g, "\n").trim();
}
