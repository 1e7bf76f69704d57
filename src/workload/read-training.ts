import type { BotConfig } from "../config/schema.js";
import type { BatchSetting, Entry } from "../detect/types.js";
import { fromBotConfig, fromDefault, fromEntry, unknown } from "./field.js";
import { asBoolean, asCount, findEntry } from "./find-entry.js";
import type { WorkloadReason } from "./reason.js";
import type { Field, OptimizerKind, Workload, WorkloadPrecision } from "./types.js";

export interface TrainingInput {
  entries: Entry[];
  settings: BatchSetting[];
  file: string;
  framework: string;
  config: BotConfig;
}

type Training = Pick<Workload, "precision" | "optimizer" | "seqLen" | "checkpointing" | "attention" | "packing">;

/**
 * Precision, optimizer, sequence length and the activation-memory techniques (checkpointing,
 * FlashAttention/SDPA, packing) of one config side, each from its key and line, the framework's
 * default (named), the bot config, or unknown.
 * @example readTraining({ entries, settings, file: "sft.yaml", framework: "huggingface", config }).precision.value
 *   // "mixed"
 */
export function readTraining(input: TrainingInput): Training {
  return {
    precision: readPrecision(input),
    optimizer: readOptimizer(input),
    seqLen: readSeqLen(input),
    checkpointing: readCheckpointing(input),
    attention: readAttention(input),
    packing: readPacking(input),
  };
}

function readPrecision({ entries, file, framework, config }: TrainingInput): Field<WorkloadPrecision> {
  // 16-bit weights loaded for training keep Adam's states in 16 bits too: no fp32 master copy.
  const loaded = findEntry(entries, ["torch_dtype", "model_init_kwargs.torch_dtype"]);
  if (loaded && /^(bfloat16|bf16)$/i.test(String(loaded.value))) return fromEntry("bf16", loaded, file);
  if (loaded && /^(float16|fp16|half)$/i.test(String(loaded.value))) return fromEntry("fp16", loaded, file);
  const pure = findEntry(entries, ["pure_bf16"]);
  if (pure && asBoolean(pure.value)) return fromEntry("bf16", pure, file);
  const precision = findEntry(entries, ["precision", "trainer.precision", "mixed_precision"]);
  if (precision && precision.value !== null) {
    const v = String(precision.value).toLowerCase();
    if (/true$/.test(v) && /bf16/.test(v)) return fromEntry("bf16", precision, file);
    if (/true$/.test(v) && /16/.test(v)) return fromEntry("fp16", precision, file);
    if (/^(bf16|16|fp16)(-mixed)?$/.test(v) || v === "amp" || v === "mixed") return fromEntry("mixed", precision, file);
    if (/^(32|32-true|no|fp32|float32)$/.test(v)) return fromEntry("fp32", precision, file);
  }
  for (const name of ["bf16", "fp16"]) {
    const flag = findEntry(entries, [name]);
    const on = flag ? (flag.value === "auto" ? true : asBoolean(flag.value)) : undefined;
    if (flag && on) return fromEntry("mixed", flag, file);
  }
  const dtype = findEntry(entries, ["dtype"]);
  if (dtype && typeof dtype.value === "string") {
    const v = dtype.value.toLowerCase();
    // torchtune trains its weights in the dtype it names; nanoGPT's dtype is the autocast type over fp32 weights.
    const sixteen = /^(bf16|bfloat16|fp16|float16)$/.test(v);
    if (sixteen && framework === "torchtune") return fromEntry(v.startsWith("b") ? "bf16" : "fp16", dtype, file);
    if (sixteen) return fromEntry("mixed", dtype, file);
    if (/^(fp32|float32)$/.test(v)) return fromEntry("fp32", dtype, file);
  }
  if (config.model.precision) return fromBotConfig(config.model.precision, "model.precision");
  const fallback = PRECISION_DEFAULTS[framework];
  return fallback ? fromDefault(fallback.value, framework, fallback.what) : unknown({ id: "unknown.noPrecision" });
}

const PRECISION_DEFAULTS: Record<string, { value: WorkloadPrecision; what: WorkloadReason }> = {
  huggingface: { value: "fp32", what: { id: "default.precision.transformers" } },
  axolotl: { value: "fp32", what: { id: "default.precision.axolotl" } },
  nanogpt: { value: "mixed", what: { id: "default.precision.nanogpt" } },
  torchtune: { value: "bf16", what: { id: "default.precision.torchtune" } },
  lightning: { value: "fp32", what: { id: "default.key", params: { key: "Trainer.precision", value: "32-true" } } },
  megatron: { value: "fp32", what: { id: "default.precision.megatron" } },
};

