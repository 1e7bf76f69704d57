import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { loadConfig } from "../../src/config.js";
import { postReviewSuggestions, suggestionBody } from "../../src/github/review-suggestions.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { HEAD_SHA, OWNER, REPO, github, testOctokit } from "../helpers/github-api.js";

const pr = { owner: OWNER, repo: REPO, number: 7 };
const author = "github-actions[bot]";

/** Momentum SGD whose milestones sit nine lines below the batch: outside a 3-line diff context. */
const yaml = (batch: number, gamma = "0.1") =>
  "model: resnet50\n" +
  "data:\n" +
  `  batch_size: ${batch}\n` +
  "optimizer:\n" +
  "  type: SGD\n" +
  "  lr: 0.1\n" +
  "  momentum: 0.9\n" +
  "  weight_decay: 0.0001\n" +
  "augment:\n" +
  "  flip: true\n" +
  "  crop: 224\n" +
  "  mixup: 0.2\n" +
  "scheduler:\n" +
  "  type: MultiStepLR\n" +
  "  milestones: [30000, 60000]\n" +
  `  gamma: ${gamma}\n`;

const BATCH_HUNK =
  "@@ -1,6 +1,6 @@\n model: resnet50\n data:\n-  batch_size: 256\n+  batch_size: 2048\n" +
  " optimizer:\n   type: SGD\n   lr: 0.1";
const GAMMA_HUNK =
  "@@ -13,4 +13,4 @@\n scheduler:\n   type: MultiStepLR\n   milestones: [30000, 60000]\n-  gamma: 0.1\n+  gamma: 0.2";

async function suggestionsFor(headYaml: string) {
  const config = loadConfig("devices: 1\nconvergence:\n  criticalBatch: 512\n").config;
  const source = new MemorySource({ base: { "train.yaml": yaml(256) }, head: { "train.yaml": headYaml } });
  return (await analyze(source, config, { noProxy: true })).suggestions;
}

afterEach(() => nock.cleanAll());

describe("schedule suggestions in a review", () => {
  it("posts the learning rate and skips milestones whose line the diff does not show", async () => {
    const suggestions = await suggestionsFor(yaml(2048));
    const milestones = suggestions.find((s) => s.topics?.includes("schedule"))!;
    expect(milestones.line).toBe(15);
    const lr = suggestions.find((s) => s.line === 6)!;
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/pulls/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/pulls/7/reviews`, {
        commit_id: HEAD_SHA,
        event: "COMMENT",
        comments: [{ path: "train.yaml", line: 6, side: "RIGHT", body: suggestionBody(lr) }],
      })
      .reply(200, { id: 1 });

    const patches = new Map([["train.yaml", BATCH_HUNK]]);
    const result = await postReviewSuggestions(testOctokit(), { pr, headSha: HEAD_SHA, suggestions, patches, author });

    expect(scope.isDone()).toBe(true);
    expect(result.posted).toEqual([lr]);
    expect(result.skipped).toEqual([
      { suggestion: milestones, reason: "line 15 of train.yaml is outside the pull request's diff" },
    ]);
  });

  it("suggests the scaled milestones in one click when the diff shows their line", async () => {
    const suggestions = await suggestionsFor(yaml(2048, "0.2"));
    const milestones = suggestions.find((s) => s.topics?.includes("schedule"))!;
    const k = 2048 / 256;
    const scaled = [30000, 60000].map((n) => Math.round(n / k)).join(", ");
    expect(suggestionBody(milestones)).toContain(`\`\`\`suggestion\n  milestones: [${scaled}]\n\`\`\`\n`);
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/pulls/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(
        `/repos/${OWNER}/${REPO}/pulls/7/reviews`,
        (body: { comments: Array<{ line: number; body: string }> }) =>
          body.comments.map((c) => c.line).join() === "6,15" && body.comments[1].body === suggestionBody(milestones),
      )
      .reply(200, { id: 2 });

    const patches = new Map([["train.yaml", `${BATCH_HUNK}\n${GAMMA_HUNK}`]]);
    const result = await postReviewSuggestions(testOctokit(), { pr, headSha: HEAD_SHA, suggestions, patches, author });

    expect(scope.isDone()).toBe(true);
    expect(result.posted.map((s) => s.line)).toEqual([6, 15]);
    expect(result.skipped).toEqual([]);
  });
});
