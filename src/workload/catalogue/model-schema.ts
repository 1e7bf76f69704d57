import { z } from "zod";

const count = z.number().int().positive();
const url = z.url();

/** A parameter total someone else published (model card, paper table, safetensors total), with where it was read. */
export const publishedCountSchema = z.strictObject({
  count,
  source: url,
  /** What the figure covers when that is not obvious ("text model only", "with pooler"). */
  note: z.string().optional(),
});

const common = {
  /** Hugging Face repo id (`meta-llama/Llama-3.2-1B`); timm/torchvision/Ultralytics name for vision models. */
  id: z.string().min(1),
  /** Other names configs use for the same weights shape: lowercase short names, torchtune builders, LitGPT names. */
  aliases: z.array(z.string().min(1)),
  /** The public file the numbers were read from (a `config.json` on the Hub, a vendor table). */
  source: url,
  /** Where the copy of that file was actually read when the Hub itself was out of reach (a mirror in a public
   * repository). */
  readVia: z.string().optional(),
  publishedParameters: publishedCountSchema.optional(),
};

/**
 * One language model's shape, with the `config.json` names beside each field:
 * hidden = hidden_size, layers = num_hidden_layers, heads = num_attention_heads,
 * kvHeads = num_key_value_heads, headDim = head_dim, intermediate = intermediate_size,
 * vocab = vocab_size, tiedEmbeddings = tie_word_embeddings, maxPositions = max_position_embeddings.
 * The layout fields below (norm, bias, positions, …) are what parameterCount needs beyond the
 * config's headline numbers; each follows the architecture's Hugging Face implementation.
 */
export const languageModelSchema = z
  .strictObject({
    ...common,
    kind: z.enum(["decoder", "encoder", "encoder-decoder", "moe-decoder"]),
    family: z.string().min(1),
    hidden: count,
    layers: count,
    heads: count,
    kvHeads: count,
    /** Set only when config.json sets head_dim apart from hidden/heads (Gemma, Qwen3, T5's d_kv). */
    headDim: count.optional(),
    intermediate: count,
    vocab: count,
    tiedEmbeddings: z.boolean(),
    maxPositions: count,
    activation: z.enum(["silu-glu", "gelu-glu", "gelu", "relu"]),
    /** rmsnorm: one weight vector; layernorm: weight and bias; layernorm-no-affine: none (OLMo 1). */
    norm: z.enum(["rmsnorm", "layernorm", "layernorm-no-affine"]),
    /** Norms inside each block: 2 for pre-norm blocks, 1 for a shared parallel-block norm (Phi-2, Falcon-7B), 4 for
     * Gemma 2/3's sandwich. */
    normsPerLayer: count.optional(),
    /** Which linear layers carry a bias: none (Llama), qkv (Qwen2), all (GPT-2, BERT, Phi-2). */
    bias: z.enum(["none", "qkv", "all"]),
    /** Per-head RMSNorm on queries and keys (Qwen3, Gemma 3, OLMo 2 normalise the full width). */
    qkNorm: z.enum(["head", "full"]).optional(),
    /** The output projection has a bias of its own (Phi-2). */
    lmHeadBias: z.boolean().optional(),
    /** learned: a position table of maxPositions rows; rotary/relative/alibi add no table. */
    positions: z.enum(["rotary", "learned", "relative"]),
    /** Token-type embeddings (BERT: 2, RoBERTa: 1). */
    typeVocab: count.optional(),
    /** BertModel/RobertaModel checkpoints carry a pooler (dense h×h + bias). */
    pooler: z.boolean().optional(),
    experts: count.optional(),
    expertsPerToken: count.optional(),
    /** Each expert's inner size when it differs from intermediate (Qwen3-MoE's moe_intermediate_size). */
    moeIntermediate: count.optional(),
    /** T5-style decoder depth (num_decoder_layers). */
    decoderLayers: count.optional(),
    /** T5's relative_attention_num_buckets. */
    relativeBuckets: count.optional(),
    /** config.json `attn_logit_softcapping` (Gemma 2: 50.0); absent when the config sets none or null. */
    attentionSoftcap: z.number().positive().optional(),
  })
  .refine((m) => m.heads % m.kvHeads === 0, { message: "heads must be a multiple of kvHeads", path: ["kvHeads"] })
  .refine((m) => (m.kind === "moe-decoder") === (m.experts !== undefined && m.expertsPerToken !== undefined), {
    message: "moe-decoder entries, and only they, set experts and expertsPerToken",
    path: ["experts"],
  })
  .refine((m) => (m.kind === "encoder-decoder") === (m.decoderLayers !== undefined), {
    message: "encoder-decoder entries, and only they, set decoderLayers",
    path: ["decoderLayers"],
  });

/** A vision model: its size and compute come from a published table, not from a shape. */
export const visionModelSchema = z.strictObject({
  ...common,
  kind: z.literal("vision"),
  family: z.string().min(1),
  parameters: count,
  /** Forward compute for one image at `resolution`, in billions, exactly as the table prints it (see flopsConvention).
   * */
  gflops: z.number().positive(),
  /** How the table counts: "flops" (a multiply-add is 2, Ultralytics) or "macs" (a multiply-add is 1, torchvision's
   * "GFLOPS" column). */
  flopsConvention: z.enum(["flops", "macs"]),
  /** Square input side the table was measured at (224, 640). */
  resolution: count,
  /** Bytes of activations kept for backward per image at `resolution`, fp32; absent when neither published nor derived.
   * */
  activationBytesPerImage: count.optional(),
  /** How activationBytesPerImage was obtained when it was derived rather than measured. */
  derivation: z.string().optional(),
  hasBatchNorm: z.boolean(),
});

export const modelEntrySchema = z.union([languageModelSchema, visionModelSchema]);

/** One family file: `models/<family>.json`. */
export const modelFamilyFileSchema = z.strictObject({
  family: z.string().min(1),
  /** What the family's numbers were read from, in a sentence (for docs/models-and-gpus.md). */
  about: z.string().optional(),
  models: z.array(modelEntrySchema).min(1),
});

export type LanguageModelEntry = z.infer<typeof languageModelSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type ModelFamilyFile = z.infer<typeof modelFamilyFileSchema>;
