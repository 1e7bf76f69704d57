/** Transformer shape for the activation model. */
export interface ActivationShape {
  hidden: number;
  heads: number;
  layers: number;
  /** Training sequence length in tokens. */
  seqLen: number;
  vocab?: number;
  /** Grouped-query attention: K and V heads (= heads without GQA). */
  kvHeads?: number;
  /** MLP inner size (4·hidden when absent) and whether the MLP is gated (SwiGLU/GeGLU). */
  intermediate?: number;
  gated?: boolean;
  /** Mixture of experts: experts each token visits (the MLP's activations are per visited expert). */
  activeExperts?: number;
  /** FlashAttention-style kernels (and PyTorch SDPA) do not store the a·s² attention scores. */
  flashAttention?: boolean;
  /** Bytes per stored activation value: 2 for 16-bit training (the formula's assumption), 4 for fp32. */
  bytesPerValue?: 2 | 4;
  /** Tensor-parallel size t, and whether sequence parallelism splits the rest (Korthikanti et al. 2022, §4.2). */
  tensorParallel?: number;
  sequenceParallel?: boolean;
}

/** Per-layer s·b·h bytes that tensor parallelism does not split without sequence parallelism: 2 norm inputs (4), the
 * QKV
 * and MLP inputs (2 + 2), 2 dropout masks (2). */
const NOT_TENSOR_PARALLEL = 10;

/**
 * Bytes per s·b·h one layer stores for its backward pass, Korthikanti et al. 2022 §4.1 re-derived
 * term by term for grouped-query attention (g = kvHeads ÷ heads) and any MLP width (r = inner ÷ h):
 * attention — QKV input 2, Q 2, K 2g, V 2g, output-projection input 2, dropout mask 1;
 * MLP — input 2, then 2r per stored inner tensor: two for a plain MLP (activation input, output),
 * four for a gated one (gate and up outputs, the activation's output, their product), dropout mask 1;
 * two norm inputs 4. Total 14 + 4g + (4 or 8)·r, which is the paper's 34 at g = 1, r = 4, plain.
 * @example layerCoefficient({ hidden: 2048, heads: 32, kvHeads: 8, layers: 16, seqLen: 2048, intermediate: 8192, gated:
 * true }) // 47
 */
export function layerCoefficient(shape: ActivationShape): number {
  const g = (shape.kvHeads ?? shape.heads) / shape.heads;
  const r = (shape.intermediate ?? 4 * shape.hidden) / shape.hidden;
  const mlp = (shape.gated ? 8 : 4) * r * (shape.activeExperts ?? 1);
  return 14 + 4 * g + mlp;
}

/**
 * Activation bytes of one transformer layer for a micro batch b: s·b·h·(c + 5·a·s/h) with c from
 * `layerCoefficient` (34 for GPT-3's shape, Korthikanti et al. 2022 eq. 1), 16-bit activations and
 * 1-byte dropout masks, no recomputation. FlashAttention/SDPA does not store the 5·a·s²·b
 * scores. Tensor parallelism of size t divides all but 10·s·b·h (all with sequence parallelism)
 * and the scores (eq. 2 and 4).
 * @example layerActivationBytes({ hidden: 12288, heads: 96, layers: 96, seqLen: 2048 }, 1) // 2.87e9 (GPT-3 175B)
 */
export function layerActivationBytes(shape: ActivationShape, microBatch: number): number {
  const { seqLen: s, hidden: h, heads: a } = shape;
  const t = Math.max(1, shape.tensorParallel ?? 1);
  const c = layerCoefficient(shape);
  const kept = shape.sequenceParallel ? c / t : NOT_TENSOR_PARALLEL + (c - NOT_TENSOR_PARALLEL) / t;
  const scores = shape.flashAttention ? 0 : (5 * a * s) / (h * t);
  return s * microBatch * h * (kept + scores) * widthFactor(shape);
}

