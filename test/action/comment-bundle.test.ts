import { describe, expect, it } from "vitest";
import { commentBundleSchema } from "../../src/action/comment-bundle.js";

const bundle = {
  version: 1,
  repository: "acme/train",
  pullRequest: 7,
  headSha: "c".repeat(40),
  language: "en",
  hasChanges: true,
  markdown: "report",
  suggestions: [
    {
      path: "train.yaml",
      line: 9,
      original: "milestones: [30000, 60000]",
      replacement: "milestones: [3750, 7500]",
      reason: "steps-counted schedule",
      topics: ["schedule"],
    },
  ],
};

describe("the comment bundle a fork's run leaves for post-from", () => {
  it("keeps what each suggestion changes, so the posting job logs a schedule edit as one", () => {
    expect(commentBundleSchema.parse(bundle).suggestions[0].topics).toEqual(["schedule"]);
  });

  it("reads a bundle written before suggestions had topics (the learning rate alone)", () => {
    const { topics: _, ...older } = bundle.suggestions[0];
    expect(commentBundleSchema.parse({ ...bundle, suggestions: [older] }).suggestions[0].topics).toBeUndefined();
  });

  it("refuses a topic it does not know, since a fork wrote the file", () => {
    const odd = { ...bundle, suggestions: [{ ...bundle.suggestions[0], topics: ["anything"] }] };
    expect(commentBundleSchema.safeParse(odd).success).toBe(false);
  });
});
