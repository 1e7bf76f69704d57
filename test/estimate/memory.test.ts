import { describe, expect, it } from "vitest";
import { activationBytesPerExample, layerActivationBytes } from "../../src/estimate/activations.js";
import { analyticalMemory, CUDA_CONTEXT } from "../../src/estimate/analytical-memory.js";
import { checkBudget } from "../../src/estimate/budget.js";
import { calibrate } from "../../src/estimate/calibration.js";
import { estimateMemory } from "../../src/estimate/memory.js";
import { proxyMemory, proxyPeak } from "../../src/estimate/memory-proxy.js";
import { countParameters, modelDimensions } from "../../src/estimate/model-dimensions.js";
import { deepSpeedEstimate, shardStates, stateBytes } from "../../src/estimate/model-states.js";
import { quantity } from "../../src/estimate/quantity.js";
import { workloadOf } from "../workload/workload-of.js";
import { measurements } from "./build-inputs.js";
import { translator } from "../../src/report/messages/translate.js";

/** The words a reviewer reads for a Note: the report catalogue's, since the estimate stage emits ids. */
const en = translator("en");

const GiB = 2 ** 30;
const total = (b: ReturnType<typeof stateBytes>) => b.weights + b.gradients + b.optimizer;

describe("model states per parameter", () => {
  it("mixed-precision Adam is 16 bytes per parameter: 2 + 2 + 12", () => {
    const b = stateBytes("adam", "mixed");
    expect([b.weights, b.gradients, b.optimizer]).toEqual([2, 2, 12]);
  });

  it("fp32 Adam 16, SGD with momentum 12, plain SGD 8", () => {
    expect(total(stateBytes("adam", "fp32"))).toBe(16);
    expect(total(stateBytes("sgd-momentum", "fp32"))).toBe(12);
    expect(total(stateBytes("sgd", "fp32"))).toBe(8);
  });

  it("GPT-2 1.5B with mixed-precision Adam holds 24 GB of model states (ZeRO paper)", () => {
    expect(shardStates({ parameters: 1.5e9, bytes: stateBytes("adam", "mixed"), stage: 0, devices: 1 }).total).toBe(
      24e9,
    );
  });

  it("ZeRO stages on 7.5B parameters over 64 GPUs: 120, 31.4, 16.6 and 1.9 GB (ZeRO paper, Fig. 1)", () => {
    const at = (stage: 0 | 1 | 2 | 3) =>
      shardStates({ parameters: 7.5e9, bytes: stateBytes("adam", "mixed"), stage, devices: 64 }).total / 1e9;
    expect(at(0)).toBeCloseTo(120, 1);
    expect(at(1)).toBeCloseTo(31.4, 1);
    expect(at(2)).toBeCloseTo(16.6, 1);
    expect(at(3)).toBeCloseTo(1.9, 1);
  });

  it("DeepSpeed's ZeRO-2 estimator (4Ψ + 16Ψ/N) sits above the paper's 2Ψ + 14Ψ/N", () => {
    const paper = shardStates({ parameters: 1e9, bytes: stateBytes("adam", "mixed"), stage: 2, devices: 8 }).total;
    const ds = deepSpeedEstimate({ parameters: 1e9, stage: 2, devices: 8 })!;
    expect(ds).toBe(6e9);
    expect(paper).toBe(3.75e9);
    expect(deepSpeedEstimate({ parameters: 1e9, stage: 3, devices: 8, largestLayer: 1e8 })).toBe(4e8 + 18e9 / 8);
  });
});

describe("transformer activations (Korthikanti et al. 2022)", () => {
  const gpt3 = { hidden: 12288, heads: 96, layers: 96, seqLen: 2048 };

  it("GPT-3 175B: 5as/h = 80 and one layer at b = 1 holds 2.87e9 bytes", () => {
    // The attention-score term is 5as/h = 80 times s·b·h bytes for GPT-3 (Korthikanti et al. 2022).
    expect(layerActivationBytes(gpt3, 1) - layerActivationBytes({ ...gpt3, flashAttention: true }, 1)).toBe(
      80 * gpt3.seqLen * gpt3.hidden,
    );
    expect(layerActivationBytes(gpt3, 1)).toBeCloseTo(2048 * 12288 * (34 + 80), 0);
    expect(layerActivationBytes(gpt3, 1) / 1e9).toBeCloseTo(2.87, 2);
  });

  it("activations are exactly linear in the micro batch", () => {
    expect(layerActivationBytes(gpt3, 8)).toBe(8 * layerActivationBytes(gpt3, 1));
  });

  it("FlashAttention drops the 5as²b attention-score term", () => {
    expect(layerActivationBytes({ ...gpt3, flashAttention: true }, 1)).toBe(34 * 2048 * 12288);
  });

  it("fp32 logits add 4·s·v per example", () => {
    const shape = { hidden: 768, heads: 12, layers: 12, seqLen: 1024 };
    expect(activationBytesPerExample({ ...shape, vocab: 50257 }) - activationBytesPerExample(shape)).toBe(
      4 * 1024 * 50257,
    );
  });
});