/**
 * The kind of an optimizer as written, by the states it keeps: bitsandbytes/torchao 8-bit states,
 * paged (CPU-spillable) variants, Adafactor (and CAME, factored too), Lion, RMSprop and Adagrad (one
 * squared-gradient average), the Adam family (two moments: Adam, AdamW, NAdam, RAdam, Adamax, LAMB,
 * Adadelta, Sophia), SGD with momentum (and LARS) and plain SGD. The learning-rate rules read their
 * family from this kind (src/estimate/optimizer-family.ts).
 * @example optimizerKind("paged_adamw_8bit") // "paged-adamw-8bit"
 */
export function optimizerKind(name: string): OptimizerKind | undefined {
  const n = name.toLowerCase();
  if (/paged.*(8bit|8_bit)/.test(n)) return "paged-adamw-8bit";
  if (/paged.*32bit|paged_?adamw?$/.test(n)) return "paged-adamw-32bit";
  if (/lion/.test(n)) return "lion";
  if (/(8bit|8_bit|bnb)/.test(n)) return "adamw-8bit";
  if (/adafactor|came/.test(n)) return "adafactor";
  if (/rmsprop|adagrad/.test(n)) return "rmsprop";
  if (/adam|lamb|adadelta|sophia/.test(n)) return "adamw";
  if (/momentum|nesterov|lars/.test(n)) return "sgd-momentum";
  if (/sgd/.test(n)) return "sgd";
  return undefined;
}

/** What each framework trains with when the config names no optimizer: the one table of these defaults. */
const OPTIMIZER_DEFAULTS: Record<string, { value: OptimizerKind; what: WorkloadReason }> = {
  huggingface: {
    value: "adamw",
    what: { id: "default.key", params: { key: "TrainingArguments.optim", value: "adamw_torch" } },
  },
  axolotl: { value: "adamw", what: { id: "default.key", params: { key: "optimizer", value: "adamw_torch" } } },
  nanogpt: { value: "adamw", what: { id: "default.optimizer.nanogpt" } },
  megatron: { value: "adamw", what: { id: "default.key", params: { key: "--optimizer", value: "adam" } } },
  litgpt: { value: "adamw", what: { id: "default.key", params: { key: "optimizer", value: "AdamW" } } },
  timm: { value: "sgd-momentum", what: { id: "default.optimizer.timm" } },
  detectron2: { value: "sgd-momentum", what: { id: "default.optimizer.detectron2" } },
};

function readOptimizer({ entries, settings, file, framework, config }: TrainingInput): Field<OptimizerKind> {
  const setting = settings.find((s) => s.role === "optimizer" && typeof s.value === "string");
  const entry = findEntry(entries, ["optim", "optimizer._component_", "optimizer.type", "optimizer"]);
  const written = setting
    ? { name: String(setting.value), key: setting.key, line: setting.line, file: setting.source ?? file }
    : entry && typeof entry.value === "string"
      ? { name: entry.value, key: entry.path.join("."), line: entry.line, file: entry.source ?? file }
      : undefined;
  if (written && written.name.toLowerCase() !== "auto") {
    const kind = optimizerKind(written.name);
    const source = { kind: "config" as const, file: written.file, key: written.key, line: written.line };
    if (kind) return { value: kind, source };
    return unknown(
      { id: "unknown.optimizerUnknown", params: { name: written.name } },
      {
        key: written.key,
        line: written.line,
        file: written.file,
      },
    );
  }
  if (config.model.optimizer) {
    const kind = optimizerKind(config.model.optimizer === "momentum" ? "sgd-momentum" : config.model.optimizer);
    if (kind) return fromBotConfig(kind, "model.optimizer");
  }
  const fallback = OPTIMIZER_DEFAULTS[framework];
  return fallback ? fromDefault(fallback.value, framework, fallback.what) : unknown({ id: "unknown.noOptimizer" });
}

const SEQ_KEYS = [
  "max_seq_length",
  "sequence_len",
  "cutoff_len",
  "max_seq_len",
  "block_size",
  "seq_length",
  "max_length",
  "seq-length",
  "max_target_length",
];

