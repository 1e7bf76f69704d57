import type { WorkloadReason } from "./reason.js";

/**
 * The workload stage's output contract: what is being trained, read from one side of a config,
 * its framework's defaults and the bot config. Every field is `{ value, source }`; a field that
 * cannot be known has `value: null` and an `unknown` source with the reason, never a silent default.
 */

/** Where a workload value came from, so the report can name it. */
export type WorkloadSource =
  /** A key of the training config (or a file it names), with its line. */
  | { kind: "config"; file: string; key: string; line: number }
  /** What the framework does when the config says nothing, named. */
  | { kind: "default"; framework: string; what: WorkloadReason }
  /** A bundled catalogue entry and the public page its facts came from. */
  | { kind: "catalogue"; id: string; url: string }
  /** A key of `.github/batch-advisor.yml`. */
  | { kind: "bot-config"; key: string }
  /** Computed from other fields (their sources are on those fields). */
  | { kind: "derived"; from: WorkloadReason }
  | {
      kind: "unknown";
      reason: WorkloadReason;
      /** What to add so it becomes known (a `model:` block, a catalogue entry), worded by the report. */
      hint?: WorkloadReason;
      /** Catalogue names closest to an unknown model id. */
      closest?: string[];
      /** The config key and line that named what could not be resolved. */
      key?: string;
      line?: number;
      file?: string;
    };

export interface Field<T> {
  value: T | null;
  source: WorkloadSource;
}

/** A transformer's shape, or a vision model's size, as the memory model needs it. */
export interface ModelShape {
  /** Catalogue id, or the name the config gave. */
  id: string;
  kind: "decoder" | "moe-decoder" | "encoder" | "encoder-decoder" | "vision";
  /** Total parameters (the catalogue's count, or counted from the shape). */
  parameters: number;
  hidden?: number;
  layers?: number;
  heads?: number;
  kvHeads?: number;
  /** Per-head width; hidden ÷ heads unless the model sets it apart. */
  headDim?: number;
  intermediate?: number;
  vocab?: number;
  tiedEmbeddings?: boolean;
  maxPositions?: number;
  /** Gated MLP (SwiGLU/GeGLU): three projections instead of two. */
  gated?: boolean;
  /** Mixture of experts: experts per layer, how many each token visits, and each expert's inner size. */
  experts?: { count: number; active: number; intermediate: number };
  /**
   * Attention logit soft-capping (config.json `attn_logit_softcapping`, Gemma 2: 50): scores pass
   * through cap·tanh(scores ÷ cap) before the softmax, which the fused attention kernels LitGPT calls
   * cannot do, so it computes the scores eagerly and keeps them.
   */
  attentionSoftcap?: number;
  /** Vision: activation bytes one image keeps for the backward pass at `resolution` (fp32). */
  activationBytesPerImage?: number;
  resolution?: number;
}

export type MethodKind = "full" | "lora" | "qlora" | "frozen";

/** Base weights of a LoRA model: 16-bit, 8-bit (LLM.int8) or 4-bit NF4 (QLoRA), with or without double quantization. */
export type BaseQuantization = "none" | "int8" | "nf4" | "nf4-double";

/** A linear layer kind the memory model can size. `qkv` is a fused projection (GPT-2 `c_attn`). */
export type ModuleKind = "q" | "k" | "v" | "o" | "qkv" | "gate" | "up" | "down" | "lm_head";

export interface LoraSpec {
  rank: number;
  alpha: number | null;
  /** Target modules as written (`q_proj`, `all-linear`, torchtune `output_proj`). */
  targets: string[];
  /** The module kinds the targets resolve to. */
  modules: ModuleKind[];
  /**
   * Dropout on each adapter's input (`lora_dropout`, or the framework's default). Above 0 every
   * adapted module keeps a dropped copy of its input and the mask for the backward pass.
   */
  dropout?: number;
  /** One adapter input for the query, key and value parts (LitGPT's fused `attn` projection), not one each. */
  fusedQkv?: boolean;
}

export type WorkloadPrecision = "mixed" | "bf16" | "fp16" | "fp32";

export type OptimizerKind =
  | "adamw"
  | "adamw-8bit"
  | "paged-adamw-8bit"
  | "paged-adamw-32bit"
  | "adafactor"
  | "sgd"
  | "sgd-momentum"
  | "lion"
  /** RMSprop and Adagrad: one running average of squared gradients per weight. */
  | "rmsprop";

export interface ZeroSpec {
  stage: 0 | 1 | 2 | 3;
  offloadOptimizer: boolean;
  offloadParameters: boolean;
  /** The DeepSpeed JSON it was read from. */
  file?: string;
}

export type FsdpStrategy = "full" | "shard-grad-op" | "hybrid" | "no-shard";

export interface GpuSpec {
  id: string;
  memoryBytes: number;
  /** The vendor datasheet the memory size was read from. */
  url: string;
}

/** Everything the memory (and later speed) model needs to know about one side of a change. */
export interface Workload {
  model: Field<ModelShape>;
  parameters: Field<number>;
  trainableParameters: Field<number>;
  method: Field<MethodKind>;
  lora: Field<LoraSpec>;
  baseQuantization: Field<BaseQuantization>;
  precision: Field<WorkloadPrecision>;
  optimizer: Field<OptimizerKind>;
  seqLen: Field<number>;
  checkpointing: Field<boolean>;
  /** "flash"/"sdpa" do not store the a·s² attention scores; "eager" does. */
  attention: Field<"flash" | "sdpa" | "eager">;
  packing: Field<boolean>;
  /**
   * The bitsandbytes version or requirement as the user's repository pins it ("==0.42.0",
   * ">=0.45.2,<0.46") or the bot config states it; unknown when neither does.
   */
  bitsandbytes: Field<string>;
  zero: Field<ZeroSpec>;
  fsdp: Field<FsdpStrategy>;
  parallel: { tensor: Field<number>; pipeline: Field<number>; sequence: Field<boolean>; context: Field<number> };
  devices: Field<number>;
  gpu: Field<GpuSpec>;
  /** Problems with the inputs, each naming its key and line; the rest of the workload still holds. */
  issues: WorkloadIssue[];
}

export interface WorkloadIssue {
  id:
    | "unknown-model"
    | "unknown-model-name"
    | "config-json-missing"
    | "config-json-invalid"
    | "lora-target-unknown"
    | "deepspeed-missing"
    | "deepspeed-invalid";
  key: string;
  file?: string;
  line?: number;
  /** What the report's Note (`workload-<id>`) says it with: keys, paths and names as written, a library's error. */
  params?: Record<string, string | number>;
}