describe("model dimensions from a Hugging Face config.json", () => {
  it("reads GPT-2's short names and counts GPT-2 XL at about 1.5B parameters", () => {
    const dims = modelDimensions({
      model_type: "gpt2",
      n_embd: 1600,
      n_head: 25,
      n_layer: 48,
      n_positions: 1024,
      vocab_size: 50257,
    });
    expect(dims).toEqual({ hidden: 1600, heads: 25, layers: 48, maxPositions: 1024, vocab: 50257 });
    expect(countParameters(dims)! / 1e9).toBeCloseTo(1.55, 2);
  });

  it("reads LLaMA-style names with a gated MLP", () => {
    const dims = modelDimensions({
      hidden_size: 4096,
      num_attention_heads: 32,
      num_hidden_layers: 32,
      intermediate_size: 11008,
      vocab_size: 32000,
      max_position_embeddings: 4096,
      hidden_act: "silu",
    });
    expect(dims.gatedMlp).toBe(true);
    // LLaMA-2 7B has 6.74B parameters (untied input and output embeddings add another V·h = 0.13B).
    expect(countParameters(dims)! / 1e9).toBeCloseTo(6.61, 2);
  });

  it("takes the text model of a multimodal config and ignores junk", () => {
    expect(
      modelDimensions({ text_config: { hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 4 } }),
    ).toMatchObject({ hidden: 64, layers: 2, heads: 4 });
    expect(modelDimensions("not a config")).toEqual({});
    expect(modelDimensions({ hidden_size: "big" })).toEqual({});
  });
});

describe("analytical peak memory of a workload", () => {
  const gpt2xl = workloadOf(
    "gpt2xl.py",
    "n_layer = 48\nn_head = 25\nn_embd = 1600\nblock_size = 1024\nbias = True\nbatch_size = 8\n",
  );

  it("peak = model states + CUDA context + micro batch × (activations + logits) per example", () => {
    const m = analyticalMemory({ after: gpt2xl, microBatch: { before: 8, after: 16 } })!.model;
    const P = m.parameters;
    expect(m.modelStates.value).toBe(16 * P);
    expect(m.fixedBytes.value).toBe(16 * P + CUDA_CONTEXT.value);
    const perExample = m.activationsPerExample!.value;
    expect(m.before!.value).toBe(16 * P + CUDA_CONTEXT.value + 8 * perExample);
    expect(m.after!.value).toBe(16 * P + CUDA_CONTEXT.value + 16 * perExample);
    expect(m.after!.high!).toBeGreaterThan(m.after!.value);
  });

  it(
    "GPT-2 1.5B at sequence 1K and batch 32: the s·b·h part is near the ZeRO " +
      "paper's ~60 GB, attention scores come on top",
    () => {
      const shape = { hidden: 1600, heads: 25, layers: 48, seqLen: 1024 };
      const linear = 32 * 48 * layerActivationBytes({ ...shape, flashAttention: true }, 1);
      expect(linear / 1e9).toBeCloseTo(85.6, 1);
      expect(linear / 60e9).toBeLessThan(1.5);
      // Without FlashAttention the stored a·s² scores (5as/h = 80 here) more than triple it.
      expect(
        layerActivationBytes(shape, 1) / layerActivationBytes({ ...shape, flashAttention: true }, 1),
      ).toBeGreaterThan(3);
    },
  );

  it("ZeRO-2 on mixed Adam shows DeepSpeed's estimator as the top of the gradients' interval", () => {
    const w = workloadOf("gpt2xl.py", "n_layer = 48\nn_head = 25\nn_embd = 1600\nbatch_size = 8\nzero_stage = 2\n", {
      bot: "devices: 8",
    });
    const m = analyticalMemory({ after: w, microBatch: { before: 1, after: 2 } })!.model;
    const P = m.parameters;
    expect(m.modelStates.value).toBeCloseTo(2 * P + (14 * P) / 8, 0);
    expect(m.modelStates.high).toBeCloseTo(4 * P + (16 * P) / 8, 0);
  });

  it("gives nothing without a model", () => {
    const w = workloadOf("sft.yaml", "per_device_train_batch_size: 8\n");
    expect(analyticalMemory({ after: w, microBatch: { before: 1, after: 2 } })).toBeUndefined();
  });
});

