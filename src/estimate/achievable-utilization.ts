/**
 * The fraction of a GPU's peak that training reaches, from published measured model FLOPs
 * utilization (MFU). Every anchor below is a run that states its GPU, model width, sequence length
 * and micro-batch, and its MFU; runs without activation checkpointing only, so MFU equals hardware
 * utilization and no recompute convention is mixed in.
 *
 * The curve u(h) = u_max · h / (h + h₀) is fitted to the anchors when this module loads: narrow
 * models reach less of the peak because their matrix multiplies are small (the llm-foundry sweep
 * falls from 64 % at width 4096 to 45 % at width 768 on the same A100s). The per-device batch does
 * not enter u: below the tokens where a multiply stops being compute-bound, the roofline's
 * memory floor takes over (roofline-step-time.ts), which is how small batches lose utilization.
 */

import type { GpuEntry } from "../workload/catalogue/gpu-schema.js";

export interface UtilizationAnchor {
  gpu: "A100-80GB" | "H100-80GB";
  model: string;
  hidden: number;
  seqLen: number;
  microBatch: number;
  devices: number;
  /** Measured model FLOPs utilization, 0–1 (6·N + 12·L·s·h FLOPs per token over the bf16 dense peak). */
  mfu: number;
  source: string;
}

const LLM_FOUNDRY =
  "MosaicML llm-foundry, scripts/train/benchmarking/README.md (MPT throughput " +
  "tables, bf16, FSDP, no activation checkpointing)";

/** Published measured utilization, A100-80GB and H100-80GB (bf16), sequence length 2048. */
export const UTILIZATION_ANCHORS: UtilizationAnchor[] = [
  {
    gpu: "A100-80GB",
    model: "MPT-125M",
    hidden: 768,
    seqLen: 2048,
    microBatch: 40,
    devices: 8,
    mfu: 0.4479,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "A100-80GB",
    model: "MPT-350M",
    hidden: 1024,
    seqLen: 2048,
    microBatch: 32,
    devices: 8,
    mfu: 0.5162,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "A100-80GB",
    model: "MPT-760M",
    hidden: 1536,
    seqLen: 2048,
    microBatch: 24,
    devices: 8,
    mfu: 0.5685,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "A100-80GB",
    model: "MPT-1B",
    hidden: 2048,
    seqLen: 2048,
    microBatch: 14,
    devices: 8,
    mfu: 0.5986,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "A100-80GB",
    model: "MPT-3B",
    hidden: 2560,
    seqLen: 2048,
    microBatch: 10,
    devices: 8,
    mfu: 0.6211,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "A100-80GB",
    model: "MPT-7B",
    hidden: 4096,
    seqLen: 2048,
    microBatch: 6,
    devices: 8,
    mfu: 0.6423,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "A100-80GB",
    model: "MPT-13B",
    hidden: 5120,
    seqLen: 2048,
    microBatch: 2,
    devices: 8,
    mfu: 0.5957,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "H100-80GB",
    model: "MPT-760M",
    hidden: 1536,
    seqLen: 2048,
    microBatch: 24,
    devices: 16,
    mfu: 0.3789,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "H100-80GB",
    model: "MPT-1B",
    hidden: 2048,
    seqLen: 2048,
    microBatch: 14,
    devices: 8,
    mfu: 0.4182,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "H100-80GB",
    model: "MPT-3B",
    hidden: 2560,
    seqLen: 2048,
    microBatch: 10,
    devices: 16,
    mfu: 0.4373,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "H100-80GB",
    model: "MPT-7B",
    hidden: 4096,
    seqLen: 2048,
    microBatch: 6,
    devices: 8,
    mfu: 0.4644,
    source: LLM_FOUNDRY,
  },
  {
    gpu: "H100-80GB",
    model: "MPT-13B",
    hidden: 5120,
    seqLen: 2048,
    microBatch: 2,
    devices: 8,
    mfu: 0.3979,
    source: LLM_FOUNDRY,
  },
];

/** Which anchors speak for which catalogue GPU: the same chip (PCIe cards run the same silicon at a lower power limit).
 * */
