import { describe, expect, it } from "vitest";
import { achievableUtilization, UTILIZATION_ANCHORS } from "../../src/estimate/achievable-utilization.js";
import { gpuStepTime, trainingPeak } from "../../src/estimate/gpu-step-time.js";
import { trainedBytes } from "../../src/estimate/model-states.js";
import type { SpeedWorkload } from "../../src/estimate/speed-workload.js";
import { findGpu } from "../../src/workload/catalogue/find-gpu.js";
import type { GpuEntry } from "../../src/workload/catalogue/gpu-schema.js";

const gpu = (name: string) => findGpu(name) as GpuEntry;

/** Qwen2.5-0.5B full fine-tune, bf16 mixed precision, AdamW. */
function qwen(name: string, extra: Partial<SpeedWorkload> = {}): SpeedWorkload {
  return {
    gpu: gpu(name),
    precision: "mixed",
    network: {
      kind: "transformer",
      matmulParameters: 494e6,
      trainableMatmulParameters: 494e6,
      layers: 24,
      attentionWidth: 896,
      seqLen: 2048,
    },
    hidden: 896,
    checkpointing: false,
    parameters: 494e6,
    frozenWeightBytes: 2,
    trainable: 494e6,
    trainedBytes: trainedBytes("adamw", "mixed"),
    zeroStage: 0,
    activationBytesPerExample: 34 * 2048 * 896 * 24,
    from: "test",
    ...extra,
  };
}

describe("achievableUtilization", () => {
  it("reproduces its published anchors within 12 %", () => {
    for (const a of UTILIZATION_ANCHORS) {
      const u = achievableUtilization({ gpu: { id: a.gpu }, hidden: a.hidden });
      expect(Math.abs(u.value / a.mfu - 1)).toBeLessThan(0.12);
    }
  });

  it("says when a GPU has no published utilization of its own and widens the interval", () => {
    const l4 = achievableUtilization({ gpu: { id: "L4" }, hidden: 4096 });
    const a100 = achievableUtilization({ gpu: { id: "A100-80GB" }, hidden: 4096 });
    expect(l4.basis).toBe("assumed");
    expect(l4.source).toMatch(/no published utilization for L4/);
    expect(l4.high / l4.low).toBeGreaterThan(a100.high / a100.low);
  });
});

describe("gpuStepTime", () => {
  it("an H100 takes less time per step than an A100 for the same job", () => {
    const side = { microBatch: 32, accumulation: 1, devices: 4 };
    expect(gpuStepTime(qwen("H100-80GB"), side).value).toBeLessThan(gpuStepTime(qwen("A100-80GB"), side).value);
  });

  it("step time grows with the tokens per step and the interval holds the value", () => {
    const small = gpuStepTime(qwen("A100-80GB"), { microBatch: 8, accumulation: 2, devices: 4 });
    const large = gpuStepTime(qwen("A100-80GB"), { microBatch: 32, accumulation: 1, devices: 4 });
    expect(large.value / small.value).toBeGreaterThan(1.9);
    expect(large.value / small.value).toBeLessThan(2.05);
    expect(small.low).toBeLessThan(small.value);
    expect(small.high).toBeGreaterThan(small.value);
  });

  it("a tiny micro-batch is memory-bound: the weights are read whatever the tokens", () => {
    const tiny = qwen("A100-80GB", {
      network: {
        kind: "transformer",
        matmulParameters: 494e6,
        trainableMatmulParameters: 494e6,
        layers: 24,
        attentionWidth: 896,
        seqLen: 16,
      },
    });
    const t = gpuStepTime(tiny, { microBatch: 1, accumulation: 1, devices: 1 });
    expect(t.roofline.bound).toBe("memory");
    expect(t.roofline.modelFlopsUtilization).toBeLessThan(t.utilization.value / 2);
  });

  it("fp32 training runs at the fp32 peak, not TF32's", () => {
    expect(trainingPeak(gpu("A100-80GB"), "fp32")).toEqual({ flops: 19.5e12, precision: "fp32" });
    expect(trainingPeak(gpu("V100-32GB"), "mixed").precision).toBe("fp16");
  });

  it("more devices add an all-reduce that the backward pass mostly hides", () => {
    const one = gpuStepTime(qwen("A100-80GB"), { microBatch: 8, accumulation: 1, devices: 1 });
    const four = gpuStepTime(qwen("A100-80GB"), { microBatch: 8, accumulation: 1, devices: 4 });
    expect(four.roofline.sync.total).toBeGreaterThan(0);
    expect(four.roofline.sync.exposed).toBeLessThan(four.roofline.sync.total);
    expect(four.value).toBeGreaterThan(one.value);
    expect(four.value / one.value).toBeLessThan(1.01);
  });
});
