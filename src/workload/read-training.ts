import type { BotConfig } from "../config/schema.js";
import type { BatchSetting, Entry } from "../detect/types.js";
import { fromBotConfig, fromDefault, fromEntry, unknown } from "./field.js";
import { asBoolean, asCount, findEntry } from "./find-entry.js";
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
 * @example readTraining({ entries, settings, file: "sft.yaml", framework: "huggingface", config }).precision.value // "mixed"
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
  return fallback ? fromDefault(fallback.value, framework, fallback.what) : unknown("the config sets no precision");
}

const PRECISION_DEFAULTS: Record<string, { value: WorkloadPrecision; what: string }> = {
  huggingface: { value: "fp32", what: "TrainingArguments bf16 and fp16 default to false (fp32)" },
  axolotl: { value: "fp32", what: "bf16 and fp16 unset (fp32)" },
  nanogpt: { value: "mixed", what: "train.py autocasts to bfloat16 (float16 without bf16 support) over fp32 weights" },
  torchtune: { value: "bf16", what: "the recipes' default dtype: bf16" },
  lightning: { value: "fp32", what: "Trainer precision defaults to 32-true" },
  megatron: { value: "fp32", what: "fp32 unless --bf16 or --fp16" },
};

/** bitsandbytes/torchao 8-bit states, paged (CPU-spillable) variants, Adafactor, Lion, SGD. */
export function optimizerKind(name: string): OptimizerKind | undefined {
  const n = name.toLowerCase();
  if (/paged.*(8bit|8_bit)/.test(n)) return "paged-adamw-8bit";
  if (/paged.*32bit|paged_?adamw?$/.test(n)) return "paged-adamw-32bit";
  if (/lion/.test(n)) return "lion";
  if (/(8bit|8_bit|bnb)/.test(n)) return "adamw-8bit";
  if (/adafactor/.test(n)) return "adafactor";
  if (/adam|lamb/.test(n)) return "adamw";
  if (/momentum|nesterov/.test(n)) return "sgd-momentum";
  if (/sgd/.test(n)) return "sgd";
  return undefined;
}

const OPTIMIZER_DEFAULTS: Record<string, { value: OptimizerKind; what: string }> = {
  huggingface: { value: "adamw", what: "TrainingArguments optim defaults to adamw_torch" },
  axolotl: { value: "adamw", what: "optimizer defaults to adamw_torch" },
  nanogpt: { value: "adamw", what: "train.py builds torch.optim.AdamW" },
  megatron: { value: "adamw", what: "--optimizer defaults to adam" },
  litgpt: { value: "adamw", what: "optimizer defaults to AdamW" },
  timm: { value: "sgd-momentum", what: "--opt defaults to sgd (momentum 0.9)" },
  detectron2: { value: "sgd-momentum", what: "SOLVER uses SGD with momentum 0.9" },
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
    return unknown(`${written.name} is not an optimizer the memory model knows`, {
      key: written.key,
      line: written.line,
      file: written.file,
    });
  }
  if (config.model.optimizer) {
    const kind = optimizerKind(config.model.optimizer === "momentum" ? "sgd-momentum" : config.model.optimizer);
    if (kind) return fromBotConfig(kind, "model.optimizer");
  }
  const fallback = OPTIMIZER_DEFAULTS[framework];
  return fallback ? fromDefault(fallback.value, framework, fallback.what) : unknown("the config names no optimizer");
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
  if (framework === "nanogpt") return fromDefault(1024, "nanogpt", "train.py block_size = 1024");
  return unknown("the config sets no sequence length");
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
    return fromDefault(
      true,
      "LLaMA-Factory",
      "gradient checkpointing is on unless disable_gradient_checkpointing: true",
    );
  const off: Record<string, string> = {
    huggingface: "TrainingArguments gradient_checkpointing defaults to false",
    axolotl: "gradient_checkpointing unset",
    torchtune: "enable_activation_checkpointing unset",
    nanogpt: "train.py does not checkpoint activations",
    megatron: "no --recompute-granularity",
  };
  return off[framework]
    ? fromDefault(false, framework, off[framework])
    : unknown("the config does not say whether activations are checkpointed");
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
  const defaults: Record<string, string> = {
    huggingface: "transformers ≥ 4.36 loads PyTorch SDPA attention by default",
    axolotl: "transformers ≥ 4.36 loads PyTorch SDPA attention by default",
    torchtune: "torchtune's attention calls PyTorch scaled_dot_product_attention",
    nanogpt: "model.py uses PyTorch scaled_dot_product_attention (PyTorch ≥ 2.0)",
    litgpt: "LitGPT calls PyTorch scaled_dot_product_attention",
  };
  return defaults[framework]
    ? fromDefault("sdpa", framework, defaults[framework])
    : unknown("the config does not say which attention kernel runs");
}

function readPacking({ entries, file }: TrainingInput): Field<boolean> {
  const entry = findEntry(entries, ["packing", "sample_packing", "packed", "neat_packing"]);
  if (entry && asBoolean(entry.value) !== undefined) return fromEntry(asBoolean(entry.value)!, entry, file);
  return fromDefault(false, "any", "no packing is set: sequences are padded, so the longest batch sets the peak");
}
