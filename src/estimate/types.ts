/**
 * The estimate stage's output contract: what `estimateChange` predicts for one `BatchChange`.
 * Every number is a `Quantity` that carries its interval, its unit and where it came from, so the
 * report can print provenance ("measured" or the model's name) and say "uncertain" instead of a
 * confident number. Only optional fields are ever added to these types.
 *
 * Conventions:
 * - Every ratio is new ÷ old (after ÷ before). Steps ratio 0.517 reads "1.93× fewer steps";
 *   examples ratio 1.034 reads "1.03× more examples".
 * - Bytes are plain bytes (the report formats GiB); times carry their unit: "s" for step times on
 *   the GPU, "ms" for the proxy's own.
 * - Words are the report's: a Note is an id with parameters, worded by src/report/messages.
 */

import type { BackendName } from "../proxy/types.js";
import type { BatchUnit, Role, Scalar } from "../detect/types.js";
import type { MethodKind, OptimizerKind, Workload } from "../workload/types.js";

export type Unit =
  | "ratio"
  | "ms"
  | "s"
  | "tokens/s"
  | "GPU-hours"
  | "ms/example"
  | "examples/s"
  | "bytes"
  | "bytes/example"
  | "examples"
  | "tokens"
  | "steps"
  | "learning-rate"
  | "nats";

/** `"measured"` on the proxy, or the name of the model that derived it. */
export type Provenance = "measured" | (string & {});

/** A number with its interval (when known), unit and provenance. */
export interface Quantity {
  value: number;
  /** Lower end of the interval (same unit). */
  low?: number;
  /** Upper end of the interval (same unit). */
  high?: number;
  unit: Unit;
  /** `"measured"`, or a model name, e.g. "McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)". */
  source: Provenance;
  /** True when the interval is too wide (config threshold) to show as a confident number. */
  uncertain?: boolean;
  /** Short English caveat, e.g. "proxy backend cpu: speed-ups from a GPU will differ". */
  note?: string;
}

/**
 * A message by id: the report's catalogue (src/report/messages) words it in each language from
 * `params`, which hold numbers, keys, paths and values as written — never a sentence.
 */
export interface Note {
  id: string;
  params?: Record<string, string | number>;
}

export type Level = "ok" | "info" | "warn" | "error";

// ---------------------------------------------------------------- speed

/** Where a speed comes from: the user's own job, the analytical model on their GPU, or the proxy on a GPU backend
 * (ratios only). */
export type SpeedBasis = "measured" | "analytical" | "proxy";

/** The GPU a step time is for, with the datasheet figures and the utilization used. */
export interface SpeedGpu {
  id: string;
  /** The bot-config key or input that named it. */
  from: string;
  /** Precision whose dense peak the arithmetic runs at. */
  precision: "fp32" | "tf32" | "bf16" | "fp16";
  peakFlops: number;
  bandwidthBytesPerSecond: number;
  interconnect: { kind: string; bytesPerSecond: number; direction: string };
  /** Vendor datasheet. */
  source: string;
  /** Achievable share of the peak and the published runs it comes from. */
  utilization: { value: number; low: number; high: number; basis: "measured" | "assumed"; source: string };
}

/** One side of the change as the step time was computed or measured. */
export interface SpeedSide {
  microBatch: number;
  accumulation: number;
  devices: number;
  /** Examples (sequences, images) per optimizer step over all devices. */
  examplesPerStep: number;
  /** Tokens per optimizer step over all devices, for language models. */
  tokensPerStep?: number;
  /** Hardware FLOPs of one optimizer step on one device. */
  flopsPerStep?: number;
  /** Which roofline limit set the micro-batch time. */
  bound?: "compute" | "memory";
  /** Model FLOPs utilization the predicted step time implies. */
  modelFlopsUtilization?: number;
  /** Seconds per step of gradient exchange the backward pass does not hide. */
  exposedSyncSeconds?: number;
  /** True when the user's measurements file timed this side. */
  measured: boolean;
}

