/**
 * Fixed inputs for the report tests: Estimates, Measurements and FileReports written out by hand
 * (curves follow S(B) = S_min(1 + B_crit/B) so the chart and the table agree), one per scenario.
 */
import type { BatchChange, FileReport } from "../../src/detect/types.js";
import type { ConvergenceEstimate, Estimate, MemoryParts, Quantity } from "../../src/estimate/types.js";
import type { Measurements } from "../../src/proxy/types.js";
import type { RenderCommentInput } from "../../src/report/render-comment.js";
import type { HeadText } from "../../src/report/suggestions.js";
import type { ChangeGroup } from "../../src/report/types.js";
import type { Language } from "../../src/config/schema.js";
import type { DetectionReason, UnknownPart } from "../../src/detect/reason.js";

const STEPS = "McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)";
const EXAMPLES = "McCandlish et al. 2018 E(B)=E_min(1+B/B_crit)";
const WALL = "McCandlish et al. 2018 S(B) × step time t(B) on your GPU";
const NOISE = "McCandlish et al. 2018 B_crit ≈ B_simple (noise scale)";
const ACTIVATIONS = "Korthikanti et al. 2022 sbh(34 + 5as/h) per layer";
const STATES = "ZeRO (Rajbhandari et al. 2020) bytes per parameter";
const CALIBRATION = "calibration point M₀ = M_cal − m·B_cal";
const SQRT = "Malladi et al. 2022 square-root scaling rule";
const KAPLAN = "Kaplan et al. 2020 B_crit(L)=2·10⁸/L^(1/0.21) tokens";
const GiB = 2 ** 30;

const q = (value: number, unit: Quantity["unit"], source: string, extra: Partial<Quantity> = {}): Quantity => ({
  value,
  unit,
  source,
  ...extra,
});

/** Steps, examples (and time) relative to the old batch, at batch sizes from ÷4 to ×4 around the change. */
function curve(bCrit: number, before: number, after: number, speed?: (b: number) => number) {
  const s = (b: number) => 1 + bCrit / b;
  const e = (b: number) => 1 + b / bCrit;
  const [lo, hi] = [Math.min(before, after), Math.max(before, after)];
  const sizes = [...new Set([lo / 4, lo / 2, lo, hi, hi * 2, hi * 4].map((b) => Math.round(b)))].filter((b) => b > 0);
  return sizes.map((b) => ({
    batchSize: b,
    steps: s(b) / s(before),
    examples: e(b) / e(before),
    ...(speed ? { time: (s(b) / s(before)) * (speed(b) / speed(before)) } : {}),
  }));
}

