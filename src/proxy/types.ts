/**
 * What the proxy stage is asked to do (`ProxyPlan`) and what it returns (`Measurements`): plain
 * data, no verdicts. `src/estimate/` turns Measurements into predictions.
 */

import type { BackendSkip } from "./backend-skip.js";
import type { DataDescription } from "./data/data-description.js";

export type BackendName = "tensorflow-gpu" | "tensorflow" | "wasm" | "cpu";
export type ProxyModelKind = "mlp" | "cnn" | "transformer" | "user";
export type ProxyDataKind = "mnist" | "teacher-student" | "regression" | "tokens" | "user";
export type OptimizerKind = "sgd" | "momentum" | "adam";

export interface ProxyPlan {
  model: {
    kind: ProxyModelKind /** Path of a Keras/TF.js `model.json` when kind is "user". */;
    topologyPath?: string;
    size?: "tiny" | "small" | "medium";
    hidden?: number[];
  };
  data: {
    kind: ProxyDataKind;
    /** CSV/JSONL sample when kind is "user". */
    samplePath?: string;
    /** Label noise: probability of a random class (teacher-student), noise σ (regression). */
    labelNoise?: number;
    /** Training examples (sequences for tokens). */
    examples?: number;
    /** Label column of a user sample; default label/target/y/class, else the last column. */
    labelColumn?: string;
  };
  /** The old and new batch sizes of the change (proxy scale), in that order. */
  batchSizes: [number, number];
  /** Extra batch sizes for the memory and step-time fits. */
  fitBatchSizes?: number[];
  optimizer: OptimizerKind;
  learningRate: number;
  seed: number;
  /** Wall-clock budget for the whole plan; when hit, measurements are marked partial. */
  timeBudgetSeconds: number;
  /** Examples each batch size sees in the loss-curve comparison. */
  examplesPerCurve?: number;
  /** Run the direct critical-batch measurement (several short runs to a target loss). */
  directCriticalBatch?: boolean;
  /** Gradient-noise-scale phase settings; `false` skips the phase. */
  noise?: false | NoisePlan;
  /** The real batch sizes this plan stands for, when they were scaled down to proxy size. */
  realBatchSizes?: [number, number];
  /** How the proxy batch sizes were derived from the real ones, in words. */
  batchMapping?: string;
}

export interface NoisePlan {
  /** The batch the phase trains at; default the smaller of batchSizes. */
  trainBatch?: number;
  /**
   * Before training, a short search for the learning rate at trainBatch: the plan's rate for that
   * batch times each multiplier, `steps` steps each from the same start, lowest held-out loss wins.
   */
  learningRateSearch?: { multipliers: number[]; steps: number };
  /** B_small of the gradient-norm samples; default trainBatch, at least 16. */
  smallBatch?: number;
  /** B_big = multiple × B_small, as the mean of that many micro-batch gradients (default 8). */
  bigBatchMultiple?: number;
  /** Gradient-norm samples taken along the curve (default 24). */
  samples?: number;
  /** Training steps between samples, so values are taken along the curve (default 4). */
  stepsBetween?: number;
  /** Decay of the bias-corrected EMAs of |G|² and tr Σ (default 0.9). */
  emaDecay?: number;
  /**
   * Warm-up ends when the smoothed loss fell less than this fraction of its total fall over the
   * last half of warm-up (default 0.05)…
   */
  flattenFraction?: number;
  /** …or after this many examples, whichever first (default: the examples of one loss curve). */
  maxWarmupExamples?: number;
}

/** What a proxy is: its model's shape (quoted as written) and what its data is, as a message id. */
export interface ProxyAbout {
  model: string;
  data: DataDescription;
}

export interface BackendInfo {
  name: BackendName;
  version: string;
  /**
   * Backends tried before this one and why each was skipped ("@tensorflow/tfjs-node is not
   * installed"), with the same as an id (src/proxy/backend-skip.ts).
   */
  skipped: Array<{ name: BackendName; reason: string; why?: BackendSkip }>;
  /** Threads, SIMD, device name where the backend tells. */
  details?: Record<string, string | number | boolean>;
}

export interface StepTiming {
  batchSize: number;
  /** Milliseconds per training step after warm-up. */
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  repeats: number;
  samplesPerSecond: number;
}

export interface MemoryPoint {
  batchSize: number;
  /** Peak tensor bytes during forward + backward (linear in B). */
  forwardBackwardBytes: number;
  /** Peak tensor bytes during the optimizer update (flat in B). */
  optimizerBytes: number;
}

export interface LinearFit {
  intercept: number;
  slope: number;
  r2: number;
}

export interface MemoryMeasurement {
  points: MemoryPoint[];
  /** M(B) = intercept + slope·B for forward+backward; the optimizer peak is a constant of its own. */
  forwardBackwardFit: LinearFit;
  optimizerPeakBytes: number;
  /** Bytes held by parameters (and optimizer slots) between steps. */
  parameterBytes: number;
  rssBytes: number;
}

