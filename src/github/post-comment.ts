import { changeGoneBody } from "./change-gone.js";
import type { GitHub } from "./create-octokit.js";
import { explainError } from "./explain-error.js";
import type { PullRequestRef } from "./pull-request.js";
import { upsertComment } from "./upsert-comment.js";
import { COMMENT_MARKER } from "../report/render-comment.js";
import type { Language } from "../config/schema.js";

export interface PostCommentInput {
  pr: PullRequestRef;
  hasChanges: boolean;
  markdown: string;
  language: Language;
  /** Login(s) the sticky comment may have been written by (the Action's token, the App's bot). */
  author: string | readonly string[];
  /** The head commit the report is for; a newer head's comment is never overwritten. */
  headSha?: string;
  log?: (message: string) => void;
}

/**
 * The sticky comment: the report when the pull request changes a batch size; otherwise an
 * earlier comment is edited to say the change is gone, and no comment is started. Never throws:
 * a comment that cannot be posted is a line for the log and the summary, not a failed analysis.
 * @example await postComment(github, { pr, hasChanges: true, markdown, language: "en", author })
 *   // { ok: true, text: "Comment created: https://…" }
 */
export async function postComment(github: GitHub, input: PostCommentInput): Promise<{ ok: boolean; text: string }> {
  const body = input.hasChanges ? input.markdown : changeGoneBody({ marker: COMMENT_MARKER, language: input.language });
  try {
    const result = await upsertComment(github, {
      pr: input.pr,
      body,
      marker: COMMENT_MARKER,
      author: input.author,
      create: input.hasChanges,
      headSha: input.headSha,
      log: input.log,
    });
    if (result.action === "stale")
      return {
        ok: true,
        text:
          "Comment left alone: the pull request has moved on " +
          `to ${result.currentHead?.slice(0, 7)}, whose run writes it`,
      };
    const what = {
      created: "Comment created",
      updated: input.hasChanges ? "Comment updated" : "Earlier comment marked as gone",
      unchanged: "Comment unchanged",
      none: "No batch-size change; no comment",
    }[result.action];
    return { ok: true, text: result.url ? `${what}: ${result.url}` : what };
  } catch (error) {
    return { ok: false, text: `Comment not posted: ${explainError(error)}` };
  }
}
