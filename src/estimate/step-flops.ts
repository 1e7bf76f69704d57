/**
 * What the speed model needs to know about the network to count its floating-point operations.
 * A transformer is counted from its matmul weights and attention shape; a vision model or a small
 * MLP/CNN from its forward FLOPs per example (a catalogue table, or the proxy's own count).
 */
export type FlopsModel =
  | {
      kind: "transformer";
      /** Weights used in a matrix multiply per token: all linear layers and the output head, not the input-embedding
       * lookup; MoE counts the active experts only. */
      matmulParameters: number;
      /** Of those, the weights that receive a gradient (all for a full fine-tune; LoRA's adapters; the unfrozen
       * layers).
       * */
      trainableMatmulParameters: number;
      layers: number;
      /** heads × head width: the width of Q·Kᵀ and A·V. */
      attentionWidth: number;
      seqLen: number;
    }
  | {
      kind: "per-example";
      /** Forward FLOPs of one example (a multiply-add counts 2). */
      forwardFlops: number;
      /** Share of the weight FLOPs whose weights are trained (1 for a full fine-tune). */
      trainableShare: number;
      /** Where the forward count came from, e.g. "torchvision table: 4.09 GMACs at 224 px". */
      from: string;
    };

/** FLOPs of one micro-batch on one device, by part, and the two totals the speed model uses. */
export interface MicroBatchFlops {
  forward: number;
  /** Gradients with respect to activations: as costly as the forward for every weight, and twice the attention scores'
   * forward. */
  backwardActivations: number;
  /** Gradients with respect to the trained weights only: frozen weights skip this. */
  backwardWeights: number;
  /** Activation checkpointing runs the forward again during the backward pass. */
  recompute: number;
  /** What the GPU executes: the sum of the parts. */
  hardware: number;
  /** The work the model needs, without recomputation: what model FLOPs utilization (MFU) divides by. */
  model: number;
  /** Tokens (or examples, for per-example models) in the micro-batch. */
  tokens: number;
}

/**
 * FLOPs of one training micro-batch of `examples` sequences (or images) on one device.
 *
 * Transformer, per token (Kaplan et al. 2020 §2.1; the attention term as PaLM, Chowdhery et al.
 * 2022 App. B, and MosaicML's llm-foundry count it): forward 2·N matmul FLOPs + 4·L·s·w for
 * Q·Kᵀ and A·V; the backward pass costs one forward for activation gradients, another 2·N_trained
 * for weight gradients (so LoRA and frozen layers save up to a third), and twice the attention
 * forward; checkpointing adds one more forward. Full training of all weights is the familiar
 * 6·N + 12·L·s·w per token.
 * @example microBatchFlops({ kind: "transformer", matmulParameters: 1e9, trainableMatmulParameters: 1e9, layers: 24,
 * attentionWidth: 2048, seqLen: 2048 }, { examples: 1, checkpointing: false }).model // ≈ 1.35e13
 */
export function microBatchFlops(
  model: FlopsModel,
  options: { examples: number; checkpointing: boolean },
): MicroBatchFlops {
  const { examples, checkpointing } = options;
  if (model.kind === "per-example") {
    const forward = model.forwardFlops * examples;
    const backwardActivations = forward;
    const backwardWeights = forward * model.trainableShare;
    const recompute = checkpointing ? forward : 0;
    const model_ = forward + backwardActivations + backwardWeights;
    return {
      forward,
      backwardActivations,
      backwardWeights,
      recompute,
      hardware: model_ + recompute,
      model: model_,
      tokens: examples,
    };
  }
  const tokens = examples * model.seqLen;
  const weightsForward = 2 * model.matmulParameters * tokens;
  const attentionForward = 4 * model.layers * model.seqLen * model.attentionWidth * tokens;
  const forward = weightsForward + attentionForward;
  const backwardActivations = weightsForward + 2 * attentionForward;
  const backwardWeights = 2 * model.trainableMatmulParameters * tokens;
  const recompute = checkpointing ? forward : 0;
  const useful = forward + backwardActivations + backwardWeights;
  return {
    forward,
    backwardActivations,
    backwardWeights,
    recompute,
    hardware: useful + recompute,
    model: useful,
    tokens,
  };
}

/** The shape facts a transformer's FLOPs need, as the workload's ModelShape carries them. */
export interface TransformerShape {
  parameters: number;
  hidden?: number;
  layers?: number;
  heads?: number;
  headDim?: number;
  vocab?: number;
  tiedEmbeddings?: boolean;
  gated?: boolean;
  experts?: { count: number; active: number; intermediate: number };
}

/**
 * Weights a token passes through in matrix multiplies: the total less the input-embedding table
 * when the output head has its own copy (a lookup is no multiply), less the experts a token does
 * not visit in a mixture of experts. Without the vocabulary size the total stands.
 * @example matmulParameters({ parameters: 494e6, hidden: 896, vocab: 151936, tiedEmbeddings: true }) // 494e6
 */
export function matmulParameters(shape: TransformerShape): number {
  let n = shape.parameters;
  if (shape.vocab && shape.hidden && shape.tiedEmbeddings === false) n -= shape.vocab * shape.hidden;
  if (shape.experts && shape.layers && shape.hidden) {
    const perExpert = (shape.gated === false ? 2 : 3) * shape.hidden * shape.experts.intermediate;
    n -= shape.layers * (shape.experts.count - shape.experts.active) * perExpert;
  }
  return Math.max(n, 0);
}