export interface SpeedEstimate {
  basis: SpeedBasis;
  gpu?: SpeedGpu;
  sides: { before: SpeedSide; after: SpeedSide };
  /** Seconds per optimizer step on one device (`unit: "s"`). */
  stepTime: { before: Quantity; after: Quantity; ratio: Quantity };
  /** Tokens (or examples) per second over all devices. */
  throughput: { before: Quantity; after: Quantity; ratio: Quantity };
  /** Time per epoch, new ÷ old = throughput old ÷ throughput new. */
  epochTimeRatio: Quantity;
  /** Seconds per epoch, when the dataset size is known (`dataset.examples`). */
  epochTime?: { before: Quantity; after: Quantity; examples: number };
  /** Wall time to the same loss: steps ratio (convergence) × step-time ratio; seconds when the training length is
   * known.
   * */
  wallTime?: { ratio: Quantity; before?: Quantity; after?: Quantity; steps?: number };
  /** The PR keeps the training length (`max_steps` or `epochs`) as it was: what that does to examples, tokens and
   * GPU-hours. */
  fixedLength?: {
    kind: "steps" | "epochs";
    key: string;
    value: number;
    /** Examples (and tokens) processed, new ÷ old. */
    examplesRatio: number;
    /** GPU-hours over all devices, when the number of steps is known. */
    gpuHours?: { before: Quantity; after: Quantity };
    gpuHoursRatio: Quantity;
  };
  /** The proxy's step-time ratio on a GPU backend, shown beside the analytical one as a check of its shape. */
  proxyCheck?: { backend: BackendName; stepTimeRatio: Quantity };
  notes: Note[];
}

// ---------------------------------------------------------------- memory

export type OptimizerFamily = "adam" | "sgd-momentum" | "sgd" | "unknown";
export type Precision = "mixed" | "fp32" | "bf16" | "fp16";

export interface ProxyMemory {
  proxyBatch: { before: number; after: number };
  /** Peak = max(M₀ + m·B forward+backward fit, optimizer peak), on the proxy model. */
  before: Quantity;
  after: Quantity;
  ratio: Quantity;
  fixedBytes: number;
  perExampleBytes: number;
  optimizerPeakBytes: number;
}

export interface AnalyticalMemory {
  parameters: number;
  /** Parameters that receive gradients and optimizer states (all of them for a full fine-tune; LoRA's adapters). */
  trainableParameters: number;
  method: MethodKind;
  precision: Precision;
  optimizer: OptimizerFamily;
  optimizerKind: OptimizerKind;
  /** Bytes per trained parameter for weights + gradients + optimizer states before sharding (16 for mixed-precision
   * Adam). */
  bytesPerParameter: number;
  /** Plain-words account of the bytes per parameter, e.g. "2 (fp16 weights) + 2 (fp16 grads) + 12 (fp32 master, m, v)".
   * */
  bytesPerParameterWhy: string;
  /** Bytes per frozen parameter (16-bit, or NF4/int8 for a quantized base), when some are frozen. */
  frozenBytesPerParameter?: number;
  zeroStage: 0 | 1 | 2 | 3;
  devices: number;
  /** Devices the model states are sharded over (data-parallel ranks under ZeRO/FSDP; 1 without). */
  shardedOver: number;
  /** Per device, after sharding and tensor/pipeline splits. */
  weights: Quantity;
  gradients: Quantity;
  optimizerStates: Quantity;
  modelStates: Quantity;
  /** M₀ of M(B) = M₀ + m·B: model states plus the CUDA context. */
  fixedBytes: Quantity;
  /** m of M(B) = M₀ + m·B: activations plus logits of one example per device. */
  activationsPerExample?: Quantity;
  dimensions?: { hidden: number; layers: number; heads: number; seqLen: number; vocab?: number };
  /** Per-device micro batches the peaks below are for. */
  microBatch: { before: number | null; after: number | null };
  before?: Quantity;
  after?: Quantity;
}

/** Peak memory per device split by what holds it; each part with its own interval. */
export interface MemoryParts {
  weights: Quantity;
  gradients: Quantity;
  optimizer: Quantity;
  activations: Quantity;
  logits: Quantity;
  /** CUDA context and library workspaces: memory outside PyTorch's tensors. */
  reserve: Quantity;
}

/** The largest per-device batch whose predicted peak fits the budget, and how to keep the PR's effective batch with it.
 * */
export interface MaxBatchPerDevice {
  /** 0 when not even one example fits. */
  value: number;
  /** The PR's new per-device batch fits (value ≥ it). */
  fits: boolean;
  /** The largest batch that fits if the top of the peak's interval holds; absent when it is `value`. */
  low?: number;
  /** With `fits` and `low`: whether the new batch fits at the top of the interval too. */
  fitsAtHigh?: boolean;
  /** With `accumulation` and `low`: the split that fits even at the top of the interval, when smaller. */
  accumulationAtHigh?: { micro: number; accumulation: number; product: number };
  /** Per-device batch × accumulation with the same product as the PR's (per-device × accumulation), the per-device part
   * as large as fits. */
  accumulation?: { micro: number; accumulation: number; product: number };
  /** The budget solved against, in bytes, and where it came from. */
  budget: { bytes: number; from: string };
  /** M(B) = M₀ + m·B the solution used. */
  fit: { fixedBytes: number; perExampleBytes: number };
}

