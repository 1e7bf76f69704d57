/**
 * What the proxy stage is asked to do (`ProxyPlan`) and what it returns (`Measurements`): plain
 * data, no verdicts. `src/estimate/` turns Measurements into predictions.
 */

export type BackendName = "tensorflow-gpu" | "tensorflow" | "wasm" | "cpu";
export type ProxyModelKind = "mlp" | "cnn" | "transformer" | "user";
export type ProxyDataKind = "mnist" | "teacher-student" | "regression" | "tokens" | "user";
export type OptimizerKind = "sgd" | "momentum" | "adam";

export interface ProxyPlan {
  model: { kind: ProxyModelKind; /** Path of a Keras/TF.js `model.json` when kind is "user". */ topologyPath?: string; size?: "tiny" | "small" | "medium"; hidden?: number[] };
  data: { kind: ProxyDataKind; /** CSV/JSONL sample when kind is "user". */ samplePath?: string; labelNoise?: number; examples?: number };
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
}

export interface BackendInfo {
  name: BackendName;
  version: string;
  /** Backends tried before this one and why each was skipped ("@tensorflow/tfjs-node: not installed"). */
  skipped: Array<{ name: BackendName; reason: string }>;
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
  loss: number;
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
}

export interface NoiseScaleMeasurement {
  bSmall: number;
  bBig: number;
  /** B_simple = EMA(tr Σ) / EMA(|G|²) at the end of the measurement window. */
  bSimple: number;
  /** Bootstrap interval (2.5 %, 97.5 %) of B_simple. */
  interval: [number, number];
  /** Loss at which the reported value was taken: the noise scale grows as the loss falls. */
  atLoss: number;
  /** The loss at the start of training, to show how far along the curve the value was taken. */
  initialLoss: number;
  samples: NoiseSample[];
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
  parameters: number;
  steps: StepTiming[];
  memory: MemoryMeasurement;
  loss: LossCurve[];
  noise?: NoiseScaleMeasurement;
  criticalBatch?: CriticalBatchMeasurement;
  /** True when the time budget stopped the plan early; `partialReason` says where. */
  partial: boolean;
  partialReason?: string;
  wallSeconds: number;
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
}
