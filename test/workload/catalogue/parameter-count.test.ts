import { describe, expect, it } from "vitest";
import type { LanguageModelEntry } from "../../../src/workload/catalogue/model-schema.js";
import { parameterCount } from "../../../src/workload/catalogue/parameter-count.js";

/** A tiny Llama-style decoder whose count is easy to do by hand. */
const tiny: LanguageModelEntry = {
  id: "test/tiny",
  family: "test",
  aliases: [],
  kind: "decoder",
  hidden: 8,
  layers: 2,
  heads: 4,
  kvHeads: 2,
  intermediate: 16,
  vocab: 10,
  tiedEmbeddings: true,
  maxPositions: 32,
  activation: "silu-glu",
  norm: "rmsnorm",
  bias: "none",
  positions: "rotary",
  source: "https://example.org/config.json",
};

describe("parameterCount", () => {
  it("counts embeddings, GQA attention, a gated MLP and RMS norms", () => {
    // head 2: q 8×8, k/v 8×4 each, o 8×8 = 192; MLP 3×8×16 = 384; norms 2×8 — per layer 592.
    expect(parameterCount(tiny)).toBe(10 * 8 + 2 * 592 + 8);
  });

  it("adds the output projection when it is not tied", () => {
    expect(parameterCount({ ...tiny, tiedEmbeddings: false }) - parameterCount(tiny)).toBe(10 * 8);
  });

  it("a plain MLP has two matrices, a gated one three", () => {
    expect(parameterCount(tiny) - parameterCount({ ...tiny, activation: "gelu" })).toBe(2 * 8 * 16);
  });

  it("learned positions add a table of maxPositions rows", () => {
    expect(parameterCount({ ...tiny, positions: "learned" }) - parameterCount(tiny)).toBe(32 * 8);
  });

  it("qkv biases add one per query, key and value output", () => {
    expect(parameterCount({ ...tiny, bias: "qkv" }) - parameterCount(tiny)).toBe(2 * (8 + 4 + 4));
  });

  it("MoE counts every expert plus the router", () => {
    const moe = { ...tiny, kind: "moe-decoder" as const, experts: 4, expertsPerToken: 2, moeIntermediate: 4 };
    // per layer: attention 192 + 4 experts × 3×8×4 + router 8×4 + norms 16.
    expect(parameterCount(moe)).toBe(80 + 2 * (192 + 4 * 96 + 32 + 16) + 8);
  });

  it("T5 shares one embedding and adds cross-attention in the decoder", () => {
    const t5: LanguageModelEntry = {
      ...tiny,
      kind: "encoder-decoder",
      heads: 2,
      kvHeads: 2,
      activation: "relu",
      decoderLayers: 1,
      layers: 1,
      relativeBuckets: 4,
      positions: "relative",
    };
    // attention 4×8×8 = 256, MLP 2×8×16 = 256, norm 8: encoder 256+256+16, decoder 2×256+256+24, final norms 16,
    // buckets 2×4×2.
    expect(parameterCount(t5)).toBe(80 + 528 + 792 + 16 + 16);
  });

  it("BERT adds token types, the embedding LayerNorm and the pooler", () => {
    const bert: LanguageModelEntry = {
      ...tiny,
      kind: "encoder",
      heads: 2,
      kvHeads: 2,
      activation: "gelu",
      norm: "layernorm",
      bias: "all",
      positions: "learned",
      typeVocab: 2,
      pooler: true,
      layers: 1,
    };
    // embeddings (10+32+2)×8 + LN 16; block: attention 256 + biases 32, MLP 256 + 16 + 8, 2 LNs 32; pooler 64 + 8.
    expect(parameterCount(bert)).toBe(352 + 16 + 600 + 72);
  });
});
