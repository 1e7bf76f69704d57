import { decoderShape, GPT2_LAYOUT, LLAMA_LAYOUT, type Layout } from "./model-shape.js";
import type { ModelShape } from "./types.js";

/**
 * Architectures laid out like GPT-2 (LayerNorm, biases, a plain two-matrix MLP); every other
 * model type is read as Llama-like (RMSNorm, no biases, a gated MLP: Llama, Mistral, Qwen, Gemma).
 */
const GPT2_LIKE =
  /^(gpt2|gpt_neox|gptj|gpt_neo|opt|bloom|falcon|phi|starcoder|gpt_bigcode|codegen|bert|roberta|distilbert|t5)$/;

/**
 * A Hugging Face `config.json` object as a decoder shape: `hidden_size`/`n_embd`,
 * `num_hidden_layers`/`n_layer`, `num_attention_heads`/`n_head`, `num_key_value_heads`,
 * `head_dim`, `intermediate_size`/`n_inner`, `vocab_size`, `max_position_embeddings`/`n_positions`,
 * `tie_word_embeddings`, `attn_logit_softcapping`, experts (`num_local_experts`/`num_experts`,
 * `num_experts_per_tok`); a multimodal config's `text_config`. Undefined without hidden size, layers and heads.
 * @example shapeFromHfConfig({ hidden_size: 2048, num_hidden_layers: 16, num_attention_heads: 32, num_key_value_heads:
 * 8, … }, "my-model")
 */
export function shapeFromHfConfig(config: unknown, id: string): ModelShape | undefined {
  if (config === null || typeof config !== "object" || Array.isArray(config)) return undefined;
  const c = config as Record<string, unknown>;
  const pick = (...names: string[]) =>
    names.map((n) => c[n]).find((v): v is number => typeof v === "number" && Number.isInteger(v) && v > 0);
  const hidden = pick("hidden_size", "n_embd", "d_model", "dim");
  const layers = pick("num_hidden_layers", "n_layer", "num_layers", "n_layers");
  const heads = pick("num_attention_heads", "n_head", "num_heads", "n_heads");
  if (!hidden || !layers || !heads) return c.text_config ? shapeFromHfConfig(c.text_config, id) : undefined;
  const modelType = String(c.model_type ?? "");
  const act = String(c.hidden_act ?? c.activation_function ?? c.hidden_activation ?? "");
  const gptLike = GPT2_LIKE.test(modelType);
  const gated = gptLike ? /glu/i.test(act) : true;
  const tied = typeof c.tie_word_embeddings === "boolean" ? c.tie_word_embeddings : gptLike;
  const layout: Layout = gptLike
    ? {
        ...GPT2_LAYOUT,
        positions: /gpt2|opt|gpt_bigcode/.test(modelType) ? "learned" : "rotary",
        activation: gated ? "gelu-glu" : "gelu",
        tiedEmbeddings: tied,
      }
    : { ...LLAMA_LAYOUT, activation: /gelu/i.test(act) ? "gelu-glu" : "silu-glu", tiedEmbeddings: tied };
  const shape = decoderShape(
    {
      id,
      hidden,
      layers,
      heads,
      kvHeads: pick("num_key_value_heads", "multi_query_group_num"),
      headDim: pick("head_dim"),
      intermediate: pick("intermediate_size", "n_inner", "ffn_dim", "d_ff"),
      vocab: pick("vocab_size", "padded_vocab_size") ?? 0,
      maxPositions: pick("max_position_embeddings", "n_positions", "n_ctx", "max_seq_len", "seq_length") ?? 0,
    },
    layout,
  );
  // Gemma 2 soft-caps attention logits (a float such as 50.0; null or absent elsewhere).
  const softcap = c.attn_logit_softcapping;
  if (typeof softcap === "number" && softcap > 0) shape.attentionSoftcap = softcap;
  const experts = pick("num_local_experts", "num_experts", "n_routed_experts");
  const active = pick("num_experts_per_tok", "moe_topk");
  if (experts && active) {
    const inner = pick("moe_intermediate_size") ?? shape.intermediate!;
    const perExpert = (gated ? 3 : 2) * hidden * inner;
    const dense = (gated ? 3 : 2) * hidden * shape.intermediate!;
    shape.kind = "moe-decoder";
    shape.experts = { count: experts, active, intermediate: inner };
    shape.parameters += layers * (experts * perExpert + hidden * experts - dense);
  }
  return shape;
}
