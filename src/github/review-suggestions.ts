import type { Suggestion } from "../report/types.js";
import { untrusted } from "../report/untrusted.js";
import type { GitHub } from "./create-octokit.js";
import { commentableLines } from "./diff-lines.js";
import type { PullRequestRef } from "./pull-request.js";

/** Marks review comments this tool wrote, so a re-run does not post the same suggestion twice. */
export const SUGGESTION_MARKER = "<!-- batch-advisor:suggestion -->";

export interface ReviewSuggestionsOptions {
  pr: PullRequestRef;
  headSha: string;
  suggestions: Suggestion[];
  /** Each changed file's patch from `pulls.listFiles`. */
  patches: Map<string, string | undefined>;
  author: string;
}

export interface ReviewSuggestionsResult {
  posted: Suggestion[];
  /** Suggestions not posted, with the reason (outside the diff, already posted). */
  skipped: Array<{ suggestion: Suggestion; reason: string }>;
}

/**
 * One review with a ```suggestion``` block per edit (learning rate, step-counted schedule) whose
 * line is inside the diff, so the author applies it in one click. GitHub refuses review comments
 * outside the diff; those are skipped (the sticky comment shows them), as are ones posted before.
 * @example await postReviewSuggestions(github, { pr, headSha, suggestions: report.suggestions, patches, author })
 *   // { posted: [s], skipped: [] }
 */
export async function postReviewSuggestions(
  github: GitHub,
  options: ReviewSuggestionsOptions,
): Promise<ReviewSuggestionsResult> {
  const result: ReviewSuggestionsResult = { posted: [], skipped: [] };
  const inDiff = options.suggestions.filter((s) => {
    if (commentableLines(options.patches.get(s.path)).has(s.line)) return true;
    result.skipped.push({ suggestion: s, reason: `line ${s.line} of ${s.path} is outside the pull request's diff` });
    return false;
  });
  if (!inDiff.length) return result;

  const { owner, repo, number } = options.pr;
  const earlier = await github.paginate(github.rest.pulls.listReviewComments, {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  });
  const fresh = inDiff.filter((s) => {
    const body = suggestionBody(s);
    if (!earlier.some((c) => c.user?.login === options.author && c.path === s.path && c.body === body)) return true;
    result.skipped.push({ suggestion: s, reason: `already suggested on ${s.path}:${s.line}` });
    return false;
  });
  if (!fresh.length) return result;

  await github.rest.pulls.createReview({
    owner,
    repo,
    pull_number: number,
    commit_id: options.headSha,
    event: "COMMENT",
    comments: fresh.map((s) => ({ path: s.path, line: s.line, side: "RIGHT" as const, body: suggestionBody(s) })),
  });
  result.posted.push(...fresh);
  return result;
}

/**
 * The review comment: the reason, then the replacement line in a suggestion block.
 * @example suggestionBody({ path: "t.yaml", line: 3, original: "lr: 1e-4", replacement: "lr: 2e-4", reason: "…" })
 */
export function suggestionBody(s: Suggestion): string {
  // The reason quotes the PR's keys: Markdown text. The line goes in a fence longer than any backtick run in it.
  const fence = untrusted(s.replacement, "fence", { info: "suggestion" });
  return `${SUGGESTION_MARKER}\n${untrusted(s.reason, "text")}\n\n${fence}\n`;
}