function readSeqLen({ entries, settings, file, framework, config }: TrainingInput): Field<number> {
  const setting = settings.find((s) => s.role === "seq_len" && asCount(s.value));
  if (setting)
    return {
      value: asCount(setting.value)!,
      source: { kind: "config", file: setting.source ?? file, key: setting.key, line: setting.line },
    };
  const entry = findEntry(entries, SEQ_KEYS);
  if (entry && asCount(entry.value)) return fromEntry(asCount(entry.value)!, entry, file);
  if (config.model.seqLen) return fromBotConfig(config.model.seqLen, "model.seqLen");
  if (framework === "nanogpt")
    return fromDefault(1024, "nanogpt", { id: "default.key", params: { key: "block_size", value: "1024" } });
  return unknown({ id: "unknown.noSeqLen" });
}

function readCheckpointing({ entries, file, framework }: TrainingInput): Field<boolean> {
  const on = findEntry(entries, [
    "gradient_checkpointing",
    "enable_activation_checkpointing",
    "activation_checkpointing",
    "recompute_granularity",
    "recompute-granularity",
    "recompute_activations",
    "recompute-activations",
  ]);
  if (on) {
    const v = on.value;
    const value =
      typeof v === "string" && /full|selective|true/i.test(v) ? /full|true/i.test(v) : (asBoolean(v) ?? false);
    return fromEntry(value, on, file);
  }
  const disabled = findEntry(entries, ["disable_gradient_checkpointing"]);
  if (disabled) return fromEntry(!asBoolean(disabled.value), disabled, file);
  // LLaMA-Factory checkpoints by default (disable_gradient_checkpointing: false).
  if (findEntry(entries, ["finetuning_type"]))
    return fromDefault(true, "LLaMA-Factory", { id: "default.checkpointing.llamaFactory" });
  const off: Record<string, WorkloadReason> = {
    huggingface: { id: "default.key", params: { key: "TrainingArguments.gradient_checkpointing", value: "false" } },
    axolotl: { id: "default.unset", params: { key: "gradient_checkpointing" } },
    torchtune: { id: "default.unset", params: { key: "enable_activation_checkpointing" } },
    nanogpt: { id: "default.checkpointing.nanogpt" },
    megatron: { id: "default.unset", params: { key: "--recompute-granularity" } },
  };
  return off[framework] ? fromDefault(false, framework, off[framework]) : unknown({ id: "unknown.checkpointing" });
}

function readAttention({ entries, file, framework }: TrainingInput): Field<"flash" | "sdpa" | "eager"> {
  const impl = findEntry(entries, ["attn_implementation", "model_init_kwargs.attn_implementation", "flash_attn"]);
  if (impl && typeof impl.value === "string") {
    const v = impl.value.toLowerCase();
    if (/flash|fa2|fa3/.test(v)) return fromEntry("flash", impl, file);
    if (/sdpa|auto/.test(v)) return fromEntry("sdpa", impl, file);
    if (/eager|disabled/.test(v)) return fromEntry("eager", impl, file);
  }
  const flag = findEntry(entries, [
    "flash_attention",
    "use_flash_attn",
    "use-flash-attn",
    "use_flash_attention",
    "sdp_attention",
  ]);
  if (flag && asBoolean(flag.value))
    return fromEntry(flag.path[flag.path.length - 1] === "sdp_attention" ? "sdpa" : "flash", flag, file);
  const defaults: Record<string, WorkloadReason> = {
    huggingface: { id: "default.attention.transformers" },
    axolotl: { id: "default.attention.transformers" },
    torchtune: { id: "default.attention.sdpa", params: { who: "torchtune" } },
    // PyTorch ≥ 2.0, which nanoGPT requires.
    nanogpt: { id: "default.attention.sdpa", params: { who: "nanoGPT model.py" } },
    litgpt: { id: "default.attention.sdpa", params: { who: "LitGPT" } },
  };
  return defaults[framework]
    ? fromDefault("sdpa", framework, defaults[framework])
    : unknown({ id: "unknown.attention" });
}

function readPacking({ entries, file }: TrainingInput): Field<boolean> {
  const entry = findEntry(entries, ["packing", "sample_packing", "packed", "neat_packing"]);
  if (entry && asBoolean(entry.value) !== undefined) return fromEntry(asBoolean(entry.value)!, entry, file);
  return fromDefault(false, "any", { id: "default.packing" });
}
