import type { LossCurve, ProxyPlan } from "./types.js";

/**
 * What the direct critical-batch runs aim for, derived from the measured loss curves: the held-out
 * loss 70 % of the way down the smaller batch's curve (so every run can reach it), and five batch
 * sizes spaced geometrically from half the smaller to twice the larger batch.
 * @example criticalBatchTargets(plan, curves, 9000)
 *   // { targetLoss: 0.61, batchSizes: [16, 32, 64, 128, 256], maxExamples: 65536 }
 */
export function criticalBatchTargets(
  plan: ProxyPlan,
  curves: LossCurve[],
  trainCount: number,
  examplesPerCurve: number,
): { targetLoss: number; batchSizes: number[]; maxExamples: number } | undefined {
  const smallest = [...curves].sort((a, b) => a.batchSize - b.batchSize)[0];
  const points = smallest?.points ?? [];
  if (points.length < 2) return undefined;
  const value = (p: (typeof points)[number]) => p.evalLoss ?? p.loss;
  const first = value(points[0]);
  const last = value(points[points.length - 1]);
  if (!(first > last)) return undefined;
  const low = Math.max(1, Math.round(Math.min(...plan.batchSizes) / 2));
  const high = Math.max(low + 1, Math.min(2 * Math.max(...plan.batchSizes), Math.floor(trainCount / 4)));
  const batchSizes = [...new Set(Array.from({ length: 5 }, (_, i) => Math.round(low * (high / low) ** (i / 4))))];
  return { targetLoss: last + 0.3 * (first - last), batchSizes, maxExamples: 4 * examplesPerCurve };
}
