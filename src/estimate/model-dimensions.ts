/** Transformer dimensions the memory model needs; any may be missing. */
export interface ModelDimensions {
  hidden?: number;
  layers?: number;
  heads?: number;
  /** Longest sequence the model takes (max_position_embeddings); the training length may be shorter. */
  maxPositions?: number;
  vocab?: number;
  /** MLP inner size; 4·hidden when the config does not say. */
  ffn?: number;
  /** True for gated MLPs (SwiGLU/GeGLU: three matrices instead of two). */
  gatedMlp?: boolean;
}

const NAMES: Record<keyof Omit<ModelDimensions, "gatedMlp">, string[]> = {
  hidden: ["hidden_size", "n_embd", "d_model", "dim"],
  layers: ["num_hidden_layers", "n_layer", "num_layers", "n_layers"],
  heads: ["num_attention_heads", "n_head", "num_heads", "n_heads"],
  maxPositions: ["max_position_embeddings", "n_positions", "n_ctx", "max_seq_len", "seq_length"],
  vocab: ["vocab_size", "padded_vocab_size"],
  ffn: ["intermediate_size", "n_inner", "ffn_dim", "d_ff"],
};

/**
 * Reads a Hugging Face `config.json` object, with GPT-2's short names (n_embd, n_head, n_layer)
 * and T5/BART's (d_model, num_layers) too. Nested `text_config` (multimodal models) is used
 * when the top level has no hidden size.
 * @example modelDimensions({ n_embd: 1600, n_head: 25, n_layer: 48, vocab_size: 50257 })
 *   // { hidden: 1600, heads: 25, layers: 48, vocab: 50257 }
 */
export function modelDimensions(config: unknown): ModelDimensions {
  if (config === null || typeof config !== "object" || Array.isArray(config)) return {};
  const record = config as Record<string, unknown>;
  const nested = record.text_config;
  if (!NAMES.hidden.some((k) => isCount(record[k])) && nested && typeof nested === "object")
    return modelDimensions(nested);
  const dims: ModelDimensions = {};
  for (const [field, names] of Object.entries(NAMES) as Array<[keyof typeof NAMES, string[]]>) {
    const found = names.map((n) => record[n]).find(isCount);
    if (found !== undefined) dims[field] = found;
  }
  const act = String(record.hidden_act ?? record.activation_function ?? record.hidden_activation ?? "");
  if (/silu|swish|swiglu|geglu|gated/i.test(act) && dims.ffn !== undefined) dims.gatedMlp = true;
  return dims;
}

/**
 * Parameter count of a decoder-style transformer from its dimensions: per layer 4h² for attention
 * plus 2·h·ffn (3·h·ffn gated) for the MLP, plus V·h embeddings; Kaplan et al. 2020's N ≈ 12·L·h²
 * when ffn = 4h. Ignores biases, norms and grouped-query attention's smaller K/V.
 * @example countParameters({ hidden: 1600, layers: 48, vocab: 50257 }) // 1_554_971_200 (GPT-2 XL ≈ 1.5B)
 */
export function countParameters(dims: ModelDimensions): number | undefined {
  const { hidden: h, layers } = dims;
  if (!h || !layers) return undefined;
  const ffn = dims.ffn ?? 4 * h;
  const perLayer = 4 * h * h + (dims.gatedMlp ? 3 : 2) * h * ffn;
  return layers * perLayer + (dims.vocab ?? 0) * h;
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v > 0;
}