const FAMILY: Record<string, UtilizationAnchor["gpu"]> = {
  "A100-40GB": "A100-80GB",
  "A100-40GB-PCIe": "A100-80GB",
  "A100-80GB": "A100-80GB",
  "A100-80GB-PCIe": "A100-80GB",
  "H100-80GB": "H100-80GB",
  "H100-80GB-PCIe": "H100-80GB",
  H200: "H100-80GB",
};

/** Width used when the model's hidden size is unknown (a vision model, a small MLP): the curve's middle. */
const DEFAULT_WIDTH = 2048;

/**
 * The spread of the published-throughput comparison (bench/results/speed-model.json: measured ÷
 * predicted step time ran from 0.81 to 1.29 over 12 held-out runs), widened at the slow end for
 * stacks less tuned than the published ones (no fused kernels, no torch.compile, eager attention).
 * Utilization u·0.7 … u·1.25 gives step times 0.8× … 1.43× the prediction.
 */
export const MEASURED_SPREAD = { low: 0.7, high: 1.25 } as const;
/** A GPU without anchors of its own borrows the A100's curve, with a wider interval. */
export const ASSUMED_SPREAD = { low: 0.5, high: 1.3 } as const;

export interface Utilization {
  value: number;
  low: number;
  high: number;
  /** "measured" when published runs on this chip anchor the curve; "assumed" when another chip's curve stands in. */
  basis: "measured" | "assumed";
  /** The chip whose anchors were used. */
  anchoredOn: UtilizationAnchor["gpu"];
  source: string;
}

interface Curve {
  uMax: number;
  h0: number;
}

/** Least squares in log space over a grid of h₀ (one shared width scale), u_max per chip as the geometric mean. */
export function fitUtilizationCurves(anchors: UtilizationAnchor[] = UTILIZATION_ANCHORS): {
  h0: number;
  uMax: Record<UtilizationAnchor["gpu"], number>;
} {
  const chips = [...new Set(anchors.map((a) => a.gpu))];
  let best = { h0: 0, error: Infinity, uMax: {} as Record<string, number> };
  for (let h0 = 0; h0 <= 3000; h0 += 10) {
    let error = 0;
    const uMax: Record<string, number> = {};
    for (const chip of chips) {
      const rows = anchors.filter((a) => a.gpu === chip);
      const logs = rows.map((a) => Math.log(a.mfu / shape(a.hidden, h0)));
      const mean = logs.reduce((x, y) => x + y, 0) / logs.length;
      uMax[chip] = Math.exp(mean);
      error += logs.reduce((s, l) => s + (l - mean) ** 2, 0);
    }
    if (error < best.error) best = { h0, error, uMax };
  }
  return { h0: best.h0, uMax: best.uMax as Record<UtilizationAnchor["gpu"], number> };
}

function shape(hidden: number, h0: number): number {
  return hidden / (hidden + h0);
}

const FITTED = fitUtilizationCurves();

/**
 * Achievable utilization of `gpu`'s dense peak for a model of width `hidden`, with its interval and
 * where it came from.
 * @example achievableUtilization({ gpu: a100, hidden: 4096 }).value // ≈ 0.63
 */
export function achievableUtilization(options: { gpu: Pick<GpuEntry, "id">; hidden?: number }): Utilization {
  const family = FAMILY[options.gpu.id];
  const anchoredOn = family ?? "A100-80GB";
  const curve: Curve = { uMax: FITTED.uMax[anchoredOn], h0: FITTED.h0 };
  const width = options.hidden ?? DEFAULT_WIDTH;
  const value = curve.uMax * shape(width, curve.h0);
  const spread = family ? MEASURED_SPREAD : ASSUMED_SPREAD;
  const rows = UTILIZATION_ANCHORS.filter((a) => a.gpu === anchoredOn).length;
  const fit =
    `u = ${round(curve.uMax)}·h/(h + ${curve.h0}) fitted to ${rows} ` + `published ${anchoredOn} runs (${LLM_FOUNDRY})`;
  return {
    value,
    low: value * spread.low,
    high: Math.min(value * spread.high, 0.95),
    basis: family ? "measured" : "assumed",
    anchoredOn,
    source: family ? fit : `no published utilization for ${options.gpu.id}; ${anchoredOn}'s curve assumed: ${fit}`,
  };
}

function round(x: number): number {
  return Number(x.toPrecision(3));
}
