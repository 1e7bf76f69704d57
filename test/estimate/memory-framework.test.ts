import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTIVATION_SPREAD } from "../../src/estimate/activations-per-example.js";
import { estimateMemory } from "../../src/estimate/memory.js";
import { bitsandbytesKeepsInputs, softcappedScoreBytesPerLayer } from "../../src/estimate/memory-framework.js";
import { NF4_BYTES } from "../../src/estimate/model-states.js";
import { workloadOf } from "../workload/workload-of.js";

/**
 * The framework terms of docs/estimates.md on LitGPT's own QLoRA and LoRA configs (stored as
 * published in bench/memory-recipes/litgpt/), every byte derived by hand from the model's
 * config.json and the formulas, not copied back from the bot.
 */
const recipe = (path: string) =>
  readFileSync(new URL(`../../bench/memory-recipes/litgpt/${path}`, import.meta.url), "utf8");

// Llama-2-7B's config.json: hidden 4096, 32 layers, 32 heads (no GQA), MLP 11008, vocab 32000, untied.
const H = 4096;
const L = 32;
const I = 11008;
const V = 32000;
const P = V * H + L * (4 * H * H + 3 * H * I + 2 * H) + H + V * H;
const S = 512;
const MICRO = 2;
/** lora_r 32 on the query and value parts of LitGPT's fused attn: r·(h + h) each, per layer. */
const T = 32 * L * 2 * (H + H);

describe("LitGPT QLoRA (quantize: bnb.nf4) on Llama-2-7B, llama-2-7b/qlora.yaml", () => {
  const m = estimateMemory({
    workload: { after: workloadOf("qlora.yaml", recipe("llama-2-7b/qlora.yaml")) },
    microBatch: { before: MICRO, after: MICRO },
  });
  const parts = m.parts!.after!;

  it("counts Llama-2-7B's 6.74B parameters and 16.8M adapter parameters", () => {
    expect(P).toBe(6_738_415_616);
    expect(m.model!.parameters).toBe(P);
    expect(m.model!.trainableParameters).toBe(T);
  });

  it("quantizes every linear layer, the output head too; only the embedding stays 16-bit", () => {
    const embedding = V * H;
    // bf16-true: adapters in 16 bits, no master copy.
    expect(parts.weights.value).toBeCloseTo((P - T - embedding) * NF4_BYTES.plain + 2 * embedding + 2 * T, 0);
  });

  it("keeps StableEmbedding's 16-bit v·h gradient beside the adapters' gradients", () => {
    expect(parts.gradients.value).toBe(2 * T + 2 * V * H);
    // bf16 AdamW moments, 2 + 2 bytes per adapter parameter.
    expect(parts.optimizer.value).toBe(4 * T);
  });

  it("tops the activations with two steps of the inputs bitsandbytes < 0.43.2 kept, the 4-bit head's included", () => {
    const kept = 2 * (2 * S * (L * (H + H + H + I) + H));
    // 1.54 GB per sequence of 512 tokens, 3.07 GB at micro batch 2.
    expect((MICRO * kept) / 1e9).toBeCloseTo(3.07, 2);
    const a = parts.activations;
    expect(a.high! - ACTIVATION_SPREAD.high * a.value).toBeCloseTo(MICRO * kept, 0);
    // Today's bitsandbytes keeps none of them: the value is the count, its low the adapter's 0.6×.
    expect(a.low).toBeCloseTo(ACTIVATION_SPREAD.lowAdapter * a.value, 0);
  });
});

describe("LitGPT's separate head for a tied checkpoint: Gemma-2B, gemma-2b/lora.yaml", () => {
  // Gemma-2B's config.json: hidden 2048, vocab 256000, tie_word_embeddings true; LitGPT holds lm_head apart.
  const m = estimateMemory({
    workload: { after: workloadOf("lora.yaml", recipe("gemma-2b/lora.yaml")) },
    microBatch: { before: 2, after: 2 },
  });
  const tied = workloadOf("lora.yaml", recipe("gemma-2b/lora.yaml")).parameters.value!;

  it("adds v·h parameters to the catalogue's tied count, all of them 16-bit weights here", () => {
    expect(m.model!.parameters).toBe(tied + 256000 * 2048);
    expect(m.parts!.after!.weights.value).toBe(2 * (tied + 256000 * 2048));
  });
});

