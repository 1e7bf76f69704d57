import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { marked } from "marked";
import { postReviewSuggestions, suggestionBody } from "../../src/github/review-suggestions.js";
import { inspectMarkdown } from "../report/markdown-inspection.js";
import type { Suggestion } from "../../src/report/types.js";
import { HEAD_SHA, OWNER, REPO, github, testOctokit } from "../helpers/github-api.js";

const pr = { owner: OWNER, repo: REPO, number: 7 };
const lr: Suggestion = {
  path: "configs/train.yaml",
  line: 5,
  original: "lr: 1.0e-4",
  replacement: "lr: 1.4e-4",
  reason: "Adam: square-root scaling for ×2 batch.",
};
const patches = new Map([
  ["configs/train.yaml", "@@ -3,3 +3,3 @@\n-batch_size: 32\n+batch_size: 64\n warmup: 100\n lr: 1.0e-4"],
]);
const reviewComments = `/repos/${OWNER}/${REPO}/pulls/7/comments`;

afterEach(() => nock.cleanAll());

describe("postReviewSuggestions", () => {
  it("posts a suggestion block on the learning-rate line when the diff shows it", async () => {
    const scope = github()
      .get(reviewComments)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/pulls/7/reviews`, {
        commit_id: HEAD_SHA,
        event: "COMMENT",
        comments: [{ path: "configs/train.yaml", line: 5, side: "RIGHT", body: suggestionBody(lr) }],
      })
      .reply(200, { id: 1 });

    const result = await postReviewSuggestions(testOctokit(), {
      pr,
      headSha: HEAD_SHA,
      suggestions: [lr],
      patches,
      author: "github-actions[bot]",
    });

    expect(result.posted).toEqual([lr]);
    expect(scope.isDone()).toBe(true);
    expect(suggestionBody(lr)).toBe(
      "<!-- batch-advisor:suggestion -->\nAdam: square-root scaling for ×2 batch.\n\n```suggestion\nlr: 1.4e-4\n```\n",
    );
  });

  it("skips a line outside the diff without calling GitHub", async () => {
    const outside = { ...lr, line: 40 };
    const result = await postReviewSuggestions(testOctokit(), {
      pr,
      headSha: HEAD_SHA,
      suggestions: [outside],
      patches,
      author: "github-actions[bot]",
    });

    expect(result.posted).toEqual([]);
    expect(result.skipped[0].reason).toBe("line 40 of configs/train.yaml is outside the pull request's diff");
  });

  it("does not post the same suggestion again on a re-run", async () => {
    const scope = github()
      .get(reviewComments)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 9, path: lr.path, line: 5, body: suggestionBody(lr), user: { login: "github-actions[bot]" } },
      ]);

    const result = await postReviewSuggestions(testOctokit(), {
      pr,
      headSha: HEAD_SHA,
      suggestions: [lr],
      patches,
      author: "github-actions[bot]",
    });

    expect(result.posted).toEqual([]);
    expect(result.skipped[0].reason).toBe("already suggested on configs/train.yaml:5");
    expect(scope.isDone()).toBe(true);
  });

  it("fences a replacement that itself holds backticks with a longer fence", () => {
    expect(suggestionBody({ ...lr, replacement: "lr: 1e-4  # ```x```" })).toContain("````suggestion\n");
  });

  it("keeps a hostile line verbatim inside its fence and the reason that quotes the PR as plain text", () => {
    const replacement = "lr: 2e-4  # ````` </details> @team [x](http://evil) ![i](http://x/y.png)";
    const reason = "with adamw` @org/team <img src=x> [x](http://evil) the rule suggests ×1.41";
    const body = suggestionBody({ ...lr, replacement, reason });
    const blocks = marked.lexer(body).filter((t) => t.type === "code") as Array<{ lang?: string; text: string }>;
    expect(blocks).toEqual([expect.objectContaining({ lang: "suggestion", text: replacement })]);
    const seen = inspectMarkdown(body.replace(replacement, ""));
    expect([seen.links, seen.images, seen.html, seen.references]).toEqual([[], [], [], []]);
    expect(seen.visible).toContain(reason);
  });
});
