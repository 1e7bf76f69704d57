import type { LanguageModelEntry, ModelEntry } from "./model-schema.js";

/**
 * Total parameters of a catalogue entry, counted from its shape the way the Hugging Face
 * implementation lays the weights out: embeddings (plus a position table when learned), each
 * block's attention with grouped-query K/V, the MLP (three matrices when gated, two when plain,
 * every expert for MoE plus the router), the norms, and the output projection when it is not tied.
 * BERT/RoBERTa add token-type embeddings, the embedding norm and the pooler; T5 shares one
 * embedding between encoder and decoder and adds cross-attention. Vision entries carry their
 * published count.
 * @example parameterCount(llama32_1b) // 1_235_814_400 (model card: 1.23B)
 */
export function parameterCount(entry: ModelEntry): number {
  if (entry.kind === "vision") return entry.parameters;
  if (entry.kind === "encoder") return encoderCount(entry);
  if (entry.kind === "encoder-decoder") return encoderDecoderCount(entry);
  return decoderCount(entry);
}

/** Query width: heads × head size (head size = hidden/heads unless config.json sets head_dim). */
export function headDimOf(m: LanguageModelEntry): number {
  return m.headDim ?? m.hidden / m.heads;
}

function normSize(m: LanguageModelEntry, width: number): number {
  if (m.norm === "layernorm") return 2 * width;
  if (m.norm === "rmsnorm") return width;
  return 0;
}

/** Self-attention: Q and O at full width, K and V at kvHeads × headDim (GQA/MQA). */
function attention(m: LanguageModelEntry): number {
  const d = headDimOf(m);
  const q = m.heads * d;
  const kv = m.kvHeads * d;
  const weights = m.hidden * q + 2 * m.hidden * kv + q * m.hidden;
  const qkvBias = m.bias === "none" ? 0 : q + 2 * kv;
  const outBias = m.bias === "all" ? m.hidden : 0;
  const qkNorm = m.qkNorm === "head" ? 2 * d : m.qkNorm === "full" ? q + kv : 0;
  return weights + qkvBias + outBias + qkNorm;
}

function mlp(m: LanguageModelEntry, inner: number): number {
  const gated = m.activation === "silu-glu" || m.activation === "gelu-glu";
  const weights = (gated ? 3 : 2) * m.hidden * inner;
  const biases = m.bias === "all" ? (gated ? 2 : 1) * inner + m.hidden : 0;
  return weights + biases;
}

function decoderCount(m: LanguageModelEntry): number {
  const ffn =
    m.kind === "moe-decoder"
      ? (m.experts ?? 0) * mlp(m, m.moeIntermediate ?? m.intermediate) + m.hidden * (m.experts ?? 0)
      : mlp(m, m.intermediate);
  const block = attention(m) + ffn + (m.normsPerLayer ?? 2) * normSize(m, m.hidden);
  const embeddings = m.vocab * m.hidden + (m.positions === "learned" ? m.maxPositions * m.hidden : 0);
  const head = m.tiedEmbeddings ? 0 : m.vocab * m.hidden + (m.lmHeadBias ? m.vocab : 0);
  return embeddings + m.layers * block + normSize(m, m.hidden) + head;
}

/** BERT/RoBERTa (the bare model with its pooler, which is what their published counts cover). */
function encoderCount(m: LanguageModelEntry): number {
  const embeddings = (m.vocab + m.maxPositions + (m.typeVocab ?? 0)) * m.hidden + normSize(m, m.hidden);
  const block = attention(m) + mlp(m, m.intermediate) + 2 * normSize(m, m.hidden);
  const pooler = m.pooler ? m.hidden * m.hidden + m.hidden : 0;
  return embeddings + m.layers * block + pooler;
}

/** T5: shared embedding, relative position buckets in the first block of each stack, no biases. */
function encoderDecoderCount(m: LanguageModelEntry): number {
  const self = attention(m);
  const cross = attention(m);
  const norm = normSize(m, m.hidden);
  const encoderBlock = self + mlp(m, m.intermediate) + 2 * norm;
  const decoderBlock = self + cross + mlp(m, m.intermediate) + 3 * norm;
  const buckets = 2 * (m.relativeBuckets ?? 0) * m.heads;
  const head = m.tiedEmbeddings ? 0 : m.vocab * m.hidden;
  return (
    m.vocab * m.hidden +
    m.layers * encoderBlock +
    (m.decoderLayers ?? m.layers) * decoderBlock +
    2 * norm +
    buckets +
    head
  );
}