describe("the same terms stay out of other frameworks", () => {
  it("an axolotl QLoRA keeps its head 16-bit, has no stray gradient and one step of kept inputs", () => {
    const text = [
      "base_model: meta-llama/Llama-2-7b-hf",
      "adapter: qlora",
      "load_in_4bit: true",
      "lora_r: 32",
      "lora_target_modules:",
      "  - q_proj",
      "  - v_proj",
      `sequence_len: ${S}`,
      `micro_batch_size: ${MICRO}`,
      "flash_attention: true",
      "bf16: true",
    ].join("\n");
    const m = estimateMemory({
      workload: { after: workloadOf("qlora.yml", text) },
      microBatch: { before: MICRO, after: MICRO },
    });
    const parts = m.parts!.after!;
    const t = 32 * L * 2 * (H + H);
    expect(parts.weights.value).toBeCloseTo((P - t - 2 * V * H) * NF4_BYTES.double + 2 * 2 * V * H + 2 * t, 0);
    expect(parts.gradients.value).toBe(2 * t);
    const kept = 2 * S * L * (H + H + H + I);
    const a = parts.activations;
    expect(a.high! - ACTIVATION_SPREAD.high * a.value).toBeCloseTo(MICRO * kept, 0);
  });
});

describe("bitsandbytesKeepsInputs: does the stated bitsandbytes keep 4-bit layers' inputs (before 0.43.2)?", () => {
  it.each([
    ["0.42.0", true],
    ["==0.41.0", true],
    [">=0.41.0,<=0.42.0", true],
    ["~=0.42.0", true],
    ["^0.42.0", true],
    ["<0.43", true],
    ["==0.43.1", true],
    ["0.43.2", false],
    [">=0.45.2,<0.46", false],
    ["~0.47.0", false],
    [">=0.41", null],
    ["~=0.43", null],
  ] as const)("%s → %s", (spec, keeps) => {
    expect(bitsandbytesKeepsInputs(spec)).toBe(keeps);
  });

  it("says nothing without a version", () => {
    expect(bitsandbytesKeepsInputs(null)).toBeNull();
  });
});

describe("a stated bitsandbytes decides the kept 4-bit inputs: llama-2-7b/qlora.yaml", () => {
  const kept = 2 * (2 * S * (L * (H + H + H + I) + H));
  const at = (bot: string) =>
    estimateMemory({
      workload: { after: workloadOf("qlora.yaml", recipe("llama-2-7b/qlora.yaml"), { bot }) },
      microBatch: { before: MICRO, after: MICRO },
    }).parts!.after!.activations;
  const unknown = at("");

  it("0.42.0 puts two steps of kept inputs in the value and in both ends of the interval", () => {
    const old = at('model:\n  bitsandbytes: "0.42.0"\n');
    expect(old.value - unknown.value).toBeCloseTo(MICRO * kept, 0);
    expect(old.low! - unknown.low!).toBeCloseTo(MICRO * kept, 0);
    expect(old.high).toBeCloseTo(unknown.high!, 0);
  });

  it("0.45.5 keeps none of them, not even at the top", () => {
    const now = at('model:\n  bitsandbytes: "0.45.5"\n');
    expect(now.value).toBe(unknown.value);
    expect(now.high! - ACTIVATION_SPREAD.high * now.value).toBeCloseTo(0, 0);
  });
});

describe("Gemma 2's attention soft-capping under LitGPT: gemma-2-9b/qlora.yaml", () => {
  // Gemma-2-9B's config.json: 16 heads, 42 layers, attn_logit_softcapping 50.0;
  // the recipe trains 512 tokens at micro 1.
  const w = workloadOf("qlora.yaml", recipe("gemma-2-9b/qlora.yaml"));
  const uncapped = { ...w, model: { ...w.model, value: { ...w.model.value!, attentionSoftcap: undefined } } };
  const activations = (x: typeof w) =>
    estimateMemory({ workload: { after: x }, microBatch: { before: 1, after: 1 } }).parts!.after!.activations;

  it("reads the cap from the catalogue and the per-layer bytes from the head count", () => {
    expect(w.model.value!.attentionSoftcap).toBe(50);
    expect(softcappedScoreBytesPerLayer("litgpt", w.model.value!, 512)).toBe(8 * 16 * 512 * 512);
    expect(softcappedScoreBytesPerLayer("transformers", w.model.value!, 512)).toBe(0);
  });

  it("keeps 8 bytes per score in every layer: tanh output 2, fp32 softmax 4, 16-bit probabilities 2", () => {
    // 1.41 GB for one 512-token sequence.
    expect(activations(w).value - activations(uncapped).value).toBeCloseTo(8 * 16 * 512 * 512 * 42, 0);
  });
});
