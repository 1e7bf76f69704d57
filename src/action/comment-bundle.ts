import { z } from "zod";
import { COMMENT_LIMIT } from "../report/render-comment.js";

/**
 * What a later `workflow_run` job needs to post a report it did not compute: the pull request,
 * the head SHA it was made for, the comment body and the one-click suggestions. Written beside
 * the JSON report; read back with `post-from`, where it is untrusted input (a fork wrote it).
 */
export const commentBundleSchema = z.object({
  version: z.literal(1),
  repository: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
  pullRequest: z.number().int().positive(),
  headSha: z.string().regex(/^[0-9a-f]{40}$/i),
  language: z.enum(["en", "zh-TW"]),
  /** False when the pull request changes no batch size (an earlier comment is then marked as gone). */
  hasChanges: z.boolean(),
  markdown: z.string().max(COMMENT_LIMIT),
  suggestions: z
    .array(
      z.object({
        path: z.string(),
        line: z.number().int().positive(),
        original: z.string(),
        replacement: z.string(),
        reason: z.string(),
        topics: z
          .array(z.enum(["learning-rate", "schedule"]))
          .max(2)
          .optional(),
      }),
    )
    .max(100),
});

export type CommentBundle = z.output<typeof commentBundleSchema>;
