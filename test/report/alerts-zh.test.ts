import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { loadConfig } from "../../src/config.js";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { renderSkipped } from "../../src/report/alerts.js";
import { translator } from "../../src/report/messages/translate.js";
import { renderComment } from "../../src/report/render-comment.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { englishRuns } from "./english-runs.js";

/** A source that, like the GitHub source, names a file it would not read (a symbolic link). */
class SourceWithSkip extends MemorySource {
  readonly skipped = [
    {
      path: "configs/link.yaml",
      reason: "is a symbolic link in the repository; not followed",
      why: { id: "source.symlink" as const },
    },
  ];
}

const DS_BASE = JSON.stringify({
  train_batch_size: 128,
  train_micro_batch_size_per_gpu: 8,
  gradient_accumulation_steps: 4,
});
// 256 ≠ 16 × 2 × 4 devices: DeepSpeed's three numbers disagree.
const DS_HEAD = JSON.stringify({
  train_batch_size: 256,
  train_micro_batch_size_per_gpu: 16,
  gradient_accumulation_steps: 2,
});
const SFT = "model_name_or_path: acme/llama-3.2-2b-custom\nmax_seq_length: 1024\nper_device_train_batch_size: 8\n";

/** One pull request with every alert detection and the bot config can raise. */
async function alertsComment(language: "en" | "zh-TW") {
  const loaded = loadConfig("devices: 4\nmemory:\n  budgett: 40GiB\n");
  const config = { ...loaded.config, language, hardware: { gpu: "A100-80GB" } };
  const source = new SourceWithSkip({
    base: { "ds_config.json": DS_BASE, "sft.yaml": SFT, "broken.yaml": "per_device_train_batch_size: 8\n" },
    head: {
      "ds_config.json": DS_HEAD,
      "sft.yaml": SFT.replace(": 8", ": 32"),
      "broken.yaml": "per_device_train_batch_size: 16\n  bad: [\n",
    },
  });
  const report = await analyze(source, config, { noProxy: true, configErrors: loaded.errors });
  return { report, comment: renderComment(report) };
}

describe("a zh-TW comment says the bot config's schema errors in Chinese", () => {
  it("a growth limit, a positive count, a boolean and a path outside the repository", async () => {
    const loaded = loadConfig(
      'devices: 0\nmemory:\n  budget: "10%"\nmodel:\n  flashAttention: "yes"\nmeasurements: ../m.json\n',
    );
    expect(loaded.errors.map((e) => e.issue?.id)).toEqual([
      "config.expect.positiveInt",
      "config.expect.growth",
      "config.expect.boolean",
      "config.expect.inside",
    ]);
    // The CLI keeps the schema's English.
    expect(loaded.errors[1].message).toContain('write a growth limit like "+10%"');
    const config = { ...loaded.config, language: "zh-TW" as const, devices: 1 };
    const source = new MemorySource({ base: { "a.yaml": "batch_size: 8\n" }, head: { "a.yaml": "batch_size: 16\n" } });
    const report = await analyze(source, config, { noProxy: true, configErrors: loaded.errors });
    const comment = renderComment(report);
    expect(comment).toContain("應為裝置數量（正整數）");
    expect(comment).toContain("請寫成像 `+10%` 的成長上限");
    expect(comment).toContain("位於儲存庫之外");
    expect(englishRuns(comment)).toEqual([]);
  });
});

describe("a zh-TW comment says detection's warnings, parse errors, config errors and skips in Chinese", () => {
  it("a conflict, a YAML parse error, a bot-config error, a skipped file and an unknown model", async () => {
    const { report, comment } = await alertsComment("zh-TW");
    // Each alert is there, so the check below is not passing on an empty comment.
    expect(report.files.find((f) => f.path === "ds_config.json")?.warnings[0]?.id).toBe("warning.conflict");
    expect(report.files.find((f) => f.path === "broken.yaml")?.errors[0]?.problem?.id).toBe("parse.syntax");
    expect(comment).toContain("數字互相矛盾：`train_batch_size` = 256");
    expect(comment).toMatch(/`broken\.yaml`：第 1 行：YAML 語法錯誤：`[^`]+`/);
    expect(comment).toContain("`memory.budgett`（第 3 行）：不認得的鍵；是不是要寫 `memory.budget`？");
    expect(comment).toContain("`configs/link.yaml`：是儲存庫中的符號連結，不跟著讀取");
    expect(comment).toContain("模型 acme/llama-3.2-2b-custom");
    expect(englishRuns(comment)).toEqual([]);
  });

  it("the English comment states the same alerts in English", async () => {
    const { comment } = await alertsComment("en");
    expect(comment).toContain("Conflict: `train_batch_size` = 256");
    expect(comment).toMatch(/YAML: `[^`]+`/);
    expect(comment).toContain("unknown key; did you mean `memory.budget`?");
    expect(comment).toContain("is a symbolic link in the repository; not followed");
    expect(comment).toContain("acme/llama-3.2-2b-custom");
  });

  it("detection's own skips (more configs than a run reads, the read budget) are worded in Chinese", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 3 }, (_, i) => [`c${i}.yaml`, `per_device_train_batch_size: ${i + 1}\n`]),
    );
    const head = Object.fromEntries(Object.entries(files).map(([p, t]) => [p, t.replace(/\d+/, (n) => `${+n * 2}`)]));
    const { skipped } = await detectChanges(new MemorySource({ base: files, head }), { maxDetectBytes: 40 });
    expect(skipped.map((s) => s.why?.id)).toContain("skip.runBudget");
    const zh = renderSkipped(skipped, translator("zh-TW"));
    expect(zh).toContain("不讀取：這次執行讀取的設定檔已達");
    expect(englishRuns(zh)).toEqual([]);
  });
});