export interface LossPoint {
  step: number;
  examples: number;
  /** Mean training (mini-batch) loss over the steps since the previous point. */
  loss: number;
  /** Loss on a fixed held-out batch at this point, the same batch for every curve. */
  evalLoss?: number;
}

export interface LossCurve {
  batchSize: number;
  learningRate: number;
  points: LossPoint[];
}

export interface NoiseSample {
  step: number;
  /** Training loss at which the gradients were taken. */
  loss: number;
  /** Squared norms of the mean gradient at the small and the big batch. */
  gSmallSq: number;
  gBigSq: number;
  /** Unbiased per-sample estimates (McCandlish et al. 2018, App. A.1) before smoothing. */
  gTrueSq: number;
  traceSigma: number;
  /** The same in Adam's preconditioned metric (Σ pᵢ·gᵢ², pᵢ = 1/(√v̂ᵢ + ε)), when the optimizer is Adam. */
  preconditioned?: { gSmallSq: number; gBigSq: number; gTrueSq: number; traceSigma: number };
}

export interface NoiseScaleMeasurement {
  bSmall: number;
  bBig: number;
  /** B_simple = EMA(tr Σ) / EMA(|G|²) at the end of the measurement window, in `metric`. */
  bSimple: number;
  /** Bootstrap interval (2.5 %, 97.5 %) of B_simple. */
  interval: [number, number];
  /**
   * The metric of the norms: "adam-preconditioned" (tr(PΣ)/GᵀPG with Adam's P = 1/(√v̂ + ε), the
   * noise scale of the update Adam takes) or "euclidean" (tr Σ/|G|², the update of SGD). Absent in
   * measurements written before the distinction, which were euclidean.
   */
  metric?: "adam-preconditioned" | "euclidean";
  /** The euclidean B_simple beside an Adam-preconditioned one, for context. */
  euclidean?: { bSimple: number; interval: [number, number] };
  /** Loss at which the reported value was taken: the noise scale grows as the loss falls. */
  atLoss: number;
  /** The loss at the start of training, to show how far along the curve the value was taken. */
  initialLoss: number;
  samples: NoiseSample[];
  /** Examples trained before the first sample, at `trainBatchSize` with `learningRate` (the noise temperature ε/B). */
  trainedExamples?: number;
  trainBatchSize?: number;
  learningRate?: number;
}

export interface CriticalBatchMeasurement {
  /** From a fit of S(B) = S_min·(1 + B_crit/B) to steps-to-target at several batch sizes. */
  bCrit: number;
  sMin: number;
  targetLoss: number;
  points: Array<{ batchSize: number; steps: number | null; learningRate: number }>;
  r2: number;
  learningRateRule: string;
}

export interface Measurements {
  backend: BackendInfo;
  plan: ProxyPlan;
  /** Human-readable proxy description, e.g. "mlp 784-256-128-10 on MNIST (10 000 real digits)". */
  description: string;
  /** The same as its model's shape and its data's message id, for the report's languages. */
  about?: ProxyAbout;
  parameters: number;
  steps: StepTiming[];
  memory: MemoryMeasurement;
  loss: LossCurve[];
  noise?: NoiseScaleMeasurement;
  criticalBatch?: CriticalBatchMeasurement;
  /** True when the time budget stopped the plan early; `partialReason` says where. */
  partial: boolean;
  partialReason?: string;
  /** Rows of the report the budget left out, in words (one per phase it stopped). */
  missingRows?: string[];
  /** The phase that was running when the budget or an abort stopped the plan. */
  partialPhase?: ProgressEvent["phase"];
  wallSeconds: number;
  /** Tokens per example for language-model proxies (batch sizes count sequences of this many tokens). */
  tokensPerExample?: number;
  /** Matmul/conv FLOPs of one training example (forward + backward), for throughput-vs-peak comparisons. */
  flopsPerExample?: number;
  /** What the data is, e.g. "MNIST (9000 real digits for training, 1000 held out)". */
  dataDescription?: string;
  /** Things the reader should know: skipped measurements and why, fits that did not converge. */
  notes?: string[];
}

export interface ProgressEvent {
  phase: "backend" | "data" | "timing" | "memory" | "loss" | "noise" | "critical-batch";
  step: number;
  total: number;
  message?: string;
}

export interface RunOptions {
  /** Force a backend instead of the fallback order. */
  backend?: BackendName;
  onProgress?: (event: ProgressEvent) => void;
  /** Aborts cleanly between steps; the measurements come back partial. */
  signal?: AbortSignal;
  /** Directory of the tfjs wasm binaries (default: BATCH_ADVISOR_WASM_DIR, beside the module, node_modules). */
  wasmDir?: string;
  /** Directory that relative topology/sample paths are resolved against and must stay inside (default: cwd). */
  baseDir?: string;
}
