import { linearRegression } from "simple-statistics";
import type { CriticalBatchMeasurement, NoiseScaleMeasurement } from "../proxy/types.js";
import { quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { Quantity } from "./types.js";

/**
 * McCandlish et al. 2018, Table 1: B_crit ÷ B_simple is 0.22 (MNIST), 0.125 (SVHN), 0.45 (CIFAR-10),
 * 0.5 (ImageNet) and 0.67 (Billion Word). B_simple is used as the B_crit estimate, as the paper
 * does, and the interval reaches down to a tenth of the bootstrap's lower end to cover those ratios.
 */
export const NOISE_TO_CRITICAL_LOW = 0.1;

/**
 * Our own ground truth (docs/accuracy.md) measured B_crit ÷ B_simple at 0.4–1.6 with the default
 * plan and up to 2.6 with the quick one, above the paper's range for the Adam-trained tasks (the noise scale of raw
 * gradients is
 * only a proxy for a preconditioned update, McCandlish et al. 2018 App. E.2). The interval reaches
 * up to three times the bootstrap's upper end so that a B_crit above B_simple is not ruled out.
 */
export const NOISE_TO_CRITICAL_HIGH = 3;

/**
 * B_crit from the proxy's gradient noise scale: value B_simple, interval
 * [0.1 × bootstrap low, 3 × bootstrap high].
 * @example criticalFromNoise({ bSimple: 900, interval: [700, 1100], … }) // { value: 900, low: 70, high: 3300 }
 */
export function criticalFromNoise(noise: NoiseScaleMeasurement): Quantity {
  const [low, high] = noise.interval;
  return quantity(noise.bSimple, "examples", SOURCES.noiseScale, {
    low: NOISE_TO_CRITICAL_LOW * Math.min(low, noise.bSimple),
    high: NOISE_TO_CRITICAL_HIGH * Math.max(Number.isFinite(high) ? high : noise.bSimple, noise.bSimple),
    note:
      "B_simple stands in for B_crit; measured B_crit was 0.1–0.7 × B_simple in " +
      "McCandlish et al. 2018 and 0.4–2.6 × on our benchmark tasks (docs/accuracy.md)",
  });
}

/**
 * B_crit measured directly from steps-to-target at several batch sizes. The interval comes from
 * refitting S = S_min + S_min·B_crit/B with each point left out (jackknife); with fewer than
 * three points it spans a factor of two either way.
 * @example criticalFromDirect({ bCrit: 400, points: [...], … }).value // 400
 */
export function criticalFromDirect(direct: CriticalBatchMeasurement): Quantity {
  const points = direct.points.filter(
    (p): p is typeof p & { steps: number } => p.steps !== null && p.steps > 0 && p.batchSize > 0,
  );
  const fits: number[] = [];
  if (points.length >= 3) {
    for (let skip = 0; skip < points.length; skip++) {
      const rest = points.filter((_, i) => i !== skip);
      const { m, b } = linearRegression(rest.map((p) => [1 / p.batchSize, p.steps]));
      if (b > 0 && m > 0) fits.push(m / b);
    }
  }
  const extra =
    fits.length >= 2
      ? { low: Math.min(...fits), high: Math.max(...fits) }
      : { low: direct.bCrit / 2, high: direct.bCrit * 2 };
  return quantity(direct.bCrit, "examples", SOURCES.directCritical, extra);
}

/**
 * Kaplan et al. 2020 (§5.1, eq. 5.3): B_crit(L) ≈ B* ÷ L^(1/α_B) with B* ≈ 2·10⁸ tokens and α_B ≈ 0.21,
 * L in nats per token. The constants are WebText2/GPT-2 BPE specific: use it as a second opinion.
 * @example kaplanCriticalBatch(3.0) // ≈ 1.07e6 tokens
 */
export function kaplanCriticalBatch(loss: number): number {
  return 2e8 / loss ** (1 / 0.21);
}
