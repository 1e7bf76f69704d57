import type { GitHub } from "../github/create-octokit.js";
import { explainError } from "../github/explain-error.js";
import type { PullRequestRef } from "../github/pull-request.js";
import { postReviewSuggestions } from "../github/review-suggestions.js";
import type { Suggestion } from "../report/types.js";

/**
 * The one-click learning-rate suggestions as review comments, logged line by line. Never
 * throws: a suggestion that cannot be posted is still shown in the sticky comment.
 * @example await postSuggestions(github, { pr, headSha, suggestions, patches, author }) // ["Suggested on train.yaml:7"]
 */
export async function postSuggestions(
  github: GitHub,
  input: {
    pr: PullRequestRef;
    headSha: string;
    suggestions: Suggestion[];
    patches: () => Promise<Map<string, string | undefined>>;
    author: string;
  },
): Promise<string[]> {
  if (!input.suggestions.length) return [];
  try {
    const result = await postReviewSuggestions(github, { ...input, patches: await input.patches() });
    return [
      ...result.posted.map((s) => `Suggested the learning rate on ${s.path}:${s.line}`),
      ...result.skipped.map((s) => `No review suggestion: ${s.reason}`),
    ];
  } catch (error) {
    return [`Review suggestions not posted: ${explainError(error)}`];
  }
}