export interface CalibratedMemory {
  batch: number;
  peakBytes: number;
  /** Per-example bytes used to move from the calibration batch (analytical if known, else proxy). */
  perExampleBytes: Quantity;
  /** M₀ = M_cal − m·B_cal. */
  fixedBytes: Quantity;
  before?: Quantity;
  after?: Quantity;
}

export interface BudgetCheck {
  /** As written in the config: "40GiB", "+10%". */
  budget: string;
  kind: "absolute" | "relative";
  /** Absolute limit in bytes, or the allowed ratio new ÷ old (1.10 for "+10%"). */
  limit: number;
  level: "warn" | "error";
  /** "unknown" when the budget needs an absolute peak that could not be predicted. */
  status: "ok" | "warn" | "error" | "unknown";
  /** The number compared with the limit (bytes or ratio). */
  compared?: Quantity;
  /** The bot-config key the budget came from: `memory.budget`, or `hardware.gpu` (its memory less the reserve). */
  key?: "memory.budget" | "hardware.gpu";
  message: Note;
}

export interface MemoryEstimate {
  proxy?: ProxyMemory;
  model?: AnalyticalMemory;
  calibrated?: CalibratedMemory;
  /** The headline peak per device: calibrated, else analytical, else absent (only the proxy ratio is known). */
  /**
   * "activations": without the model's size or a calibration point, only bounds are known — no
   * growth if the fixed part dominates, the per-device batch's growth if activations do. The
   * proxy's own ratio is not used for the headline: its fixed part bears no relation to the model's.
   */
  peak: {
    before?: Quantity;
    after?: Quantity;
    ratio?: Quantity;
    basis: "measured" | "calibration" | "analytical" | "activations" | "proxy" | "none";
  };
  /** The analytical peak's parts at the old and new per-device batch. */
  parts?: { before?: MemoryParts; after?: MemoryParts };
  maxBatchPerDevice?: MaxBatchPerDevice;
  budget?: BudgetCheck;
  notes: Note[];
}

// ---------------------------------------------------------------- convergence

export type CriticalBatchSource = "direct" | "noise-scale" | "kaplan" | "your-critical-batch" | "your-noise-scale";

/**
 * Where the convergence estimate's B_crit comes from, most trusted first: the user's own
 * measurement, the user's model or data as the proxy, a published law, the bundled stand-in task.
 */
export type ConvergenceBasis = "your-measurement" | "your-proxy" | "published-law" | "stand-in";

/** How the batches B_crit is compared with were mapped from the user's; the report words each (`frame.<id>`). */
export type FrameHow = "your-measurement" | "your-proxy-same" | "your-proxy-ratio" | "published-law" | "stand-in";

/** A source that was not the most trusted one, shown as context. */
export interface ConvergenceAlternative {
  basis: ConvergenceBasis;
  source: CriticalBatchSource;
  bCrit: Quantity;
  stepsRatio: Quantity;
}

export interface CurvePoint {
  batchSize: number;
  /** Steps to the same loss relative to the old batch's steps (old = 1). */
  steps: number;
  /** Examples (epochs) relative to the old batch's (old = 1). */
  examples: number;
  /** Wall time relative to the old batch's, when the speed fit exists. */
  time?: number;
}

export interface ConvergenceEstimate {
  source: CriticalBatchSource;
  /** Which kind of source B_crit came from; absent only on estimates built directly by tests. */
  basis?: ConvergenceBasis;
  /** Only a lower bound on B_crit was resolved: the steps ratio spans perfect scaling to the bound. */
  lowerBound?: true;
  /** The less trusted sources, for context. */
  alternatives?: ConvergenceAlternative[];
  /** B_crit in the frame the ratios were computed in (proxy examples, or tokens for Kaplan). */
  bCrit: Quantity;
  /** The old and new batch in that frame (see docs/estimates.md: the user's ratio k is kept exact). */
  frame: { unit: BatchUnit; before: number; after: number; how: FrameHow };
  stepsRatio: Quantity;
  examplesRatio: Quantity;
  wallTimeRatio?: Quantity;
  /** Naive perfect scaling (steps ∝ 1/B) for comparison: old ÷ new. */
  perfectScalingStepsRatio: number;
  /** Kaplan et al. 2020 B_crit(L) as a second opinion, for language models with a known loss. */
  kaplan?: { loss: number; bCrit: Quantity; stepsRatio?: Quantity; examplesRatio?: Quantity };
  /** Points for a chart in the frame's units, the old and new batch included. */
  curve: CurvePoint[];
  /** `thresholds.largeBatchFactor`: past this multiple of B_crit a batch is in the large-batch zone (Keskar et al.
   * 2017). */
  largeBatchFactor?: number;
  marks: { before: number; after: number };
  notes: Note[];
}

