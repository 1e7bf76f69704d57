import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { loadConfig } from "../../src/config.js";
import { detectFile } from "../../src/detect/detect-file.js";
import { formatLike } from "../../src/estimate/format-like.js";
import { cappedFactor } from "../../src/estimate/learning-rate.js";
import { suggestionBody } from "../../src/github/review-suggestions.js";
import { translator } from "../../src/report/messages/translate.js";
import { formatSteps } from "../../src/report/schedule-edit.js";
import { buildSuggestions } from "../../src/report/suggestions.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { inspectMarkdown } from "./markdown-inspection.js";

/** One device and a critical batch the user measured: the learning-rate rule is capped near it. */
const CONFIG = "devices: 1\nconvergence:\n  criticalBatch: 512\n";

/** The case: momentum SGD, decay milestones counted in steps, batch 256 at base. */
const SGD_YAML = (batch: number, schedule = "  milestones: [30000, 60000]   # steps\n  gamma: 0.1\n") =>
  "model: resnet50\n" +
  "optimizer:\n" +
  "  type: SGD\n" +
  "  momentum: 0.9\n" +
  "  lr: 0.1\n" +
  "data:\n" +
  `  batch_size: ${batch}\n` +
  "scheduler:\n" +
  "  type: MultiStepLR\n" +
  schedule;

async function run(base: Record<string, string>, head: Record<string, string>, language: "en" | "zh-TW" = "en") {
  const config = loadConfig(CONFIG).config;
  return analyze(new MemorySource({ base, head }), config, { noProxy: true, language });
}

/** Step counts scaled ÷k, the rule the Warning states: the same examples seen as before. */
const scaled = (steps: number, k: number) => Math.max(1, Math.round(steps / k));

