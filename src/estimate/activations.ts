/** Transformer shape for the activation model. */
export interface ActivationShape {
  hidden: number;
  heads: number;
  layers: number;
  /** Training sequence length in tokens. */
  seqLen: number;
  vocab?: number;
  /** FlashAttention-style kernels do not store the a·s² attention scores. */
  flashAttention?: boolean;
  /** Bytes per stored activation value: 2 for 16-bit training (the formula's assumption), 4 for fp32. */
  bytesPerValue?: 2 | 4;
}

/**
 * Activation bytes of one transformer layer for a micro batch b (Korthikanti et al. 2022, eq. 1):
 * s·b·h·(34 + 5·a·s/h) with 16-bit activations and 1-byte dropout masks, no recomputation and no
 * tensor parallelism. With FlashAttention the 5·a·s²·b term is not stored.
 * @example layerActivationBytes({ hidden: 12288, heads: 96, layers: 96, seqLen: 2048 }, 1) // 2.87e9 (GPT-3 175B)
 */
export function layerActivationBytes(shape: ActivationShape, microBatch: number): number {
  const { seqLen: s, hidden: h, heads: a } = shape;
  const attentionScores = shape.flashAttention ? 0 : (5 * a * s) / h;
  return s * microBatch * h * (34 + attentionScores) * widthFactor(shape);
}

/**
 * Activation bytes for one example (one sequence) across the whole model: layers × one layer,
 * plus the fp32 logits 4·s·v when the vocabulary is known (Korthikanti et al. 2022, §4.1).
 * Exactly linear in the batch, so this is the slope m of M(B) = M₀ + m·B.
 * @example activationBytesPerExample({ hidden: 1600, heads: 25, layers: 48, seqLen: 1024, vocab: 50257 })
 */
export function activationBytesPerExample(shape: ActivationShape): number {
  const logits = shape.vocab ? 4 * shape.seqLen * shape.vocab : 0;
  return shape.layers * layerActivationBytes(shape, 1) + logits;
}

/** The formula counts 16-bit values; fp32 activations take twice the bytes. */
function widthFactor(shape: ActivationShape): number {
  return (shape.bytesPerValue ?? 2) / 2;
}