/**
 * Activations of one example with full activation checkpointing: every layer keeps only its
 * 16-bit input, 2·s·h (Korthikanti et al. 2022, §5: "2sbhL"), and the layer being recomputed
 * holds its full activations once during the backward pass.
 * @example checkpointedBytesPerExample(shape) // layers × 2sh + one layer
 */
export function checkpointedBytesPerExample(shape: ActivationShape): number {
  const inputs = shape.layers * 2 * shape.seqLen * shape.hidden * widthFactor(shape);
  return inputs + layerActivationBytes(shape, 1);
}

/**
 * Activation bytes for one example (one sequence) across the whole model: layers × one layer,
 * plus the fp32 logits 4·s·v when the vocabulary is known (Korthikanti et al. 2022, §4.1).
 * Exactly linear in the batch, so this is the slope m of M(B) = M₀ + m·B.
 * @example activationBytesPerExample({ hidden: 1600, heads: 25, layers: 48, seqLen: 1024, vocab: 50257 })
 */
export function activationBytesPerExample(shape: ActivationShape): number {
  return shape.layers * layerActivationBytes(shape, 1) + logitBytesPerExample(shape);
}

/** fp32 logits of one sequence, 4·s·v bytes (Korthikanti et al. 2022, §4.1); 0 without a vocabulary. */
export function logitBytesPerExample(shape: Pick<ActivationShape, "seqLen" | "vocab">): number {
  return shape.vocab ? 4 * shape.seqLen * shape.vocab : 0;
}

/** The formula counts 16-bit values; fp32 activations take twice the bytes. */
function widthFactor(shape: ActivationShape): number {
  return (shape.bytesPerValue ?? 2) / 2;
}

/** What `loraDropoutBytesPerExample` needs: the adapted module kinds and the widths of their inputs. */
export interface LoraDropoutShape {
  hidden: number;
  layers: number;
  seqLen: number;
  /** Width of the attention output (heads × head size), the output projection's input. */
  attentionWidth: number;
  /** MLP inner size, the down projection's input (per visited expert). */
  intermediate: number;
  activeExperts?: number;
  modules: string[];
  /** One adapter input for q, k and v (a fused projection), not one each. */
  fusedQkv?: boolean;
  bytesPerValue?: 2 | 4;
  /** With checkpointing only the layer being recomputed holds them. */
  checkpointing?: boolean;
}

/**
 * Bytes per example that LoRA's dropout adds to the layer count: with `lora_dropout` > 0 each
 * adapted module applies dropout to its input before the trainable A matrix, which keeps that
 * dropped copy (16-bit) for its weight gradient, and dropout keeps its 1-byte mask — 3 bytes per
 * input element, per adapted module (PEFT's `lora_dropout(x)` per module; LitGPT's fused query-key-
 * value projection has one). Without dropout the adapter reads the same input as the frozen
 * layer and adds nothing beyond its rank-r output. The output head's adapter counts once per example.
 * @example loraDropoutBytesPerExample({ hidden: 4096, layers: 32, seqLen: 512, attentionWidth: 4096, intermediate:
 * 11008, modules: ["q", "v"] }) // 32 × 2 × 3 × 512 × 4096
 */
export function loraDropoutBytesPerExample(o: LoraDropoutShape): number {
  const width = (o.bytesPerValue ?? 2) + 1;
  const inputs: Record<string, number> = {
    q: o.hidden,
    k: o.hidden,
    v: o.hidden,
    qkv: o.hidden,
    o: o.attentionWidth,
    gate: o.hidden,
    up: o.hidden,
    down: o.intermediate * (o.activeExperts ?? 1),
  };
  const kinds = new Set(o.modules);
  let perLayer = 0;
  if (o.fusedQkv && ["q", "k", "v", "qkv"].some((m) => kinds.has(m))) {
    perLayer += o.hidden;
    for (const m of ["q", "k", "v", "qkv"]) kinds.delete(m);
  }
  for (const m of kinds) perLayer += inputs[m] ?? 0;
  const layers = o.checkpointing ? 1 : o.layers;
  const head = kinds.has("lm_head") ? o.hidden : 0;
  return width * o.seqLen * (layers * perLayer + head);
}
