import { headDimOf, parameterCount } from "./catalogue/parameter-count.js";
import type { LanguageModelEntry, ModelEntry } from "./catalogue/model-schema.js";
import type { ModelShape } from "./types.js";

/** The layout facts a hand-built shape assumes beyond its headline numbers (norm, biases, positions). */
export type Layout = Pick<LanguageModelEntry, "norm" | "bias" | "positions" | "activation" | "tiedEmbeddings">;

/** GPT-2's layout (nanoGPT, Megatron's defaults): LayerNorm, biases, learned positions, GELU, tied embeddings. */
export const GPT2_LAYOUT: Layout = {
  norm: "layernorm",
  bias: "all",
  positions: "learned",
  activation: "gelu",
  tiedEmbeddings: true,
};

/** Llama's layout, the default of most Hugging Face decoders since 2023: RMSNorm, no biases, rotary, SwiGLU. */
export const LLAMA_LAYOUT: Layout = {
  norm: "rmsnorm",
  bias: "none",
  positions: "rotary",
  activation: "silu-glu",
  tiedEmbeddings: false,
};

/**
 * The memory model's view of a catalogue entry; parameters counted the way the catalogue counts them.
 * @example shapeOfEntry(llama32_1b).kvHeads // 8
 */
export function shapeOfEntry(entry: ModelEntry): ModelShape {
  if (entry.kind === "vision") {
    return {
      id: entry.id,
      kind: "vision",
      parameters: entry.parameters,
      resolution: entry.resolution,
      ...(entry.activationBytesPerImage ? { activationBytesPerImage: entry.activationBytesPerImage } : {}),
    };
  }
  return {
    id: entry.id,
    kind: entry.kind,
    parameters: parameterCount(entry),
    hidden: entry.hidden,
    layers: entry.kind === "encoder-decoder" ? entry.layers + (entry.decoderLayers ?? entry.layers) : entry.layers,
    heads: entry.heads,
    kvHeads: entry.kvHeads,
    headDim: headDimOf(entry),
    intermediate: entry.intermediate,
    vocab: entry.vocab,
    tiedEmbeddings: entry.tiedEmbeddings,
    maxPositions: entry.maxPositions,
    gated: entry.activation === "silu-glu" || entry.activation === "gelu-glu",
    ...(entry.attentionSoftcap ? { attentionSoftcap: entry.attentionSoftcap } : {}),
    ...(entry.experts && entry.expertsPerToken
      ? {
          experts: {
            count: entry.experts,
            active: entry.expertsPerToken,
            intermediate: entry.moeIntermediate ?? entry.intermediate,
          },
        }
      : {}),
  };
}

export interface ShapeNumbers {
  id: string;
  hidden: number;
  layers: number;
  heads: number;
  kvHeads?: number;
  headDim?: number;
  intermediate?: number;
  vocab: number;
  maxPositions: number;
}

/**
 * A decoder shape from numbers a config wrote (nanoGPT, Megatron, a config.json), its parameters
 * counted with the catalogue's counter under the stated layout.
 * @example decoderShape({ id: "nanoGPT", hidden: 768, layers: 12, heads: 12, vocab: 50304, maxPositions: 1024 },
 * GPT2_LAYOUT).parameters
 */
export function decoderShape(n: ShapeNumbers, layout: Layout): ModelShape {
  const entry: LanguageModelEntry = {
    id: n.id,
    aliases: [],
    source: "https://example.invalid/config",
    kind: "decoder",
    family: "config",
    hidden: n.hidden,
    layers: n.layers,
    heads: n.heads,
    kvHeads: n.kvHeads ?? n.heads,
    ...(n.headDim ? { headDim: n.headDim } : {}),
    intermediate: n.intermediate ?? 4 * n.hidden,
    vocab: n.vocab,
    maxPositions: n.maxPositions,
    ...layout,
  };
  return shapeOfEntry(entry);
}
