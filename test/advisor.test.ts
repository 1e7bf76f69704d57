import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/advisor.js";
import { BUNDLED_EXAMPLE } from "../src/cli/bundled-example.js";
import { defaultConfig, loadConfig } from "../src/config.js";
import { COMMENT_MARKER } from "../src/report/render-comment.js";
import { FilePairSource } from "../src/source/file-pair-source.js";
import { MemorySource } from "../src/source/memory-source.js";

const exampleConfig = loadConfig(readFileSync(BUNDLED_EXAMPLE.config, "utf8")).config;

describe("analyze", () => {
  it("runs the real proxy on the bundled example and writes a comment a reviewer can read", async () => {
    const report = await analyze(new FilePairSource(BUNDLED_EXAMPLE), exampleConfig, {
      quick: true,
      timeBudgetSeconds: 20,
    });
    expect(report.groups).toHaveLength(1);
    expect(report.measurements).toHaveLength(1);
    const [m] = report.measurements;
    expect(["wasm", "cpu", "tensorflow", "tensorflow-gpu"]).toContain(m.backend.name);
    expect(m.loss).toHaveLength(2);
    const md = report.markdown;
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
    expect(md).toContain("`per_device_train_batch_size` (line 25): 8 → 32");
    expect(md).toContain("| Effective batch | 64 examples | 128 examples | ×2 |");
    expect(md).toContain("```mermaid");
    expect(md).toContain(`${m.backend.name}`);
    // The learning rate stays at 1e-5 while the batch doubles under AdamW: the square-root rule says 1.41e-5.
    expect(report.groups[0].estimate.learningRate).toMatchObject({
      status: "unchanged-needs-scaling",
      rule: "sqrt",
      suggestedRaw: "1.41e-5",
    });
    expect(report.suggestions).toEqual([
      expect.objectContaining({
        path: BUNDLED_EXAMPLE.label,
        line: 27,
        original: "learning_rate: 1.0e-5",
        replacement: "learning_rate: 1.41e-5",
      }),
    ]);
    // 8 → 32 per device on Qwen2.5-0.5B with 2048-token sequences: the predicted peak fits an
    // A100-80GB less its reserve, but the top of its interval (fp32 logits over a 152k vocabulary) does not.
    expect(report.groups[0].estimate.memory.budget?.message.id).toBe("budget-may-exceed");
    expect(report.level).toBe("warn");
    expect(report.overBudget).toBe(false);
  });

  it(
    "reports detection and analytical estimates without a proxy run, and says " + "nothing when no batch changed",
    async () => {
      const source = new MemorySource({
        base: { "train.yaml": "per_device_train_batch_size: 8\nlearning_rate: 3.0e-4\n", "README.md": "hi" },
        head: { "train.yaml": "per_device_train_batch_size: 16\nlearning_rate: 3.0e-4\n", "README.md": "hello" },
      });
      const report = await analyze(source, defaultConfig(), { noProxy: true });
      expect(report.measurements).toEqual([]);
      expect(report.groups[0].estimate.batch).toMatchObject({ ratio: 2 });
      expect(report.groups[0].estimate.convergence).toBeUndefined();

      const unchanged = new MemorySource({
        base: { "train.yaml": "batch_size: 8\n" },
        head: { "train.yaml": "batch_size: 8\nseed: 1\n" },
      });
      const quiet = await analyze(unchanged, defaultConfig(), { noProxy: true });
      expect(quiet.groups).toEqual([]);
      expect(quiet.level).toBe("ok");
    },
  );
});

describe("analyze on configs it cannot fully read", () => {
  it("names the file and line of each parse error and still analyses the rest", async () => {
    const source = new MemorySource({
      base: {
        "train.yaml": "per_device_train_batch_size: 8\n",
        "ds_config.json": '{"train_batch_size": 32}',
        "broken.yaml": "batch_size: 8\n",
      },
      head: {
        "train.yaml": "per_device_train_batch_size: 16\n",
        "ds_config.json": '{\n  "train_batch_size": 64,\n  "gradient_accumulation_steps" 2\n}',
        "broken.yaml": "batch_size: : 8\n",
      },
    });
    const report = await analyze(source, defaultConfig(), { noProxy: true });
    expect(report.groups.map((g) => g.path).sort()).toEqual(["ds_config.json", "train.yaml"]);
    expect(report.markdown).toContain(
      "batch-advisor could not read all of `ds_config.json`; it used the settings " +
        "it could read: line 3: JSON: `ColonExpected`",
    );
    expect(report.markdown).toMatch(/Configs batch-advisor could not read[^\n]*\n> - `broken.yaml`: line 1: YAML: /);
    expect(report.annotations).toContainEqual(
      expect.objectContaining({
        path: "broken.yaml",
        line: 1,
        level: "warning",
        title: "batch-advisor could not read this config",
      }),
    );
  });

  it("reports a proxy that cannot run under the setting that chose it, and still estimates the rest", async () => {
    const source = new MemorySource({
      base: { "train.yaml": "per_device_train_batch_size: 8\n" },
      head: { "train.yaml": "per_device_train_batch_size: 16\n" },
    });
    const report = await analyze(source, defaultConfig(), {
      quick: true,
      proxyModelPath: "fixtures/models/malformed-unsupported-layer.json",
    });
    expect(report.measurements).toEqual([]);
    expect(report.groups).toHaveLength(1);
    expect(report.configErrors).toEqual([
      {
        key: "proxy.model",
        message: expect.stringMatching(
          /^the proxy could not run, so nothing was measured on it: .*layer 1 \(BatchNormalization "bn"\): unsupported/,
        ),
        issue: { id: "config.proxyFailed", params: { detail: expect.stringContaining("unsupported") } },
      },
    ]);
    expect(report.markdown).toContain("`proxy.model`: the proxy could not run");
  });

  it("names a model.configJson that is missing or not JSON, and still estimates without it", async () => {
    const config = loadConfig("model:\n  configJson: models/config.json\n").config;
    const change = {
      base: { "train.yaml": "per_device_train_batch_size: 8\n" },
      head: { "train.yaml": "per_device_train_batch_size: 16\n" },
    };
    const missing = await analyze(new MemorySource(change), config, { noProxy: true });
    expect(missing.configErrors).toEqual([
      {
        key: "model.configJson",
        message: "models/config.json was not found at the head of the change",
        issue: { id: "config.fileNotFound", params: { file: "models/config.json" } },
      },
    ]);
    const broken = await analyze(
      new MemorySource({ base: change.base, head: { ...change.head, "models/config.json": "{ hidden_size: " } }),
      config,
      { noProxy: true },
    );
    expect(broken.configErrors[0]).toMatchObject({
      key: "model.configJson",
      message: expect.stringMatching(/^models\/config.json is not valid JSON: /),
    });
    expect(broken.groups).toHaveLength(1);
  });

  it("lists the files the source would not read, in the report and the comment", async () => {
    const source = Object.assign(
      new MemorySource({ base: { "a.yaml": "batch_size: 8\n" }, head: { "a.yaml": "batch_size: 16\n" } }),
      {
        skipped: [{ path: "weights.bin.yaml", reason: "binary file" }],
      },
    );
    const report = await analyze(source, defaultConfig(), { noProxy: true });
    expect(report.skipped).toEqual([{ path: "weights.bin.yaml", reason: "binary file" }]);
    expect(report.markdown).toContain("`weights.bin.yaml`: binary file");
  });
});
