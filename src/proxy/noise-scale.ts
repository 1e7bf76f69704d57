import { quantile } from "simple-statistics";
import type { SeededRandom } from "./seeded-random.js";

/** Squared norms of the mean gradient measured at the same parameters with two batch sizes. */
export interface GradientNormPair {
  gSmallSq: number;
  gBigSq: number;
  bSmall: number;
  bBig: number;
}

/**
 * Unbiased per-sample estimates of |G|² and tr(Σ) (McCandlish et al. 2018, App. A.1), from
 * E|G_B|² = |G|² + tr(Σ)/B at two batch sizes. Either may be negative on a single sample.
 * @example unbiasedEstimates({ gSmallSq: 3, gBigSq: 1.5, bSmall: 1, bBig: 4 }) // { gTrueSq: 1, traceSigma: 2 }
 */
export function unbiasedEstimates(pair: GradientNormPair): { gTrueSq: number; traceSigma: number } {
  const { gSmallSq, gBigSq, bSmall, bBig } = pair;
  if (!(bBig > bSmall)) throw new Error(`B_big (${bBig}) must be larger than B_small (${bSmall})`);
  return {
    gTrueSq: (bBig * gBigSq - bSmall * gSmallSq) / (bBig - bSmall),
    traceSigma: (gSmallSq - gBigSq) / (1 / bSmall - 1 / bBig),
  };
}

/**
 * Weights of the final bias-corrected exponential moving average over n values (they sum to 1):
 * EMA_n / (1 − βⁿ) = Σ (1 − β)·β^(n−1−i)·xᵢ / (1 − βⁿ), the Adam-style debiasing.
 * @example emaWeights(2, 0.5) // [1/3, 2/3]
 */
export function emaWeights(n: number, decay: number): number[] {
  const norm = 1 - decay ** n;
  return Array.from({ length: n }, (_, i) => ((1 - decay) * decay ** (n - 1 - i)) / norm);
}

/** Bias-corrected EMA of a series, the last value of the smoothed curve. */
export function biasCorrectedEma(values: number[], decay: number): number {
  const w = emaWeights(values.length, decay);
  return values.reduce((sum, v, i) => sum + w[i] * v, 0);
}

/**
 * B_simple = EMA(tr Σ) / EMA(|G|²): each smoothed before the ratio, because single-sample |G|²
 * estimates are noisy and can be negative (McCandlish et al. 2018, App. A.1). Infinity when the
 * smoothed |G|² is not positive: the gradient signal is not resolved, the noise scale is unbounded above.
 * @example simpleNoiseScale([{ gTrueSq: 1, traceSigma: 50 }], 0.9) // 50
 */
export function simpleNoiseScale(samples: Array<{ gTrueSq: number; traceSigma: number }>, decay: number): number {
  return ratio(samples, emaWeights(samples.length, decay));
}

/**
 * A percentile-bootstrap interval for B_simple that keeps the EMA weighting: each resample draws
 * the samples with replacement (multinomial counts) and recomputes the weighted ratio.
 * @example bootstrapInterval(samples, { decay: 0.9, resamples: 1000, rng: seededRandom(1, "bootstrap") }) // [lo, hi]
 */
export function bootstrapInterval(
  samples: Array<{ gTrueSq: number; traceSigma: number }>,
  options: { decay: number; resamples: number; rng: SeededRandom; level?: number },
): [number, number] {
  const n = samples.length;
  const base = emaWeights(n, options.decay);
  const estimates: number[] = [];
  const counts = new Float64Array(n);
  for (let r = 0; r < options.resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[options.rng.int(n)]++;
    estimates.push(
      ratio(
        samples,
        base.map((w, i) => w * counts[i]),
      ),
    );
  }
  const tail = (1 - (options.level ?? 0.95)) / 2;
  return [quantile(estimates, tail), quantile(estimates, 1 - tail)];
}

function ratio(samples: Array<{ gTrueSq: number; traceSigma: number }>, weights: number[]): number {
  let trace = 0;
  let signal = 0;
  samples.forEach((s, i) => {
    trace += weights[i] * s.traceSigma;
    signal += weights[i] * s.gTrueSq;
  });
  return signal > 0 ? Math.max(trace, 0) / signal : Infinity;
}
