import type { DetectionReason, UnknownPart } from "./reason.js";
import type { ParseProblem } from "./parse-problem.js";
import type { DetectionWarning } from "./warning.js";

/**
 * Types that cross the detect stage. Parsers turn text into `Entry`s (a flat list of key paths
 * with values and 1-based lines); frameworks turn entries into `BatchSetting`s; the diff turns
 * two sides into `BatchChange`s.
 */

export type Format = "yaml" | "json" | "toml" | "python" | "shell" | "gin" | "jsonnet" | "powershell" | "text";

export type Scalar = string | number | boolean | null;

/** One leaf value found in a config, wherever the format put it. */
export interface Entry {
  /**
   * Key path from the root. YAML/JSON/TOML: nested keys (list items as their index, "0").
   * Python: assignment targets and dict keys; keyword arguments appear under the call's
   * dotted name, e.g. `["model.fit", "batch_size"]` or `["train_dataloader", "batch_size"]`
   * when the call is the value of an assignment. Shell/CLI flags: `["per_device_train_batch_size"]`
   * (leading dashes removed; dashes inside kept as written). Hydra overrides and yacs
   * `SOLVER.IMS_PER_BATCH 8` pairs: split on dots. A script's positional arguments: `["#1"]`,
   * `["#2"]`, … numbered like `$1` (`tools/dist_train.sh CONFIG 8` → `#2` = 8).
   */
  path: string[];
  /** The statically known value; `null` when `unknownReason` is set. */
  value: Scalar;
  /** The source text of the value, as written. */
  raw: string;
  line: number;
  column: number;
  /** Why the value cannot be known without running anything (`auto`, `${oc.env:BS}`, `$1`, …). */
  unknownReason?: DetectionReason;
  /**
   * Where the entry came from, for formats that need it: for shell, the command that carries
   * the flag (`torchrun`, `deepspeed`, `fairseq-train`, `python train.py`, `yolo train`);
   * for Python, the callee of a keyword argument (`TrainingArguments`, `dict`).
   */
  context?: string;
  /** YAML document index (0-based) in multi-document files. */
  document?: number;
  /** Path of the inherited file (Hydra default, `_base_`, `_BASE_`) the entry came from; unset for the file itself. */
  source?: string;
  /**
   * Where a value written elsewhere is used: `export BS=64` (the entry's line) used by `--bs $BS`
   * (here), or a Jsonnet `local` used by a field.
   */
  usedAt?: { line: number; raw: string };
}

export interface ParseError {
  /** In English, as `batch-advisor detect` prints it. */
  message: string;
  line?: number;
  column?: number;
  /** The same as a message id, for the report to word (src/detect/parse-problem.ts); not yet set by every parser. */
  problem?: ParseProblem;
}

/** A comment in the file, kept because comments often name devices or contradict the keys. */
export interface Comment {
  line: number;
  text: string;
}

export interface ParsedConfig {
  path: string;
  format: Format;
  entries: Entry[];
  comments: Comment[];
  errors: ParseError[];
}

export type Role =
  | "micro_batch"
  | "global_batch"
  | "grad_accum"
  | "devices"
  | "nodes"
  | "tensor_parallel"
  | "pipeline_parallel"
  | "context_parallel"
  /** Sequence (Ulysses) parallel: ranks that split one sequence, so they share one batch (DeepSpeed, accelerate
   * `sp_size`). */
  | "sequence_parallel"
  /** A data-parallel degree the framework states (nanotron `parallelism.dp`, torchtitan shard/replicate degrees);
   * several multiply. */
  | "data_parallel"
  | "tokens_per_batch"
  | "seq_len"
  | "learning_rate"
  | "optimizer"
  | "warmup"
  | "epochs"
  | "max_steps"
  /** A learning-rate decay point counted in steps (`milestones`, `lr_decay_iters`, `SOLVER.STEPS`). */
  | "decay_steps"
  /** How often to evaluate, save or log, counted in steps (`eval_steps`, `save_steps`, `eval_interval`). */
  | "eval_interval"
  | "eval_batch"
  | "batch_type"
  | "nominal_batch"
  | "lr_scaling"
  /** A global batch that grows during training (Megatron `--rampup-batch-size start incr samples`). */
  | "batch_rampup";

/** A batch-related setting, with what it means in its framework. */
export interface BatchSetting {
  role: Role;
  /** Dotted key path as the user would write it (`train_dataloader.batch_size`, `--batch-size`). */
  key: string;
  value: Scalar;
  raw: string;
  line: number;
  column?: number;
  unknownReason?: DetectionReason;
  /** Path of the inherited file that set it, when not the file itself. */
  source?: string;
  /** Set when `source` is the launch script that runs the config rather than a file it inherits. */
  launcher?: boolean;
}

export type BatchUnit = "samples" | "tokens";

export interface EffectiveBatch {
  /** micro × accumulation × data-parallel devices, or the explicit global batch; null if any part is unknown. */
  value: number | null;
  unit: BatchUnit;
  /** Human-readable derivation, e.g. "8 (per device) × 4 (accumulation) × 2 (devices) = 64". */
  formula: string;
  /** Parts that could not be known, each with why (a launcher's devices, a value set at run time). */
  unknown: UnknownPart[];
  /**
   * Parts taken from a framework's or script's default because the file does not set them
   * (`assumed.default`: "per-device batch: assumed default of 8 (transformers TrainingArguments)").
   * The value stands on these assumptions.
   */
  assumed?: DetectionReason[];
  parts: {
    micro: number | null;
    accum: number | null;
    devices: number | null;
    /** Tokens per example when the batch is counted in tokens (sequence length). */
    seqLen?: number | null;
  };
}

export interface FileReport {
  path: string;
  format: Format;
  /** Framework id from the catalogue, or "generic". */
  framework: string;
  settings: BatchSetting[];
  effective: EffectiveBatch;
  /** What disagrees in the file (src/detect/warning.ts), worded by the report. */
  warnings: DetectionWarning[];
  errors: ParseError[];
}

export interface BatchChange {
  path: string;
  /** Line at head (1-based); where the setting was removed, the line at base. */
  line: number;
  baseLine?: number;
  framework: string;
  role: Role;
  key: string;
  before: Scalar;
  after: Scalar;
  effective: { before: number | null; after: number | null; ratio: number | null };
  learningRate: { before: Scalar; after: Scalar };
  /** Unknown parts of the effective batch on either side. */
  unknown: UnknownPart[];
  /** Set when the change comes from an inherited file (base config) rather than this file. */
  inheritedFrom?: string;
  /**
   * Set when the change is in the launch script that runs this config (`deepspeed --num_gpus 8`,
   * `#SBATCH --nodes=2`): the script's path, also in `inheritedFrom`; `line` is in that script.
   */
  launchScript?: string;
  /**
   * A side whose value is written but cannot be read as a number (`${oc.env:BS}`, `auto`, a
   * Python call): the value as written and why. A finding in itself, never "no change".
   */
  unreadable?: Array<{ side: "before" | "after"; raw: string; reason: DetectionReason }>;
}

/** What the caller knows that configs do not say: devices from the bot config or a CLI flag. */
export interface DetectOptions {
  devices?: number;
}