describe("calibration point", () => {
  it("pins M₀ = M_cal − m·B_cal with an analytical per-example figure", () => {
    const c = calibrate({
      batch: 32,
      peakBytes: 18 * GiB,
      perExampleBytes: GiB / 4,
      microBatch: { before: 32, after: 64 },
    });
    expect(c.fixedBytes.value).toBe(10 * GiB);
    expect(c.before!.value).toBe(18 * GiB);
    expect(c.after!.value).toBe(26 * GiB);
  });

  it("without a per-example figure the interval spans all-fixed to all-per-example", () => {
    const c = calibrate({
      batch: 32,
      peakBytes: 18 * GiB,
      proxyBatchShare: 0.25,
      microBatch: { before: 32, after: 64 },
    });
    expect(c.after!.low).toBe(18 * GiB);
    expect(c.after!.high).toBe(36 * GiB);
    expect(c.after!.value).toBe(18 * GiB + 0.25 * 18 * GiB);
  });

  it("ignores an analytical figure the calibration contradicts", () => {
    const c = calibrate({ batch: 32, peakBytes: 4 * GiB, perExampleBytes: GiB, microBatch: { before: 32, after: 64 } });
    expect(c.after!.low).toBe(4 * GiB);
    expect(c.after!.high).toBe(8 * GiB);
  });
});

describe("proxy memory", () => {
  const memory = measurements().memory;

  it("peak is the forward+backward fit floored by the optimizer peak", () => {
    expect(proxyPeak(memory, 64)).toBe(1e6 + 64e4);
    expect(proxyPeak({ ...memory, optimizerPeakBytes: 5e6 }, 64)).toBe(5e6);
  });

  it("the ratio between the old and new proxy batch", () => {
    const p = proxyMemory(memory, { before: 32, after: 64 });
    expect(p.ratio.value).toBeCloseTo(1.64e6 / 1.32e6, 10);
    expect(p.before.source).toMatch(/proxy peak memory/);
  });
});

describe("memory budget", () => {
  const abs = (raw: string, value: number) => ({ raw, kind: "absolute" as const, value });
  const peak = (bytes: number, high?: number) => quantity(bytes, "bytes", "test", high ? { low: bytes, high } : {});

  it("an absolute budget at level error fails with a message naming the budget", () => {
    const b = checkBudget({
      budget: abs("40GiB", 40 * GiB),
      level: "error",
      margin: 0.05,
      after: peak(41 * GiB),
      batch: 64,
    });
    expect(b.status).toBe("error");
    expect(en.note(b.message)).toBe(
      "Predicted peak 41.0 GiB at 64 per device is over the memory budget 40GiB (memory.budget).",
    );
  });

  it("a peak just under the next binary unit is written in digits, not as an exponent", () => {
    const b = checkBudget({
      budget: abs("1GiB", GiB),
      level: "error",
      margin: 0.05,
      after: peak(1020 * 2 ** 20),
      batch: 4,
    });
    expect(en.note(b.message)).toBe(
      "Predicted peak 1020 MiB at 4 per device is within 5% of the memory budget 1GiB (memory.budget).",
    );
  });

  it("the same overrun at level warn only warns", () => {
    expect(
      checkBudget({ budget: abs("40GiB", 40 * GiB), level: "warn", margin: 0.05, after: peak(41 * GiB), batch: 64 })
        .status,
    ).toBe("warn");
  });

  it("fits, comes close, or may exceed at the top of its interval", () => {
    const check = (after: ReturnType<typeof peak>) =>
      checkBudget({ budget: abs("80GB", 80e9), level: "error", margin: 0.05, after, batch: 8 }).status;
    expect(check(peak(60e9))).toBe("ok");
    expect(check(peak(78e9))).toBe("warn");
    expect(check(peak(70e9, 90e9))).toBe("warn");
  });

  it("a relative budget compares the growth new ÷ old", () => {
    const rel = { raw: "+10%", kind: "relative" as const, value: 1.1 };
    const ratio = (r: number) => quantity(r, "ratio", "test");
    expect(checkBudget({ budget: rel, level: "error", margin: 0.05, ratio: ratio(1.45), batch: 64 })).toMatchObject({
      status: "error",
      message: { params: { predicted: "×1.45 (+45%)" } },
    });
    expect(checkBudget({ budget: rel, level: "error", margin: 0.05, ratio: ratio(1.05), batch: 64 }).status).toBe("ok");
  });

  it("an absolute budget without an absolute peak is unknown, not passed", () => {
    const b = checkBudget({
      budget: abs("40GiB", 40 * GiB),
      level: "error",
      margin: 0.05,
      ratio: quantity(1.2, "ratio", "x"),
      batch: 64,
    });
    expect(b.status).toBe("unknown");
    expect(en.note(b.message)).toContain("memory.calibration");
  });
});

