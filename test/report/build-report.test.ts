import { describe, expect, it } from "vitest";
import { buildAnnotations } from "../../src/report/annotations.js";
import { buildReport } from "../../src/report/build-report.js";
import { translator } from "../../src/report/messages/translate.js";
import { COMMENT_MARKER, renderComment } from "../../src/report/render-comment.js";
import { reportJson, renderJson } from "../../src/report/render-json.js";
import { renderCheckRun, renderJobSummary, renderSummary } from "../../src/report/render-summary.js";
import { buildSuggestions, learningRateEdit } from "../../src/report/suggestions.js";
import { headText, scenario, type ScenarioName } from "./scenarios.js";

const timings = { detect: 0.2, proxy: 21, estimate: 0.01 };
const report = (name: ScenarioName, language: "en" | "zh-TW" = "en") =>
  buildReport({ ...scenario(name, language), timings });

describe("buildReport", () => {
  it("takes the worst level over the groups and flags a broken error-level budget", () => {
    expect(report("batch-down").level).toBe("ok");
    expect(report("batch-up").level).toBe("warn");
    const over = report("over-budget");
    expect(over.level).toBe("error");
    expect(over.overBudget).toBe(true);
    expect(report("two-files").overBudget).toBe(false);
  });

  it("carries the comment, the summary and the timings with the render time added", () => {
    const r = report("batch-up");
    expect(r.version).toBe(1);
    expect(r.markdown.startsWith(COMMENT_MARKER)).toBe(true);
    expect(r.summary).toBe(
      "batch-advisor: Warning: 1 batch-size change(s) in 1 file(s); " +
        "configs/finetune.yaml: Batch 32 → 64 (×2): 1.93× fewer steps, 1.03× more " +
        "examples to the same loss; peak memory 26.5 GiB → 34.5 GiB per device; " +
        "raise the learning rate to 1.4e-4 (square-root rule).",
    );
    expect(r.timings.render).toBeGreaterThan(0);
    expect(r.timings.total).toBeCloseTo(21.21 + r.timings.render, 6);
  });

  it("is OK with nothing to say when nothing changed", () => {
    const r = buildReport({ ...scenario("batch-up", "en"), groups: [], files: [], measurements: [], timings });
    expect(r.level).toBe("ok");
    expect(r.summary).toBe("batch-advisor: no batch-size change");
    expect(r.annotations).toEqual([]);
    expect(r.suggestions).toEqual([]);
  });
});

describe("summary and check run", () => {
  it("names the files over budget first", () => {
    expect(renderSummary({ groups: scenario("over-budget", "en").groups, language: "en" })).toBe(
      "batch-advisor: Error: 1 batch-size change(s) in 1 file(s); over the memory " +
        "budget in recipes/llama3_8b_full.yaml",
    );
    expect(renderSummary({ groups: scenario("over-budget", "zh-TW").groups, language: "zh-TW" })).toBe(
      "batch-advisor：需要處理：1 個檔案共 1 處批次大小變更；recipes/llama3_8b_full.yaml 超過記憶體預算",
    );
  });

  it("fails the check run only over an error-level budget, and shows the comment without its marker", () => {
    expect(renderCheckRun(report("over-budget")).conclusion).toBe("failure");
    expect(renderCheckRun(report("batch-up")).conclusion).toBe("neutral");
    const ok = renderCheckRun(report("batch-down"));
    expect(ok).toMatchObject({ conclusion: "success", title: "Batch size change looks fine" });
    expect(ok.summary).not.toContain(COMMENT_MARKER);
    expect(renderJobSummary(report("batch-down")).startsWith("**batch-advisor: OK**")).toBe(true);
  });
});

describe("annotations", () => {
  it(
    "puts one on each changed line: failure over an error budget, warning for a " + "warn verdict, notice when fine",
    () => {
      expect(buildAnnotations({ groups: scenario("over-budget", "en").groups, language: "en" })).toEqual([
        expect.objectContaining({
          path: "recipes/llama3_8b_full.yaml",
          line: 11,
          level: "failure",
          title: "Batch size 4 → 16: Error",
        }),
      ]);
      expect(buildAnnotations({ groups: scenario("batch-up", "en").groups, language: "en" })[0]).toMatchObject({
        line: 4,
        level: "warning",
      });
      const down = buildAnnotations({ groups: scenario("batch-down", "en").groups, language: "en" });
      expect(down.map((a) => [a.line, a.level])).toEqual([
        [9, "notice"],
        [21, "notice"],
      ]);
    },
  );

  it("explains itself in plain text: verdict, budget, steps and the learning-rate advice", () => {
    const [a] = buildAnnotations({ groups: scenario("over-budget", "en").groups, language: "en" });
    expect(a.message).toContain("over the 80GiB budget");
    expect(a.message).toContain("Steps to the same loss (before = 1): 3.01× fewer steps");
    expect(a.message).toContain("suggests ×2, i.e. 4e-5");
    expect(a.message).not.toMatch(/<sup>|\*\*/);
  });
});

