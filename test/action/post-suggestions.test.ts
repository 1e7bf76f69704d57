import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { postSuggestions } from "../../src/action/post-suggestions.js";
import type { Suggestion } from "../../src/report/types.js";
import { HEAD_SHA, OWNER, REPO, github, testOctokit } from "../helpers/github-api.js";

const pr = { owner: OWNER, repo: REPO, number: 7 };
const author = "github-actions[bot]";
const patch =
  "@@ -1,4 +1,4 @@\n-args = T(batch=32, lr=1e-4, max_steps=10_000)\n+args = T(batch=64, lr=1e-4, max_steps=10_000)\n" +
  " milestones: [30000, 60000]\n x: 1\n y: 2";

const lr: Suggestion = { path: "train.py", line: 9, original: "lr: 1e-4", replacement: "lr: 1.4e-4", reason: "…" };
const schedule: Suggestion = {
  path: "train.py",
  line: 2,
  original: "milestones: [30000, 60000]",
  replacement: "milestones: [15000, 30000]",
  reason: "…",
  topics: ["schedule"],
};
const both: Suggestion = {
  path: "train.py",
  line: 1,
  original: "args = T(batch=64, lr=1e-4, max_steps=10_000)",
  replacement: "args = T(batch=64, lr=1.4e-4, max_steps=5_000)",
  reason: "…",
  topics: ["learning-rate", "schedule"],
};

afterEach(() => nock.cleanAll());

describe("postSuggestions", () => {
  it("logs what each posted suggestion changes, and why one outside the diff was not posted", async () => {
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/pulls/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/pulls/7/reviews`)
      .reply(200, { id: 1 });

    const log = await postSuggestions(testOctokit(), {
      pr,
      headSha: HEAD_SHA,
      suggestions: [both, schedule, lr],
      patches: async () => new Map([["train.py", patch]]),
      author,
    });

    expect(scope.isDone()).toBe(true);
    expect(log).toEqual([
      "Suggested the learning rate and the step-counted schedule on train.py:1",
      "Suggested the step-counted schedule on train.py:2",
      "No review suggestion: line 9 of train.py is outside the pull request's diff",
    ]);
  });
});