// ---------------------------------------------------------------- learning rate

export type LearningRateRule = "linear" | "sqrt" | "none";
export type LearningRateStatus =
  | "unchanged-needs-scaling"
  | "matches-rule"
  | "differs-from-rule"
  | "framework-scales"
  | "not-needed"
  | "unknown";

export interface LearningRateAdvice {
  optimizer: string | null;
  family: OptimizerFamily;
  rule: LearningRateRule;
  /** Effective batch factor new ÷ old. */
  k: number | null;
  before: number | null;
  after: number | null;
  /** The rule's value for the new batch. */
  suggested?: Quantity;
  /** `suggested` written the way the user wrote theirs ("4.2e-4", "0.0006"). */
  suggestedRaw?: string;
  status: LearningRateStatus;
  /** Set when the framework already scales the LR with the batch. */
  frameworkScaling?: { mechanism: string; key: string; params?: Record<string, string | number>; line?: number };
  /** Adam-family companions under the square-root rule (Malladi et al. 2022). */
  /** Set when B_crit capped the rule: the plain rule's factor, the capped one, and B_crit in the frame's units. */
  capped?: { uncapped: number; factor: number; bCrit: number };
  adjustments: Array<{ name: "beta1" | "beta2" | "epsilon" | "warmup"; rule: string; before?: number; after?: number }>;
  message: Note;
  /** A limit on the advice, e.g. the new batch is past B_crit so the rule is only an upper bound. */
  caveat?: Note;
}

// ---------------------------------------------------------------- schedule

export interface ScheduleItem {
  key: string;
  role: Role;
  line: number;
  before: number | null;
  /** Scaled to keep the examples seen: round(before ÷ k). */
  suggested: number | null;
  /** Scaled to reach the same loss: round(before × steps ratio), for the training length when B_crit is known. */
  suggestedSameLoss?: number;
  /** The PR left this step count as it was at base while the batch changed. */
  unchanged?: true;
}

export interface ScheduleAdvice {
  countedIn: "steps" | "epochs" | "both" | "unknown";
  k: number | null;
  shouldScale: boolean;
  items: ScheduleItem[];
  /** Training-length keys (max steps, warm-up, decay points) the PR left unscaled while the batch changed. */
  leftUnscaled?: string[];
  message: Note;
}

// ---------------------------------------------------------------- risks and verdict

export type RiskId =
  | "past-critical-batch"
  | "generalisation-gap"
  | "very-small-batch"
  | "over-budget"
  | "unknown-batch-parts"
  | "proxy-partial"
  | "proxy-missing"
  | "noise-scale-early"
  | "speed-not-transferable"
  | "schedule-unscaled"
  | "batchnorm-statistics";

export interface Risk extends Note {
  id: RiskId;
  level: Exclude<Level, "ok">;
  /** Paper or rule behind the flag, e.g. "Keskar et al. 2017". */
  source?: string;
}

export interface Verdict extends Note {
  level: Exclude<Level, "info">;
}

/** Everything predicted for one batch change. */
export interface Estimate {
  change: { path: string; line: number; key: string; role: Role; framework: string; before: Scalar; after: Scalar };
  batch: { before: number | null; after: number | null; ratio: number | null; unit: BatchUnit };
  speed?: SpeedEstimate;
  memory: MemoryEstimate;
  convergence?: ConvergenceEstimate;
  learningRate: LearningRateAdvice;
  schedule: ScheduleAdvice;
  risks: Risk[];
  verdict: Verdict;
  /** How the inputs were read or assumed (ratio taken from one setting, sequence length assumed…). */
  notes?: Note[];
  /** What the head side trains, each field with its source (src/workload), when the caller read it. */
  workload?: Workload;
}
