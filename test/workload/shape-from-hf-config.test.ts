import { describe, expect, it } from "vitest";
import { shapeFromHfConfig } from "../../src/workload/shape-from-hf-config.js";

// Gemma-2-9B's config.json (huggingface.co/google/gemma-2-9b), the fields the shape reads.
const gemma2 = {
  model_type: "gemma2",
  hidden_size: 3584,
  num_hidden_layers: 42,
  num_attention_heads: 16,
  num_key_value_heads: 8,
  head_dim: 256,
  intermediate_size: 14336,
  vocab_size: 256000,
  max_position_embeddings: 8192,
  hidden_activation: "gelu_pytorch_tanh",
  attn_logit_softcapping: 50.0,
  final_logit_softcapping: 30.0,
};

describe("shapeFromHfConfig: attention soft-capping", () => {
  it("keeps Gemma 2's attn_logit_softcapping as attentionSoftcap", () => {
    expect(shapeFromHfConfig(gemma2, "my-gemma")?.attentionSoftcap).toBe(50);
  });

  it("leaves it out when the config sets null (Gemma 3) or nothing (Llama)", () => {
    expect(shapeFromHfConfig({ ...gemma2, attn_logit_softcapping: null }, "g3")?.attentionSoftcap).toBeUndefined();
    const { attn_logit_softcapping: _, ...llamaLike } = gemma2;
    expect(shapeFromHfConfig(llamaLike, "l")?.attentionSoftcap).toBeUndefined();
  });
});
