import { describe, expect, it } from "vitest";
import { defaultConfig, loadConfig } from "../../src/config.js";
import { stepsRatio } from "../../src/estimate/convergence.js";
import { estimateChange } from "../../src/estimate/estimate.js";
import { kaplanCriticalBatch } from "../../src/estimate/critical-batch.js";
import { batchChange, fileReport, measurements, setting } from "./build-inputs.js";
import { translator } from "../../src/report/messages/translate.js";
import { verdictText } from "../../src/report/verdict-text.js";

/** The words a reviewer reads: the report's, since the estimate stage emits ids and numbers. */
const en = translator("en");

const GiB = 2 ** 30;
const hfFile = (micro: number, extra = [setting("learning_rate", "learning_rate", 3e-4, 4, "3e-4")]) =>
  fileReport([setting("micro_batch", "per_device_train_batch_size", micro, 3), ...extra], {
    value: micro,
    parts: { micro, accum: 1, devices: 1 },
  });

describe("estimateChange", () => {
  it("batch 32 → 64 with AdamW: steps, examples, LR and a verdict from the proxy's B_crit", () => {
    const e = estimateChange({
      change: batchChange(),
      file: hfFile(64),
      baseFile: hfFile(32),
      measurements: measurements(),
      config: defaultConfig(),
    });
    expect(e.batch).toEqual({ before: 32, after: 64, ratio: 2, unit: "samples" });
    expect(e.convergence!.source).toBe("noise-scale");
    expect(1 / e.convergence!.stepsRatio.value).toBeCloseTo(1.934, 3);
    expect(e.convergence!.examplesRatio.value).toBeCloseTo(1.034, 3);
    expect(e.learningRate).toMatchObject({ rule: "sqrt", status: "unchanged-needs-scaling", suggestedRaw: "4.24e-4" });
    // No GPU named: the proxy's step times are no speed claim, so there is no speed and no wall time.
    expect(e.speed).toBeUndefined();
    expect(e.convergence!.wallTimeRatio).toBeUndefined();
    expect(e.notes!.map((n) => n.id)).toContain("speed-no-gpu");
    const verdict = verdictText(e, en);
    expect(verdict).toMatch(/^Batch 32 → 64 \(×2\): [\d.–]+× fewer steps, [\d.–]+× more examples to the same loss; /);
    expect(verdict).toMatch(/; peak memory per device ×1 to ×2 \(activations ×2\); /);
    expect(verdict).toMatch(/; raise the learning rate to 4\.24e-4 \(square-root rule\)\.$/);
    expect(e.verdict.level).toBe("ok");
  });

  it("B_crit's wide interval is marked uncertain while the steps ratio below it stays confident", () => {
    const usersModel = measurements({
      plan: { ...measurements().plan, model: { kind: "user", topologyPath: "model.json" } },
    });
    const e = estimateChange({
      change: batchChange(),
      file: hfFile(64),
      measurements: usersModel,
      config: defaultConfig(),
    });
    expect(e.convergence!.bCrit.uncertain).toBe(true);
    expect(e.convergence!.stepsRatio.uncertain).toBeUndefined();
  });

  it("a stand-in task's steps ratio is never a confident figure, however narrow", () => {
    const e = estimateChange({
      change: batchChange(),
      file: hfFile(64),
      measurements: measurements(),
      config: defaultConfig(),
    });
    expect(e.convergence!.basis).toBe("stand-in");
    expect(e.convergence!.stepsRatio.uncertain).toBe(true);
  });

  it("a near-critical batch makes the steps ratio uncertain too, and the verdict says so", () => {
    const noise = {
      bSmall: 32,
      bBig: 256,
      bSimple: 900,
      interval: [700, 1100] as [number, number],
      atLoss: 0.3,
      initialLoss: 2.3,
      samples: [],
    };
    const change = batchChange({ before: 512, after: 4096, effective: { before: 512, after: 4096, ratio: 8 } });
    const m = measurements({
      noise,
      plan: { ...measurements().plan, model: { kind: "user", topologyPath: "model.json" }, batchSizes: [512, 4096] },
    });
    const config = loadConfig("thresholds: { uncertainRatio: 1.5 }").config;
    const e = estimateChange({ change, file: hfFile(4096), measurements: m, config });
    expect(e.convergence!.stepsRatio.uncertain).toBe(true);
    // No point figure for an uncertain ratio in the headline: its range.
    expect(verdictText(e, en)).toMatch(/\d–\d[\d.]*× fewer steps/);
    expect(e.risks.map((r) => r.id)).toContain("past-critical-batch");
    expect(e.verdict.level).toBe("warn");
  });

  it("past a stand-in task's critical batch says nothing about the user's regime", () => {
    const noise = {
      bSmall: 32,
      bBig: 256,
      bSimple: 900,
      interval: [700, 1100] as [number, number],
      atLoss: 0.3,
      initialLoss: 2.3,
      samples: [],
    };
    const change = batchChange({ before: 512, after: 4096, effective: { before: 512, after: 4096, ratio: 8 } });
    const m = measurements({ noise, plan: { ...measurements().plan, batchSizes: [512, 4096] } });
    const e = estimateChange({ change, file: hfFile(4096), measurements: m, config: defaultConfig() });
    expect(e.convergence!.basis).toBe("stand-in");
    expect(e.risks.map((r) => r.id)).not.toContain("past-critical-batch");
    expect(e.learningRate.capped).toBeUndefined();
  });

  it("an unresolved noise scale (B_simple = ∞) predicts no convergence and says why", () => {
    const noise = {
      bSmall: 32,
      bBig: 256,
      bSimple: Infinity,
      interval: [Infinity, Infinity] as [number, number],
      atLoss: 0.05,
      initialLoss: 2.3,
      samples: [],
    };
    const e = estimateChange({
      change: batchChange(),
      file: hfFile(64),
      measurements: measurements({ noise }),
      config: defaultConfig(),
    });
    expect(e.convergence).toBeUndefined();
    expect(e.notes?.map((n) => n.id)).toContain("noise-unresolved");
  });

  it("the proxy keeps the user's ratio exactly even when the plan's second batch differs", () => {
    const m = measurements({ plan: { ...measurements().plan, batchSizes: [16, 40] } });
    const e = estimateChange({
      change: batchChange({ effective: { before: 256, after: 512, ratio: 2 } }),
      file: hfFile(64),
      measurements: m,
      config: defaultConfig(),
    });
    expect(e.convergence!.frame).toMatchObject({ before: 16, after: 32 });
    expect(e.convergence!.stepsRatio.value).toBeCloseTo(stepsRatio(900, 16, 32), 12);
  });

  it("a direct critical-batch measurement is preferred over the noise scale", () => {
    const direct = { bCrit: 200, sMin: 100, targetLoss: 0.5, points: [], r2: 0.98, learningRateRule: "linear" };
    const e = estimateChange({
      change: batchChange(),
      file: hfFile(64),
      measurements: measurements({ criticalBatch: direct }),
      config: defaultConfig(),
    });
    expect(e.convergence!.source).toBe("direct");
    expect(1 / e.convergence!.stepsRatio.value).toBeCloseTo(1.758, 3);
    expect(e.convergence!.examplesRatio.value).toBeCloseTo(1.138, 3);
  });

  it("accumulation-only change keeps the per-device memory and still scales the learning rate", () => {
    const file = fileReport(
      [
        setting("micro_batch", "per_device_train_batch_size", 8),
        setting("grad_accum", "gradient_accumulation_steps", 8),
        setting("learning_rate", "learning_rate", 2e-5, 4, "2e-5"),
      ],
      { value: 64, parts: { micro: 8, accum: 8, devices: 1 } },
    );
    const change = batchChange({
      role: "grad_accum",
      key: "gradient_accumulation_steps",
      before: 4,
      after: 8,
      effective: { before: 32, after: 64, ratio: 2 },
      learningRate: { before: 2e-5, after: 2e-5 },
    });
    const config = loadConfig("memory: { calibration: { batch: 8, peak: 30GiB }, budget: '+10%' }").config;
    const e = estimateChange({ change, file, measurements: measurements(), config });
    expect(e.memory.peak.ratio!.value).toBe(1);
    expect(e.memory.proxy!.ratio.value).toBe(1);
    expect(e.memory.budget!.status).toBe("ok");
    expect(e.learningRate.suggestedRaw).toBe("2.83e-5");
  });

  it("over the absolute budget at level error gives an error verdict naming the budget", () => {
    const config = loadConfig(
      "memory: { calibration: { batch: 32, peak: 34GiB }, budget: 40GiB, level: error }",
    ).config;
    const e = estimateChange({
      change: batchChange(),
      file: hfFile(64),
      baseFile: hfFile(32),
      measurements: measurements(),
      config,
    });
    // The proxy's batch-dependent share at 32 is 32e4 / 1.32e6, so 64 adds that share of 34 GiB.
    expect(e.memory.peak.after!.value / GiB).toBeCloseTo(34 * (1 + 32e4 / 1.32e6), 6);
    expect(e.memory.budget!.status).toBe("error");
    expect(e.verdict.level).toBe("error");
    expect(verdictText(e, en)).toContain("over the 40GiB budget");
    expect(en.note(e.risks.find((r) => r.id === "over-budget")!)).toContain("memory budget 40GiB");
  });

  it("a language model without a proxy run uses Kaplan's B_crit in tokens", () => {
    const file = fileReport(
      [setting("micro_batch", "per_device_train_batch_size", 16), setting("seq_len", "max_seq_length", 2048)],
      { value: 512, parts: { micro: 16, accum: 4, devices: 8, seqLen: 2048 } },
    );
    const change = batchChange({ before: 8, after: 16, effective: { before: 256, after: 512, ratio: 2 } });
    const config = loadConfig(
      "model: { loss: 3.0, parameters: 1.3B, hidden: 2048, layers: 24, heads: 16, vocab: 50257 }",
    ).config;
    const e = estimateChange({ change, file, config });
    expect(e.convergence!.source).toBe("kaplan");
    expect(e.convergence!.bCrit.value).toBeCloseTo(kaplanCriticalBatch(3.0), 6);
    expect(e.convergence!.frame).toMatchObject({ unit: "tokens", before: 256 * 2048, after: 512 * 2048 });
    expect(e.memory.peak.basis).toBe("analytical");
    expect(e.memory.model!.microBatch).toEqual({ before: 8, after: 16 });
    expect(e.risks.map((r) => r.id)).toContain("proxy-missing");
  });

  it("reads the model's shape from a Hugging Face config.json", () => {
    const file = fileReport([setting("micro_batch", "per_device_train_batch_size", 4)], {
      value: 4,
      parts: { micro: 4, accum: 1, devices: 1 },
    });
    const change = batchChange({ before: 2, after: 4, effective: { before: 2, after: 4, ratio: 2 } });
    const modelConfig = { n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, vocab_size: 50257 };
    const sized = estimateChange({
      change,
      file,
      config: loadConfig("model: { seqLen: 512 }").config,
      modelConfig,
    });
    expect(sized.memory.model!.dimensions).toEqual({ hidden: 768, heads: 12, layers: 12, seqLen: 512, vocab: 50257 });
  });

  it("sizes no activations from the model's longest context when the training length is not set", () => {
    const file = fileReport([setting("micro_batch", "per_device_train_batch_size", 4)], {
      value: 4,
      parts: { micro: 4, accum: 1, devices: 1 },
    });
    const change = batchChange({ before: 2, after: 4, effective: { before: 2, after: 4, ratio: 2 } });
    const modelConfig = { n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, vocab_size: 50257 };
    const e = estimateChange({ change, file, config: defaultConfig(), modelConfig });
    expect(e.memory.peak.basis).toBe("activations");
    expect(e.memory.model!.activationsPerExample).toBeUndefined();
    const ids = e.memory.notes.map((n) => n.id);
    expect(ids).toContain("seq-len-unknown");
    expect(ids).not.toContain("seq-len-assumed");
  });

  it("unknown devices are a risk, and the ratio still comes from the changed setting", () => {
    const change = batchChange({
      effective: { before: null, after: null, ratio: null },
      unknown: [{ devicesFrom: { id: "devices.launcher" } }],
    });
    const e = estimateChange({ change, file: hfFile(64), measurements: measurements(), config: defaultConfig() });
    expect(e.batch.ratio).toBe(2);
    expect(e.notes!.map((n) => n.id)).toEqual(["ratio-from-setting", "speed-no-gpu"]);
    expect(e.risks.find((r) => r.id === "unknown-batch-parts")!.level).toBe("warn");
    expect(e.verdict.level).toBe("warn");
  });

  it(
    "with a GPU and the model's shape, step time is in seconds on that GPU and " +
      "the wall time uses it, the proxy only a check",
    () => {
      const config = loadConfig(
        "hardware: { gpu: A100-80GB }\nmodel: { parameters: 494M, hidden: 896, " +
          "layers: 24, heads: 14, vocab: 151936, seqLen: 2048 }",
      ).config;
      const e = estimateChange({
        change: batchChange(),
        file: hfFile(64),
        baseFile: hfFile(32),
        measurements: measurements(),
        config,
      });
      expect(e.speed!.basis).toBe("analytical");
      expect(e.speed!.gpu!.id).toBe("A100-80GB");
      expect(e.speed!.stepTime.after.unit).toBe("s");
      expect(e.speed!.stepTime.ratio.value).toBeGreaterThan(1.9);
      expect(e.speed!.throughput.after.unit).toBe("tokens/s");
      expect(e.convergence!.wallTimeRatio!.value).toBeCloseTo(
        e.convergence!.stepsRatio.value * e.speed!.stepTime.ratio.value,
        10,
      );
      // The proxy ran on tensorflow-gpu: its ratio is kept beside the analytical one as a check.
      expect(e.speed!.proxyCheck!.backend).toBe("tensorflow-gpu");
    },
  );

  it("a step-counted schedule is flagged in the verdict", () => {
    const file = hfFile(64, [setting("max_steps", "max_steps", 10000, 7)]);
    const e = estimateChange({ change: batchChange(), file, measurements: measurements(), config: defaultConfig() });
    expect(e.schedule.items[0]).toMatchObject({
      suggested: 5000,
      suggestedSameLoss: Math.round(10000 * stepsRatio(900, 32, 64)),
    });
    expect(verdictText(e, en)).toContain("step-counted schedule sees more examples");
  });
});
