import type { BatchChange, BatchSetting, FileReport } from "../../src/detect/types.js";
import type { Measurements, StepTiming } from "../../src/proxy/types.js";

/** A step timing with a ±10% spread, as the proxy reports it. */
export function timing(batchSize: number, medianMs: number): StepTiming {
  return {
    batchSize,
    medianMs,
    p10Ms: medianMs * 0.9,
    p90Ms: medianMs * 1.1,
    repeats: 20,
    samplesPerSecond: (batchSize / medianMs) * 1000,
  };
}

export function setting(
  role: BatchSetting["role"],
  key: string,
  value: BatchSetting["value"],
  line = 1,
  raw = String(value),
): BatchSetting {
  return { role, key, value, raw, line };
}

/** Fixed proxy measurements: t(B) = 2 + 0.25·B ms; peak = 1 MB + 10 kB·B; B_simple 900 (700–1100). */
export function measurements(overrides: Partial<Measurements> = {}): Measurements {
  const ms = (b: number) => 2 + 0.25 * b;
  return {
    backend: { name: "tensorflow-gpu", version: "4.22.0", skipped: [] },
    plan: {
      model: { kind: "mlp" },
      data: { kind: "mnist" },
      batchSizes: [32, 64],
      optimizer: "sgd",
      learningRate: 0.1,
      seed: 1,
      timeBudgetSeconds: 30,
    },
    description: "mlp 784-128-10 on MNIST",
    parameters: 101_770,
    steps: [16, 32, 64, 128].map((b) => timing(b, ms(b))),
    memory: {
      points: [16, 32, 64, 128].map((b) => ({
        batchSize: b,
        forwardBackwardBytes: 1e6 + 1e4 * b,
        optimizerBytes: 8e5,
      })),
      forwardBackwardFit: { intercept: 1e6, slope: 1e4, r2: 1 },
      optimizerPeakBytes: 8e5,
      parameterBytes: 4e5,
      rssBytes: 2e8,
    },
    loss: [],
    noise: { bSmall: 32, bBig: 256, bSimple: 900, interval: [700, 1100], atLoss: 0.3, initialLoss: 2.3, samples: [] },
    partial: false,
    wallSeconds: 12,
    ...overrides,
  };
}

export function fileReport(
  settings: BatchSetting[],
  effective: Partial<FileReport["effective"]> = {},
  framework = "huggingface",
): FileReport {
  return {
    path: "train.yaml",
    format: "yaml",
    framework,
    settings,
    effective: {
      value: 64,
      unit: "samples",
      formula: "",
      unknown: [],
      parts: { micro: 64, accum: 1, devices: 1 },
      ...effective,
    },
    warnings: [],
    errors: [],
  };
}

export function batchChange(overrides: Partial<BatchChange> = {}): BatchChange {
  return {
    path: "train.yaml",
    line: 3,
    framework: "huggingface",
    role: "micro_batch",
    key: "per_device_train_batch_size",
    before: 32,
    after: 64,
    effective: { before: 32, after: 64, ratio: 2 },
    learningRate: { before: 3e-4, after: 3e-4 },
    unknown: [],
    ...overrides,
  };
}
