import { describe, expect, it } from "vitest";
import { matmulParameters, microBatchFlops, type FlopsModel } from "../../src/estimate/step-flops.js";

const gpt: FlopsModel = {
  kind: "transformer",
  matmulParameters: 1e9,
  trainableMatmulParameters: 1e9,
  layers: 24,
  attentionWidth: 2048,
  seqLen: 2048,
};

describe("microBatchFlops", () => {
  it("full training is 6·N + 12·L·s·w per token (PaLM's count)", () => {
    const f = microBatchFlops(gpt, { examples: 2, checkpointing: false });
    const tokens = 2 * 2048;
    expect(f.tokens).toBe(tokens);
    expect(f.model).toBeCloseTo((6 * 1e9 + 12 * 24 * 2048 * 2048) * tokens, -6);
    expect(f.hardware).toBe(f.model);
  });

  it("activation checkpointing adds one forward to the hardware FLOPs, not to the model FLOPs", () => {
    const plain = microBatchFlops(gpt, { examples: 1, checkpointing: false });
    const ckpt = microBatchFlops(gpt, { examples: 1, checkpointing: true });
    expect(ckpt.model).toBe(plain.model);
    expect(ckpt.hardware - plain.hardware).toBeCloseTo(plain.forward, -6);
  });

  it("LoRA skips the frozen weights' gradients: about two thirds of full training's weight FLOPs", () => {
    const lora = microBatchFlops(
      { ...gpt, trainableMatmulParameters: 4e6, attentionWidth: 1, layers: 1 },
      { examples: 1, checkpointing: false },
    );
    const full = microBatchFlops({ ...gpt, attentionWidth: 1, layers: 1 }, { examples: 1, checkpointing: false });
    expect(lora.model / full.model).toBeGreaterThan(0.66);
    expect(lora.model / full.model).toBeLessThan(0.68);
  });

  it("counts a vision model per image from its forward FLOPs", () => {
    const f = microBatchFlops(
      { kind: "per-example", forwardFlops: 8.2e9, trainableShare: 1, from: "table" },
      { examples: 32, checkpointing: false },
    );
    expect(f.model).toBeCloseTo(3 * 8.2e9 * 32, -3);
    expect(f.tokens).toBe(32);
  });
});

describe("matmulParameters", () => {
  it("leaves out the input-embedding lookup when the head has its own matrix", () => {
    expect(matmulParameters({ parameters: 8.03e9, hidden: 4096, vocab: 128256, tiedEmbeddings: false })).toBeCloseTo(
      8.03e9 - 4096 * 128256,
      -3,
    );
    expect(matmulParameters({ parameters: 494e6, hidden: 896, vocab: 151936, tiedEmbeddings: true })).toBe(494e6);
  });

  it("counts only the experts a token visits in a mixture of experts", () => {
    const n = matmulParameters({
      parameters: 46.7e9,
      hidden: 4096,
      layers: 32,
      gated: true,
      experts: { count: 8, active: 2, intermediate: 14336 },
    });
    expect(n / 1e9).toBeCloseTo(46.7 - (32 * 6 * 3 * 4096 * 14336) / 1e9, 3);
  });
});
