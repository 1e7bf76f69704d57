import type { GitHub } from "../github/create-octokit.js";
import { explainError } from "../github/explain-error.js";
import type { PullRequestRef } from "../github/pull-request.js";
import { postReviewSuggestions } from "../github/review-suggestions.js";
import type { Suggestion } from "../report/types.js";

/**
 * The one-click suggestions (learning rate, step-counted schedule) as review comments, logged
 * line by line. Never throws: a suggestion that cannot be posted is still shown in the sticky comment.
 * @example await postSuggestions(github, { pr, headSha, suggestions, patches, author })
 * // ["Suggested the learning rate on train.yaml:7"]
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
      ...result.posted.map((s) => `Suggested ${topicWords(s)} on ${s.path}:${s.line}`),
      ...result.skipped.map((s) => `No review suggestion: ${s.reason}`),
    ];
  } catch (error) {
    return [`Review suggestions not posted: ${explainError(error)}`];
  }
}

/** What a posted suggestion changes, for the log: "the learning rate", "the step-counted schedule", or both. */
function topicWords(s: Suggestion): string {
  const words = { "learning-rate": "the learning rate", schedule: "the step-counted schedule" } as const;
  return (s.topics ?? ["learning-rate"]).map((topic) => words[topic]).join(" and ");
}