describe("schedule suggestions", () => {
  it("gives momentum SGD at 256 → 2048 with step milestones a Warning, a capped rate, scaled milestones", async () => {
    const report = await run({ "train.yaml": SGD_YAML(256) }, { "train.yaml": SGD_YAML(2048) });
    const k = 2048 / 256;
    const { estimate } = report.groups[0];

    expect(report.level).toBe("warn");
    expect(estimate.risks).toContainEqual(expect.objectContaining({ id: "schedule-unscaled", level: "warn" }));
    // Past B_crit = 512 the linear rule stops at cappedFactor(…), far below ×8.
    const factor = cappedFactor("linear", 512, { before: 256, after: 2048 });
    expect(factor).toBeLessThan(k / 2);
    expect(estimate.learningRate.caveat?.id).toBe("lr-capped");
    const [lr, milestones] = report.suggestions;
    expect(lr).toMatchObject({
      line: 5,
      original: "  lr: 0.1",
      replacement: `  lr: ${formatLike(0.1 * factor, "0.1")}`,
    });
    expect(milestones).toEqual({
      path: "train.yaml",
      line: 10,
      original: "  milestones: [30000, 60000]   # steps",
      replacement: `  milestones: [${scaled(30000, k)}, ${scaled(60000, k)}]   # steps`,
      reason: expect.stringContaining(`×${k}`),
      topics: ["schedule"],
    });
    expect(milestones.reason).toContain(
      `scheduler.milestones [30000, 60000] → [${scaled(30000, k)}, ${scaled(60000, k)}]`,
    );
    expect(report.suggestions).toHaveLength(2);
  });

  it("words the reason in Traditional Chinese for a zh-TW report", async () => {
    const report = await run({ "train.yaml": SGD_YAML(256) }, { "train.yaml": SGD_YAML(2048) }, "zh-TW");
    const milestones = report.suggestions.find((s) => s.topics?.includes("schedule"));
    expect(milestones?.reason).toMatch(/^批次變為 ×8，但這一行以步數計的設定沒有跟著調整：改成 scheduler\.milestones/);
  });

  it("says nothing about a schedule the PR scaled with the batch, or one counted in epochs", async () => {
    const rescaled = await run(
      { "train.yaml": SGD_YAML(256) },
      { "train.yaml": SGD_YAML(2048, "  milestones: [3750, 7500]\n  gamma: 0.1\n") },
    );
    expect(rescaled.suggestions.filter((s) => s.topics)).toEqual([]);

    const epochs = "  milestones: [30, 60]\n  gamma: 0.1\nepochs: 90\n";
    const inEpochs = await run({ "train.yaml": SGD_YAML(256, epochs) }, { "train.yaml": SGD_YAML(2048, epochs) });
    expect(inEpochs.groups[0].estimate.schedule.countedIn).toBe("epochs");
    expect(inEpochs.suggestions.filter((s) => s.topics)).toEqual([]);
  });

  it("keeps a Python call's style: no space after the comma, the other arguments as they were", async () => {
    const py = (batch: number) =>
      "import torch\n" +
      `batch_size = ${batch}\n` +
      "optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)\n" +
      "scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[30000,60000], gamma=0.1)\n";
    const report = await run({ "train.py": py(256) }, { "train.py": py(2048) });
    const k = 8;
    expect(report.suggestions.find((s) => s.line === 4)).toMatchObject({
      original: "scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[30000,60000], gamma=0.1)",
      replacement:
        "scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, " +
        `milestones=[${scaled(30000, k)},${scaled(60000, k)}], gamma=0.1)`,
    });
  });

  it("makes one suggestion of a line holding the learning rate and step counts, each written as before", async () => {
    const hf = (batch: number) =>
      "args = TrainingArguments(per_device_train_batch_size=" +
      `${batch}, learning_rate=1e-4, max_steps=10_000, warmup_steps=500, save_steps="1000")\n`;
    const report = await run({ "train.py": hf(32) }, { "train.py": hf(64) });
    const k = 2;
    expect(report.suggestions).toHaveLength(1);
    const [line] = report.suggestions;
    const lr = report.groups[0].estimate.learningRate.suggestedRaw;
    expect(line.replacement).toBe(
      "args = TrainingArguments(per_device_train_batch_size=64, " +
        `learning_rate=${lr}, max_steps=5_000, warmup_steps=${scaled(500, k)}, save_steps="${scaled(1000, k)}")`,
    );
    expect(scaled(10_000, k)).toBe(5_000);
    expect(line.topics).toEqual(["learning-rate", "schedule"]);
    expect(line.reason).toContain("the learning rate does not");
    expect(line.reason).toContain(`max_steps 10000 → ${scaled(10_000, k)}`);
  });

  it("rewrites each number of a yacs tuple in place when the estimate finds it left unscaled", async () => {
    const yacs = (batch: number) =>
      `SOLVER:\n  IMS_PER_BATCH: ${batch}\n  BASE_LR: 0.02\n  STEPS: (210000, 250000)\n  MAX_ITER: 270000\n`;
    const report = await run({ "configs/mask_rcnn.yaml": yacs(16) }, { "configs/mask_rcnn.yaml": yacs(128) });
    const k = 8;
    expect(report.suggestions.find((s) => s.line === 5)?.replacement).toBe(`  MAX_ITER: ${scaled(270000, k)}`);
    // The estimate marks a tuple's numbers as left alone once it compares them with the base's tuple;
    // given that, the report rewrites both numbers on their one line.
    const [group] = report.groups;
    const schedule = group.estimate.schedule;
    const left = {
      ...group,
      estimate: {
        ...group.estimate,
        schedule: { ...schedule, items: schedule.items.map((i) => ({ ...i, unchanged: true as const })) },
      },
    };
    const suggestions = buildSuggestions({
      groups: [left],
      files: report.files,
      headText: { readHead: () => yacs(128) },
      t: translator("en"),
    });
    expect(suggestions.find((s) => s.line === 4)?.replacement).toBe(
      `  STEPS: (${scaled(210000, k)}, ${scaled(250000, k)})`,
    );
  });

  it("leaves out a line whose values are no longer where detection read them, and keeps the others", async () => {
    const report = await run({ "train.yaml": SGD_YAML(256) }, { "train.yaml": SGD_YAML(2048) });
    const file = detectFile("train.yaml", SGD_YAML(2048));
    const moved = SGD_YAML(2048).replace("[30000, 60000]", "[ 30000, 60000 ]");
    const t = translator("en");
    const suggestions = buildSuggestions({
      groups: report.groups,
      files: [file],
      headText: { readHead: () => moved },
      t,
    });
    expect(suggestions.map((s) => s.line)).toEqual([5]);
  });

  it("never lets a hostile key or comment become Markdown in the review comment", async () => {
    const hostile = (batch: number) =>
      `batch_size: ${batch}\n` +
      "optimizer: SGD\n" +
      '"[x](http://evil.example) @org/team <img src=x> `code`":\n' +
      "  milestones: [30000, 60000]  # ``` </details> @team ![i](http://x/y.png)\n";
    const report = await run({ "train.yaml": hostile(256) }, { "train.yaml": hostile(2048) });
    const suggestion = report.suggestions.find((s) => s.topics?.includes("schedule"));
    expect(suggestion?.replacement).toBe("  milestones: [3750, 7500]  # ``` </details> @team ![i](http://x/y.png)");
    const body = suggestionBody(suggestion!);
    expect(body).toContain("````suggestion\n");
    const seen = inspectMarkdown(body.replace(suggestion!.replacement, ""));
    expect([seen.links, seen.images, seen.html, seen.references]).toEqual([[], [], [], []]);
    expect(seen.visible).toContain("[x](http://evil.example) @org/team <img src=x> `code`.milestones [30000, 60000]");
  });
});

describe("formatSteps", () => {
  it("writes a step count the way the one it replaces was written", () => {
    expect(formatSteps(3750, "30000")).toBe("3750");
    expect(formatSteps(3750, "30_000")).toBe("3_750");
    expect(formatSteps(1250, "'10000'")).toBe("'1250'");
    expect(formatSteps(3750, "30000.0")).toBe("3750.0");
    expect(formatSteps(250, "2e3")).toBe("2.5e2");
    expect(formatSteps(3750, "3E+4")).toBe("3.75E+3");
  });

  it("does not guess at a spelling it does not know", () => {
    expect(formatSteps(3750, "0x7530")).toBeUndefined();
    expect(formatSteps(3750, "30,000")).toBeUndefined();
    expect(formatSteps(3750, "3_0000")).toBeUndefined();
  });
});