function sorted(a: number, b: number) {
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

function convergence(o: {
  bCrit: Quantity;
  before: number;
  after: number;
  unit?: "samples" | "tokens";
  source?: ConvergenceEstimate["source"];
  speed?: (b: number) => number;
  uncertain?: boolean;
  wall?: Quantity;
}): ConvergenceEstimate {
  const b = o.bCrit.value;
  const steps = (1 + b / o.after) / (1 + b / o.before);
  const examples = (1 + o.after / b) / (1 + o.before / b);
  const lo = o.bCrit.low ?? b;
  const hi = o.bCrit.high ?? b;
  const stepsAt = (x: number) => (1 + x / o.after) / (1 + x / o.before);
  const examplesAt = (x: number) => (1 + o.after / x) / (1 + o.before / x);
  return {
    source: o.source ?? "noise-scale",
    bCrit: o.bCrit,
    frame: {
      unit: o.unit ?? "samples",
      before: o.before,
      after: o.after,
      how: o.source === "kaplan" ? "published-law" : "stand-in",
    },
    stepsRatio: q(steps, "ratio", STEPS, {
      ...sorted(stepsAt(hi), stepsAt(lo)),
      ...(o.uncertain ? { uncertain: true } : {}),
    }),
    examplesRatio: q(examples, "ratio", EXAMPLES, {
      ...sorted(examplesAt(hi), examplesAt(lo)),
      ...(o.uncertain ? { uncertain: true } : {}),
    }),
    ...(o.wall ? { wallTimeRatio: o.wall } : {}),
    perfectScalingStepsRatio: o.before / o.after,
    curve: curve(b, o.before, o.after, o.speed),
    marks: { before: o.before, after: o.after },
    largeBatchFactor: 2,
    notes: [],
  };
}

export function measurements(
  o: { description?: string; backend?: Measurements["backend"]["name"]; partial?: string } = {},
): Measurements {
  const backend = o.backend ?? "wasm";
  const description = o.description ?? "mlp 784-256-128-10 on MNIST (9000 real digits for training, 1000 held out)";
  return {
    backend: {
      name: backend,
      version: "4.22.0",
      skipped:
        backend === "wasm"
          ? [
              {
                name: "tensorflow-gpu",
                reason: "@tensorflow/tfjs-node-gpu is not installed",
                why: { id: "backend.notInstalled", params: { pkg: "@tensorflow/tfjs-node-gpu" } },
              },
              {
                name: "tensorflow",
                reason:
                  "@tensorflow/tfjs-node failed to load: The Node.js native addon module " +
                  "(tfjs_binding.node) can not be found",
                why: {
                  id: "backend.failed",
                  params: {
                    pkg: "@tensorflow/tfjs-node",
                    error: "The Node.js native addon module (tfjs_binding.node) can not be found",
                  },
                },
              },
            ]
          : [],
      details: backend === "wasm" ? { threads: 2, simd: true } : { device: "NVIDIA A100-SXM4-40GB" },
    },
    plan: {
      model: { kind: "mlp", size: "small" },
      data: { kind: "mnist", examples: 10000 },
      batchSizes: [32, 64],
      fitBatchSizes: [16, 128],
      optimizer: "adam",
      learningRate: 0.001,
      seed: 1234,
      timeBudgetSeconds: 30,
      examplesPerCurve: 20000,
    },
    description,
    // As src/proxy/run-proxy.ts gives it: the model's shape, and the MNIST sample as an id.
    about: { model: description.split(" on ")[0], data: { id: "data.mnist", params: { train: 9000, held: 1000 } } },
    parameters: 235146,
    steps: [16, 32, 64, 128].map((b) => ({
      batchSize: b,
      medianMs: 2 + 0.1 * b,
      p10Ms: 1.9 + 0.095 * b,
      p90Ms: 2.2 + 0.11 * b,
      repeats: 20,
      samplesPerSecond: (b / (2 + 0.1 * b)) * 1000,
    })),
    memory: {
      points: [16, 32, 64, 128].map((b) => ({
        batchSize: b,
        forwardBackwardBytes: 3_000_000 + 12_000 * b,
        optimizerBytes: 2_900_000,
      })),
      forwardBackwardFit: { intercept: 3_000_000, slope: 12_000, r2: 0.999 },
      optimizerPeakBytes: 2_900_000,
      parameterBytes: 940_584,
      rssBytes: 210_000_000,
    },
    loss: [32, 64].map((b) => ({
      batchSize: b,
      learningRate: 0.001,
      points: [0, 100, 200, 312].map((step) => ({ step, examples: step * b, loss: 2.3 / (1 + step / 50) })),
    })),
    noise: {
      bSmall: 32,
      bBig: 256,
      bSimple: 900,
      interval: [700, 1150],
      atLoss: 0.31,
      initialLoss: 2.3,
      samples: Array.from({ length: 40 }, (_, i) => ({
        step: 200 + i,
        loss: 0.31,
        gSmallSq: 1,
        gBigSq: 0.2,
        gTrueSq: 0.1,
        traceSigma: 90,
      })),
    },
    partial: o.partial !== undefined,
    ...(o.partial ? { partialReason: o.partial, partialPhase: "noise" as const } : {}),
    wallSeconds: 24.3,
  };
}

function change(
  o: Partial<BatchChange> & Pick<BatchChange, "path" | "line" | "key" | "role" | "before" | "after">,
): BatchChange {
  return {
    framework: "huggingface",
    effective: { before: null, after: null, ratio: null },
    learningRate: { before: 1e-4, after: 1e-4 },
    unknown: [],
    ...o,
  };
}

function file(o: Partial<FileReport> & Pick<FileReport, "path" | "settings" | "effective">): FileReport {
  return { format: "yaml", framework: "huggingface", warnings: [], errors: [], ...o };
}

// ---------------------------------------------------------------- batch up: 32 → 64, Adam, lr unchanged

const finetuneYaml = `model_name_or_path: meta-llama/Llama-3.2-1B
output_dir: out/finetune
num_train_epochs: 3
per_device_train_batch_size: 64
gradient_accumulation_steps: 1
learning_rate: 1.0e-4
optim: adamw_torch
bf16: true
`;

const ROOFLINE =
  "roofline step time: FLOPs per step at published achievable utilization, memory floor, overlapped all-reduce";
const ON_JOB = "measured on your job (runs/measurements.json)";
const CALIBRATED = "roofline step-time ratio applied to the step measured on your job (runs/measurements.json)";
const A100: NonNullable<Estimate["speed"]>["gpu"] = {
  id: "A100-80GB",
  from: "hardware.gpu",
  precision: "bf16",
  peakFlops: 312e12,
  bandwidthBytesPerSecond: 2.039e12,
  interconnect: { kind: "NVLink", bytesPerSecond: 600e9, direction: "bidirectional" },
  source:
    "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/" +
    "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf",
  utilization: {
    value: 0.49,
    low: 0.34,
    high: 0.61,
    basis: "measured",
    source: "u = 0.68·h/(h + 340) fitted to 7 published A100-80GB runs",
  },
};

function side(
  microBatch: number,
  devices: number,
  measured: boolean,
): NonNullable<Estimate["speed"]>["sides"]["before"] {
  return { microBatch, accumulation: 1, devices, examplesPerStep: microBatch * devices, measured };
}

function batchUp(path = "configs/finetune.yaml"): { group: ChangeGroup; file: FileReport } {
  const speedAt = (b: number) => (2 + 0.1 * b) / b;
  const estimate: Estimate = {
    change: {
      path,
      line: 4,
      key: "per_device_train_batch_size",
      role: "micro_batch",
      framework: "huggingface",
      before: 32,
      after: 64,
    },
    batch: { before: 32, after: 64, ratio: 2, unit: "samples" },
    speed: {
      basis: "analytical",
      gpu: A100,
      sides: { before: side(32, 1, false), after: side(64, 1, false) },
      stepTime: {
        before: q(0.52, "s", ROOFLINE, { low: 0.42, high: 0.74 }),
        after: q(1.03, "s", ROOFLINE, { low: 0.83, high: 1.47 }),
        ratio: q(1.98, "ratio", ROOFLINE, { low: 1.97, high: 1.99 }),
      },
      throughput: {
        before: q(61.5, "examples/s", ROOFLINE, { low: 43.2, high: 76.2 }),
        after: q(62.1, "examples/s", ROOFLINE, { low: 43.5, high: 77.1 }),
        ratio: q(1.01, "ratio", ROOFLINE, { low: 1.005, high: 1.015 }),
      },
      epochTimeRatio: q(0.99, "ratio", ROOFLINE, { low: 0.985, high: 0.995 }),
      epochTime: {
        before: q(1625, "s", ROOFLINE, { low: 1313, high: 2313 }),
        after: q(1609, "s", ROOFLINE, { low: 1297, high: 2297 }),
        examples: 100_000,
      },
      notes: [],
    },
    memory: {
      model: {
        parameters: 1.24e9,
        trainableParameters: 1.24e9,
        method: "full",
        optimizerKind: "adamw",
        shardedOver: 1,
        fixedBytes: q(19.84e9 + 0.75 * GiB, "bytes", STATES),
        precision: "bf16",
        optimizer: "adam",
        bytesPerParameter: 16,
        bytesPerParameterWhy: "2 (bf16 weights) + 2 (bf16 grads) + 12 (fp32 master, m, v)",
        zeroStage: 0,
        devices: 1,
        weights: q(2.48e9, "bytes", STATES),
        gradients: q(2.48e9, "bytes", STATES),
        optimizerStates: q(14.88e9, "bytes", STATES),
        modelStates: q(19.84e9, "bytes", STATES),
        activationsPerExample: q(0.25 * GiB, "bytes/example", ACTIVATIONS),
        dimensions: { hidden: 2048, layers: 16, heads: 32, seqLen: 1024, vocab: 128256 },
        microBatch: { before: 32, after: 64 },
        before: q(26.5 * GiB, "bytes", ACTIVATIONS),
        after: q(34.5 * GiB, "bytes", ACTIVATIONS),
      },
      peak: {
        before: q(26.5 * GiB, "bytes", ACTIVATIONS, { low: 24 * GiB, high: 29 * GiB }),
        after: q(34.5 * GiB, "bytes", ACTIVATIONS, { low: 31 * GiB, high: 38 * GiB }),
        ratio: q(1.302, "ratio", ACTIVATIONS),
        basis: "analytical",
      },
      budget: {
        budget: "40GiB",
        kind: "absolute",
        limit: 40 * GiB,
        level: "error",
        status: "ok",
        compared: q(34.5 * GiB, "bytes", ACTIVATIONS, { low: 31 * GiB, high: 38 * GiB }),
        message: {
          id: "budget-ok",
          params: { budget: "40GiB", key: "memory.budget", predicted: "34.5 GiB", batch: 64 },
        },
      },
      notes: [],
    },
    convergence: convergence({
      bCrit: q(900, "examples", NOISE, { low: 700, high: 1150 }),
      before: 32,
      after: 64,
      speed: speedAt,
      wall: q(0.418, "ratio", WALL, { low: 0.35, high: 0.5 }),
    }),
    learningRate: {
      optimizer: "adamw_torch",
      family: "adam",
      rule: "sqrt",
      k: 2,
      before: 1e-4,
      after: 1e-4,
      suggested: q(1.414e-4, "learning-rate", SQRT),
      suggestedRaw: "1.4e-4",
      status: "unchanged-needs-scaling",
      adjustments: [
        { name: "beta1", rule: "1 − β₁ → k(1 − β₁)", before: 0.9, after: 0.8 },
        { name: "beta2", rule: "1 − β₂ → k(1 − β₂)", before: 0.999, after: 0.998 },
        { name: "epsilon", rule: "ε → ε/√k", before: 1e-8, after: 7.07e-9 },
      ],
      message: {
        id: "lr-unchanged",
        params: { factor: "1.41", suggested: "1.4e-4", rule: "sqrt", capped: "no", k: "2", optimizer: "adamw_torch" },
      },
    },
    schedule: { countedIn: "epochs", k: 2, shouldScale: false, items: [], message: { id: "schedule-epochs" } },
    risks: [],
    verdict: {
      id: "verdict-warn",
      level: "warn",
      params: { before: 32, after: 64, steps: 0.517, examples: 1.03, lr: "1.4e-4" },
    },
  };
  const changes = [
    change({
      path,
      line: 4,
      key: "per_device_train_batch_size",
      role: "micro_batch",
      before: 32,
      after: 64,
      effective: { before: 32, after: 64, ratio: 2 },
    }),
  ];
  return {
    group: { path, changes, estimate, measurementIndex: 0 },
    file: file({
      path,
      settings: [
        { role: "epochs", key: "num_train_epochs", value: 3, raw: "3", line: 3 },
        { role: "micro_batch", key: "per_device_train_batch_size", value: 64, raw: "64", line: 4, column: 30 },
        { role: "grad_accum", key: "gradient_accumulation_steps", value: 1, raw: "1", line: 5 },
        { role: "learning_rate", key: "learning_rate", value: 1e-4, raw: "1.0e-4", line: 6, column: 16 },
        { role: "optimizer", key: "optim", value: "adamw_torch", raw: "adamw_torch", line: 7 },
      ],
      effective: {
        value: 64,
        unit: "samples",
        formula: "64 (per device) × 1 (accumulation) × 1 (devices) = 64",
        unknown: [],
        parts: { micro: 64, accum: 1, devices: 1 },
      },
    }),
  };
}

// ---------------------------------------------------------------- batch down: 256 → 64, SGD momentum, lr scaled

function batchDown(): { group: ChangeGroup; file: FileReport } {
  const path = "configs/resnet50_8xb32_in1k.py";
  const estimate: Estimate = {
    change: {
      path,
      line: 9,
      key: "train_dataloader.batch_size",
      role: "micro_batch",
      framework: "mmengine",
      before: 32,
      after: 8,
    },
    batch: { before: 256, after: 64, ratio: 0.25, unit: "samples" },
    speed: {
      basis: "measured",
      gpu: A100,
      sides: { before: side(32, 8, false), after: side(8, 8, true) },
      stepTime: {
        before: q(0.412, "s", CALIBRATED, { low: 0.405, high: 0.42 }),
        after: q(0.118, "s", ON_JOB),
        ratio: q(0.286, "ratio", CALIBRATED, { low: 0.281, high: 0.291 }),
      },
      throughput: {
        before: q(621, "examples/s", CALIBRATED, { low: 610, high: 632 }),
        after: q(542, "examples/s", ON_JOB),
        ratio: q(0.874, "ratio", CALIBRATED, { low: 0.859, high: 0.89 }),
      },
      epochTimeRatio: q(1.144, "ratio", CALIBRATED, { low: 1.124, high: 1.164 }),
      notes: [{ id: "speed-measured-on-job", params: { batch: 8, accumulation: 1, from: "runs/measurements.json" } }],
    },
    memory: {
      proxy: {
        proxyBatch: { before: 256, after: 64 },
        before: q(6_100_000, "bytes", "measured"),
        after: q(3_800_000, "bytes", "measured"),
        ratio: q(0.623, "ratio", "measured", { low: 0.6, high: 0.65 }),
        fixedBytes: 3_000_000,
        perExampleBytes: 12_000,
        optimizerPeakBytes: 2_900_000,
      },
      peak: { ratio: q(0.623, "ratio", "measured", { low: 0.6, high: 0.65 }), basis: "proxy" },
      notes: [{ id: "memory-proxy-only" }],
    },
    convergence: convergence({
      bCrit: q(2000, "examples", "measured steps-to-target fit S(B)=S_min(1+B_crit/B)", { low: 1500, high: 2600 }),
      before: 256,
      after: 64,
      source: "direct",
      speed: (b) => (3.1 + 0.012 * b) / b,
      wall: q(9.2, "ratio", WALL, { low: 4, high: 13, uncertain: true }),
    }),
    learningRate: {
      optimizer: "SGD",
      family: "sgd-momentum",
      rule: "linear",
      k: 0.25,
      before: 0.1,
      after: 0.025,
      suggested: q(0.025, "learning-rate", "Goyal et al. 2017 linear scaling rule"),
      suggestedRaw: "0.025",
      status: "matches-rule",
      adjustments: [],
      message: {
        id: "lr-matches",
        params: {
          factor: "0.25",
          suggested: "0.025",
          rule: "linear",
          capped: "no",
          k: "0.25",
          optimizer: "SGD",
          changed: "0.25",
        },
      },
    },
    schedule: { countedIn: "epochs", k: 0.25, shouldScale: false, items: [], message: { id: "schedule-epochs" } },
    risks: [],
    verdict: { id: "verdict-ok", level: "ok", params: { before: 256, after: 64, steps: 3.66, examples: 0.915 } },
  };
  estimate.convergence!.notes.push({
    id: "convergence-position-perfect",
    params: { bCrit: 2000, unit: "samples", before: 0.13, after: 0.03 },
  });
  const changes = [
    change({
      path,
      line: 9,
      key: "train_dataloader.batch_size",
      role: "micro_batch",
      framework: "mmengine",
      before: 32,
      after: 8,
      effective: { before: 256, after: 64, ratio: 0.25 },
      learningRate: { before: 0.1, after: 0.025 },
    }),
    change({
      path,
      line: 21,
      key: "optim_wrapper.optimizer.lr",
      role: "learning_rate",
      framework: "mmengine",
      before: 0.1,
      after: 0.025,
      effective: { before: 256, after: 64, ratio: 0.25 },
      learningRate: { before: 0.1, after: 0.025 },
    }),
  ];
  return {
    group: { path, changes, estimate, measurementIndex: 0 },
    file: file({
      path,
      format: "python",
      framework: "mmengine",
      settings: [
        { role: "micro_batch", key: "train_dataloader.batch_size", value: 8, raw: "8", line: 9 },
        { role: "learning_rate", key: "optim_wrapper.optimizer.lr", value: 0.025, raw: "0.025", line: 21 },
        { role: "devices", key: "auto_scale_lr.base_batch_size", value: 8, raw: "8", line: 30 },
      ],
      effective: {
        value: 64,
        unit: "samples",
        formula: "8 (per device) × 1 (accumulation) × 8 (devices) = 64",
        unknown: [],
        parts: { micro: 8, accum: 1, devices: 8 },
      },
    }),
  };
}

// ---------------------------------------------------------------- accumulation only: 4 → 8 steps, micro 8, 4 devices

function accumulationOnly(): { group: ChangeGroup; file: FileReport } {
  const path = "ds_config.json";
  const estimate: Estimate = {
    change: {
      path,
      line: 3,
      key: "gradient_accumulation_steps",
      role: "grad_accum",
      framework: "deepspeed",
      before: 4,
      after: 8,
    },
    batch: { before: 128, after: 256, ratio: 2, unit: "samples" },
    memory: {
      calibrated: {
        batch: 8,
        peakBytes: 30 * GiB,
        perExampleBytes: q(1.5 * GiB, "bytes/example", CALIBRATION, { low: 0, high: 3.75 * GiB }),
        fixedBytes: q(18 * GiB, "bytes", CALIBRATION, { low: 0, high: 30 * GiB }),
        before: q(30 * GiB, "bytes", CALIBRATION),
        after: q(30 * GiB, "bytes", CALIBRATION),
      },
      peak: {
        before: q(30 * GiB, "bytes", CALIBRATION),
        after: q(30 * GiB, "bytes", CALIBRATION),
        ratio: q(1, "ratio", CALIBRATION),
        basis: "calibration",
      },
      budget: {
        budget: "+10%",
        kind: "relative",
        limit: 1.1,
        level: "warn",
        status: "ok",
        compared: q(1, "ratio", CALIBRATION),
        message: {
          id: "budget-ok",
          params: { budget: "+10%", key: "memory.budget", predicted: "×1.00 (+0%)", batch: 8 },
        },
      },
      notes: [{ id: "memory-micro-unchanged", params: { micro: 8 } }],
    },
    convergence: convergence({
      bCrit: q(400, "examples", NOISE, { low: 60, high: 5200 }),
      before: 128,
      after: 256,
      uncertain: true,
    }),
    learningRate: {
      optimizer: null,
      family: "unknown",
      rule: "none",
      k: 2,
      before: 6e-4,
      after: 6e-4,
      status: "unknown",
      adjustments: [],
      message: { id: "lr-optimizer-unknown", params: { linear: "2", sqrt: "1.41" } },
    },
    schedule: {
      countedIn: "steps",
      k: 2,
      shouldScale: true,
      items: [
        { key: "scheduler.params.total_num_steps", role: "max_steps", line: 14, before: 20000, suggested: 10000 },
        { key: "scheduler.params.warmup_num_steps", role: "warmup", line: 15, before: 500, suggested: 250 },
      ],
      message: {
        id: "schedule-scale",
        params: {
          k: 2,
          list: "scheduler.params.total_num_steps 20000 → 10000, scheduler.params.warmup_num_steps 500 → 250",
        },
      },
    },
    risks: [
      {
        id: "noise-scale-early",
        level: "warn",
        source: "McCandlish et al. 2018",
        params: { atLoss: 1.9, initialLoss: 2.3 },
      },
    ],
    verdict: { id: "verdict-warn", level: "warn", params: { before: 128, after: 256 } },
  };
  const changes = [
    change({
      path,
      line: 3,
      key: "gradient_accumulation_steps",
      role: "grad_accum",
      framework: "deepspeed",
      before: 4,
      after: 8,
      effective: { before: 128, after: 256, ratio: 2 },
      learningRate: { before: 6e-4, after: 6e-4 },
    }),
  ];
  return {
    group: { path, changes, estimate, measurementIndex: 0 },
    file: file({
      path,
      format: "json",
      framework: "deepspeed",
      settings: [
        { role: "micro_batch", key: "train_micro_batch_size_per_gpu", value: 8, raw: "8", line: 2 },
        { role: "grad_accum", key: "gradient_accumulation_steps", value: 8, raw: "8", line: 3 },
        { role: "learning_rate", key: "optimizer.params.lr", value: 6e-4, raw: "6e-4", line: 8 },
      ],
      effective: {
        value: 256,
        unit: "samples",
        formula: "8 (per device) × 8 (accumulation) × 4 (devices) = 256",
        unknown: [],
        parts: { micro: 8, accum: 8, devices: 4 },
      },
    }),
  };
}

// ---------------------------------------------------------------- over budget: micro 4 → 16 on 8 GPUs, 8B model, 80GiB
// error budget

function overBudget(): { group: ChangeGroup; file: FileReport } {
  const path = "recipes/llama3_8b_full.yaml";
  const estimate: Estimate = {
    change: { path, line: 11, key: "batch_size", role: "micro_batch", framework: "torchtune", before: 4, after: 16 },
    batch: { before: 131072, after: 524288, ratio: 4, unit: "tokens" },
    memory: {
      model: {
        parameters: 8.03e9,
        trainableParameters: 8.03e9,
        method: "full",
        optimizerKind: "adamw",
        shardedOver: 8,
        fixedBytes: q(30.12e9 + 0.75 * GiB, "bytes", STATES),
        precision: "bf16",
        optimizer: "adam",
        bytesPerParameter: 16,
        bytesPerParameterWhy: "2 (bf16 weights) + 2 (bf16 grads) + 12 (fp32 master, m, v)",
        zeroStage: 2,
        devices: 8,
        weights: q(16.06e9, "bytes", STATES),
        gradients: q(2.01e9, "bytes", STATES),
        optimizerStates: q(12.05e9, "bytes", STATES),
        modelStates: q(30.12e9, "bytes", STATES),
        activationsPerExample: q(4.1 * GiB, "bytes/example", ACTIVATIONS),
        dimensions: { hidden: 4096, layers: 32, heads: 32, seqLen: 4096, vocab: 128256 },
        microBatch: { before: 4, after: 16 },
        before: q(44.5 * GiB, "bytes", ACTIVATIONS, { low: 40 * GiB, high: 49 * GiB }),
        after: q(93.7 * GiB, "bytes", ACTIVATIONS, { low: 85 * GiB, high: 103 * GiB }),
      },
      peak: {
        before: q(44.5 * GiB, "bytes", ACTIVATIONS, { low: 40 * GiB, high: 49 * GiB }),
        after: q(93.7 * GiB, "bytes", ACTIVATIONS, { low: 85 * GiB, high: 103 * GiB }),
        ratio: q(2.106, "ratio", ACTIVATIONS),
        basis: "analytical",
      },
      // 4.1 GiB per sequence: activations 2.14 GiB (with checkpointing off) and fp32 logits 4·s·v = 1.96 GiB.
      parts: { before: llamaParts(4), after: llamaParts(16) },
      budget: {
        budget: "80GiB",
        kind: "absolute",
        limit: 80 * GiB,
        level: "error",
        status: "error",
        compared: q(93.7 * GiB, "bytes", ACTIVATIONS, { low: 85 * GiB, high: 103 * GiB }),
        message: {
          id: "budget-over",
          params: { budget: "80GiB", key: "memory.budget", predicted: "93.7 GiB", batch: 16 },
        },
      },
      notes: [],
    },
    convergence: {
      ...convergence({
        bCrit: q(1.07e6, "tokens", KAPLAN),
        before: 131072,
        after: 524288,
        unit: "tokens",
        source: "kaplan",
      }),
      kaplan: { loss: 3.0, bCrit: q(1.07e6, "tokens", KAPLAN) },
    },
    learningRate: {
      optimizer: "AdamW",
      family: "adam",
      rule: "sqrt",
      k: 4,
      before: 2e-5,
      after: 2e-5,
      suggested: q(4e-5, "learning-rate", SQRT),
      suggestedRaw: "4e-5",
      status: "unchanged-needs-scaling",
      adjustments: [
        { name: "beta1", rule: "1 − β₁ → k(1 − β₁)", before: 0.9, after: 0.6 },
        { name: "beta2", rule: "1 − β₂ → k(1 − β₂)", before: 0.999, after: 0.996 },
        { name: "epsilon", rule: "ε → ε/√k", before: 1e-8, after: 5e-9 },
      ],
      message: {
        id: "lr-unchanged",
        params: { factor: "2", suggested: "4e-5", rule: "sqrt", capped: "no", k: "4", optimizer: "AdamW" },
      },
    },
    schedule: { countedIn: "epochs", k: 4, shouldScale: false, items: [], message: { id: "schedule-epochs" } },
    risks: [
      {
        id: "over-budget",
        level: "error",
        params: { budget: "80GiB", key: "memory.budget", predicted: "93.7 GiB", batch: 16 },
      },
      { id: "proxy-missing", level: "info" },
    ],
    verdict: { id: "verdict-error", level: "error", params: { before: 131072, after: 524288 } },
  };
  const changes = [
    change({
      path,
      line: 11,
      key: "batch_size",
      role: "micro_batch",
      framework: "torchtune",
      before: 4,
      after: 16,
      effective: { before: 131072, after: 524288, ratio: 4 },
      learningRate: { before: 2e-5, after: 2e-5 },
    }),
  ];
  return {
    group: { path, changes, estimate },
    file: file({
      path,
      framework: "torchtune",
      settings: [
        { role: "micro_batch", key: "batch_size", value: 16, raw: "16", line: 11 },
        { role: "learning_rate", key: "optimizer.lr", value: 2e-5, raw: "2e-5", line: 15 },
      ],
      effective: {
        value: 524288,
        unit: "tokens",
        formula: "16 (per device) × 1 (accumulation) × 8 (devices) × 4096 (tokens) = 524288",
        unknown: [],
        parts: { micro: 16, accum: 1, devices: 8, seqLen: 4096 },
      },
    }),
  };
}

/** Llama-3-8B's peak per device by part at a per-device batch, ZeRO-2 over 8 devices. */
function llamaParts(micro: number): MemoryParts {
  return {
    weights: q(16.06e9, "bytes", STATES),
    gradients: q(2.01e9, "bytes", STATES),
    optimizer: q(12.05e9, "bytes", STATES),
    activations: q(micro * 2.14 * GiB, "bytes", ACTIVATIONS),
    logits: q(micro * 4 * 4096 * 128256, "bytes", ACTIVATIONS),
    reserve: q(0.75 * GiB, "bytes", "CUDA context 0.5–1 GiB (PyTorch forums: ~700 MB)"),
  };
}

// ---------------------------------------------------------------- unknown devices: launcher decides, no proxy run

function unknownDevices(): { group: ChangeGroup; file: FileReport } {
  const path = "scripts/train.sh";
  const ngpu: DetectionReason = { id: "value.shellVar", params: { name: "NGPU" } };
  const unknown: UnknownPart[] = [{ key: "nproc_per_node", reason: ngpu }];
  const estimate: Estimate = {
    change: {
      path,
      line: 7,
      key: "per_device_train_batch_size",
      role: "micro_batch",
      framework: "huggingface",
      before: 16,
      after: 32,
    },
    batch: { before: null, after: null, ratio: 2, unit: "samples" },
    memory: {
      peak: { basis: "none" },
      budget: {
        budget: "40GiB",
        kind: "absolute",
        limit: 40 * GiB,
        level: "warn",
        status: "unknown",
        message: { id: "budget-unknown", params: { budget: "40GiB", key: "memory.budget" } },
      },
      notes: [],
    },
    learningRate: {
      optimizer: null,
      family: "unknown",
      rule: "none",
      k: 2,
      before: 3e-5,
      after: 3e-5,
      status: "unknown",
      adjustments: [],
      message: { id: "lr-optimizer-unknown", params: { linear: "2", sqrt: "1.41" } },
    },
    schedule: { countedIn: "unknown", k: 2, shouldScale: false, items: [], message: { id: "schedule-epochs" } },
    risks: [
      { id: "unknown-batch-parts", level: "warn", params: { count: unknown.length } },
      { id: "proxy-missing", level: "info" },
    ],
    verdict: { id: "verdict-warn", level: "warn", params: { before: "?", after: "?" } },
  };
  const changes = [
    change({
      path,
      line: 7,
      key: "per_device_train_batch_size",
      role: "micro_batch",
      before: 16,
      after: 32,
      effective: { before: null, after: null, ratio: 2 },
      unknown,
      learningRate: { before: 3e-5, after: 3e-5 },
    }),
  ];
  return {
    group: { path, changes, estimate },
    file: file({
      path,
      format: "shell",
      settings: [
        { role: "micro_batch", key: "per_device_train_batch_size", value: 32, raw: "32", line: 7 },
        {
          role: "devices",
          key: "nproc_per_node",
          value: null,
          raw: "$NGPU",
          line: 3,
          unknownReason: ngpu,
        },
        { role: "learning_rate", key: "learning_rate", value: 3e-5, raw: "3e-5", line: 8 },
      ],
      effective: {
        value: null,
        unit: "samples",
        formula: "32 (per device) × 1 (accumulation) × ? (devices)",
        unknown,
        parts: { micro: 32, accum: 1, devices: null },
      },
    }),
  };
}

// ---------------------------------------------------------------- assembling inputs

export type ScenarioName =
  | "batch-up"
  | "batch-down"
  | "accumulation-only"
  | "over-budget"
  | "unknown-devices"
  | "two-files";

export const SCENARIOS: ScenarioName[] = [
  "batch-up",
  "batch-down",
  "accumulation-only",
  "over-budget",
  "unknown-devices",
  "two-files",
];

const HEAD: Record<string, string> = { "configs/finetune.yaml": finetuneYaml };

export const headText: HeadText = { readHead: (path) => HEAD[path] ?? null };

/** The renderer's input for a scenario in a language. */
export function scenario(name: ScenarioName, language: Language): RenderCommentInput {
  const base = {
    skipped: [],
    configErrors: [],
    language,
    source: "git main..feature/bigger-batch in /work/repo",
    headText,
    versions: { "batch-advisor": "0.1.0", "@tensorflow/tfjs": "4.22.0", node: "v20.18.1" },
  };
  const one = (s: { group: ChangeGroup; file: FileReport }, m: Measurements[]) => ({
    ...base,
    groups: [s.group],
    files: [s.file],
    measurements: m,
  });
  switch (name) {
    case "batch-up":
      return one(batchUp(), [measurements()]);
    case "batch-down":
      return one(batchDown(), [
        measurements({
          backend: "tensorflow-gpu",
          description: "cnn 28x28x1 c32-c64 d10 on MNIST (9000 real digits for training, 1000 held out)",
        }),
      ]);
    case "accumulation-only":
      return one(accumulationOnly(), [
        measurements({ partial: "noise: time budget of 30 s reached after 24 of 40 samples" }),
      ]);
    case "over-budget":
      return {
        ...one(overBudget(), []),
        configErrors: [
          {
            key: "memory.budgett",
            message: "memory.budgett: unknown key; did you mean memory.budget?",
            line: 4,
            issue: { id: "config.unknownKey", params: { guess: "memory.budget" } },
          },
        ],
      };
    case "unknown-devices":
      return {
        ...one(unknownDevices(), []),
        skipped: [
          {
            path: "configs/huge.yaml",
            reason: "2.5 MiB is over the 1 MiB limit; not read",
            why: { id: "source.tooLarge", params: { size: "2.5", max: "1" } },
          },
        ],
      };
    case "two-files": {
      const a = batchUp("configs/stage1.yaml");
      const b = batchDown();
      b.group.measurementIndex = 1;
      return {
        ...base,
        groups: [b.group, a.group],
        files: [a.file, b.file],
        measurements: [
          measurements(),
          measurements({
            backend: "tensorflow-gpu",
            description: "cnn 28x28x1 c32-c64 d10 on MNIST (9000 real digits for training, 1000 held out)",
          }),
        ],
      };
    }
  }
}

/** Many groups, to test that the comment stays under GitHub's limit. */
export function manyGroups(count: number, language: Language): RenderCommentInput {
  const groups: ChangeGroup[] = [];
  const files: FileReport[] = [];
  for (let i = 0; i < count; i++) {
    const s = i % 3 === 0 ? overBudget() : batchUp(`configs/sweep/run-${String(i).padStart(3, "0")}.yaml`);
    const path = `configs/sweep/run-${String(i).padStart(3, "0")}.yaml`;
    s.group.path = path;
    s.group.changes = s.group.changes.map((c) => ({ ...c, path }));
    s.group.measurementIndex = i % 3 === 0 ? undefined : i;
    groups.push(s.group);
    files.push({ ...s.file, path });
  }
  const base = scenario("batch-up", language);
  return { ...base, groups, files, measurements: Array.from({ length: count }, () => measurements()) };
}