describe("suggestions", () => {
  it("replaces the learning-rate value on its head line, keeping the user's key and style", () => {
    const { groups, files } = scenario("batch-up", "en");
    expect(buildSuggestions({ groups, files, headText, t: translator("en") })).toEqual([
      {
        path: "configs/finetune.yaml",
        line: 6,
        original: "learning_rate: 1.0e-4",
        replacement: "learning_rate: 1.4e-4",
        reason: expect.stringContaining("square-root rule"),
      },
    ]);
  });

  it("suggests nothing when the head file cannot be read, the rate already scaled, or the rule is unknown", () => {
    const t = translator("en");
    const up = scenario("batch-up", "en");
    expect(buildSuggestions({ groups: up.groups, files: up.files, headText: { readHead: () => null }, t })).toEqual([]);
    for (const name of ["batch-down", "accumulation-only", "unknown-devices"] as const) {
      const s = scenario(name, "en");
      expect(buildSuggestions({ groups: s.groups, files: s.files, headText, t }), name).toEqual([]);
    }
  });

  it(
    "offers no one-click suggestion for a line holding hidden bidi characters, " + "and the comment's diff shows them",
    () => {
      const { groups, files } = scenario("batch-up", "en");
      const file = {
        ...files[0],
        settings: files[0].settings.map((s) => (s.role === "learning_rate" ? { ...s, column: undefined } : s)),
      };
      const readHead = () => "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nlearning_rate: 1.0e-4  # \u202Eevil\n";
      expect(buildSuggestions({ groups, files: [file], headText: { readHead }, t: translator("en") })).toEqual([]);
      const md = renderComment({ ...scenario("batch-up", "en"), files: [file], headText: { readHead } });
      expect(md).toContain("+ learning_rate: 1.4e-4  # ⟨U+202E⟩evil");
      expect(md).not.toContain("\u202E");
    },
  );

  it("finds the value after the key when the column does not match, and leaves a trailing comment alone", () => {
    const { groups, files } = scenario("batch-up", "en");
    const file = {
      ...files[0],
      settings: files[0].settings.map((s) => (s.role === "learning_rate" ? { ...s, column: undefined } : s)),
    };
    const readHead = () => "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n  learning_rate: 1.0e-4  # was 1.0e-4 before\n";
    expect(learningRateEdit({ group: groups[0], file, headText: { readHead } })).toMatchObject({
      original: "  learning_rate: 1.0e-4  # was 1.0e-4 before",
      replacement: "  learning_rate: 1.4e-4  # was 1.0e-4 before",
    });
  });
});

describe("JSON", () => {
  it("is the report without its Markdown, with a version and an index of every number's source", () => {
    const r = report("batch-up");
    const json = reportJson(r);
    expect(json).not.toHaveProperty("markdown");
    expect(json.version).toBe(1);
    expect(json.generator).toBe("batch-advisor");
    const roofline = json.sources.find((s) => s.source.startsWith("roofline step time"))!;
    expect(roofline.measured).toBe(false);
    expect(roofline.used).toContain("/groups/0/estimate/speed/stepTime/before");
    const steps = json.sources.find((s) => s.source.startsWith("McCandlish et al. 2018 S(B)=S_min"))!;
    expect(steps.measured).toBe(false);
    expect(steps.used).toContain("/groups/0/estimate/convergence/stepsRatio");
    expect(JSON.parse(renderJson(r)).groups[0].estimate.convergence.stepsRatio.source).toBe(
      "McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)",
    );
  });
});

describe("learning-rate caveat and input notes", () => {
  it("follows the advice with its caveat, and lists how the ratio was read", async () => {
    const { renderComment } = await import("../../src/report/render-comment.js");
    const input = scenario("batch-up", "zh-TW");
    const e = input.groups[0].estimate;
    input.groups[0] = {
      ...input.groups[0],
      estimate: {
        ...e,
        learningRate: { ...e.learningRate, caveat: { id: "lr-past-critical" } },
        notes: [{ id: "ratio-from-setting", params: { key: "per_device_train_batch_size" } }],
      },
    };
    const md = renderComment(input);
    expect(md).toContain(
      "也就是 1.4e-4。超過臨界批次後，最佳學習率就不再變大（McCandlish et al. 2018，式 2.6）：請把縮放規則當作上限。",
    );
    expect(md).toMatch(
      /- 有效批次無法完全確定；比例取自 per_device_train_batch_size 的變化（[^）]*），並假設其他部分不變。/,
    );
  });
});