describe("estimateMemory", () => {
  const micro = (before: number | null, after: number | null) => ({ before, after });

  it("the calibration point is the headline when given", () => {
    const m = estimateMemory({
      proxy: { memory: measurements().memory, batch: { before: 32, after: 64 } },
      microBatch: micro(32, 64),
      calibration: { batch: 32, peakBytes: 18 * GiB },
      budget: { budget: { raw: "40GiB", kind: "absolute", value: 40 * GiB }, level: "error", margin: 0.05 },
    });
    expect(m.peak.basis).toBe("calibration");
    // Proxy share growing with B at batch 32: 32e4 / 1.32e6.
    const share = 32e4 / 1.32e6;
    expect(m.peak.after!.value).toBeCloseTo(18 * GiB * (1 + share), 0);
    expect(m.budget!.status).toBe("ok");
  });

  it("a measured peak wins over the calibration point and the model", () => {
    const w = workloadOf(
      "sft.yaml",
      "model_name_or_path: meta-llama/Llama-3.2-1B\nmax_seq_length: 2048\nper_device_train_batch_size: 8\n",
    );
    const m = estimateMemory({
      workload: { after: w },
      microBatch: micro(8, 16),
      calibration: { batch: 8, peakBytes: 80 * GiB },
      measured: { batch: 8, peakBytes: 70 * GiB, from: "measurements.json" },
    });
    expect(m.peak.basis).toBe("measured");
    expect(m.peak.before!.value).toBe(70 * GiB);
    expect(m.peak.after!.value).toBe(70 * GiB + 8 * m.model!.activationsPerExample!.value);
  });

  it("without the model's size, the headline is bounds from the activations, not the proxy's own growth", () => {
    const m = estimateMemory({
      proxy: { memory: measurements().memory, batch: { before: 32, after: 64 } },
      microBatch: micro(32, 64),
    });
    expect(m.peak.basis).toBe("activations");
    expect(m.peak.ratio).toMatchObject({ value: 2, low: 1, high: 2 });
    expect(m.peak.before).toBeUndefined();
    expect(m.proxy?.ratio.value).toBeLessThan(2);
    expect(m.notes.map((n) => n.id)).toContain("memory-activations-only");
  });

  it("with only the proxy and no per-device batch, the headline is the proxy's growth", () => {
    const m = estimateMemory({
      proxy: { memory: measurements().memory, batch: { before: 32, after: 64 } },
      microBatch: micro(null, null),
    });
    expect(m.peak.basis).toBe("proxy");
    expect(m.notes.map((n) => n.id)).toContain("memory-proxy-only");
  });

  it("an unchanged per-device batch keeps the memory", () => {
    const m = estimateMemory({ microBatch: micro(8, 8), calibration: { batch: 8, peakBytes: 30 * GiB } });
    expect(m.peak.ratio!.value).toBe(1);
    expect(m.notes.map((n) => n.id)).toContain("memory-micro-unchanged");
  });

  it("more devices under ZeRO-3 shrink the model states per device", () => {
    const side = (devices: number) =>
      workloadOf("gpt2xl.py", "n_layer = 48\nn_head = 25\nn_embd = 1600\nbatch_size = 4\nzero_stage = 3\n", {
        bot: `devices: ${devices}`,
      });
    const m = estimateMemory({ workload: { before: side(4), after: side(8) }, microBatch: micro(4, 4) });
    expect(m.peak.basis).toBe("analytical");
    expect(m.peak.after!.value).toBeLessThan(m.peak.before!.value);
  });

  it("an unknown model with a GPU known cannot check the budget, and never says OK", () => {
    const w = workloadOf("sft.yaml", "model_name_or_path: acme/unknown-7b\nper_device_train_batch_size: 8\n", {
      bot: "hardware:\n  gpu: A100-80GB",
    });
    const m = estimateMemory({
      workload: { after: w },
      microBatch: micro(8, 16),
      budget: { level: "warn", margin: 0.05 },
    });
    expect(m.budget).toMatchObject({ status: "unknown", key: "hardware.gpu" });
    expect(m.maxBatchPerDevice).toBeUndefined();
    expect(m.notes.map((n) => n.id)).toContain("memory-model-unknown");
  });
});
