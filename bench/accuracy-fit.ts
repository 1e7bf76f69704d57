// Pure statistics of the accuracy benchmark: the S(B) fit, relative errors, medians. No training, no I/O.

export interface StepsFit {
  /** S_min: steps at B → ∞. */
  sMin: number;
  /** E_min = S_min·B_crit: examples at B → 0. */
  eMin: number;
  /** B_crit = E_min ÷ S_min; Infinity when the steps fell at least as fast as 1/B over the whole range. */
  bCrit: number;
  /** (measured − fitted) ÷ fitted per point, in the order given. Equal for S and E, which differ by the factor B. */
  relativeResiduals: number[];
  /** Root mean square of the relative residuals. */
  rmsRelativeResidual: number;
}

/**
 * Least-squares fit of S(B) = S_min·(1 + B_crit/B) = S_min + E_min/B (McCandlish et al. 2018,
 * eq. 2.11), linear in 1/B, each point weighted by 1/S² so that every batch size counts by its
 * relative error (an unweighted fit is ruled by the small batches' large step counts). In this
 * weighting the fit of E(B) = E_min·(1 + B/B_crit), linear in B, is the same fit.
 * @example fitSteps([{ batchSize: 16, steps: 1200 }, { batchSize: 64, steps: 450 }, { batchSize: 256, steps: 262.5
 * }]).bCrit // 80
 */
export function fitSteps(points: Array<{ batchSize: number; steps: number }>): StepsFit {
  if (points.length < 2) throw new Error(`fitSteps needs at least two points, got ${points.length}`);
  const rows = points.map((p) => ({ x: 1 / p.batchSize, y: p.steps, w: 1 / p.steps ** 2 }));
  const { intercept, slope } = weightedLine(rows);
  // Steps falling at least as fast as 1/B: perfect scaling over the range, B_crit beyond it.
  const sMin = Math.max(intercept, 0);
  const eMin = Math.max(slope, 0);
  const fitted = (b: number) => sMin + eMin / b;
  const relativeResiduals = points.map((p) => (p.steps - fitted(p.batchSize)) / fitted(p.batchSize));
  return {
    sMin,
    eMin,
    bCrit: sMin > 0 ? eMin / sMin : Infinity,
    relativeResiduals,
    rmsRelativeResidual: Math.sqrt(relativeResiduals.reduce((s, r) => s + r * r, 0) / relativeResiduals.length),
  };
}

/** Unweighted least squares y = intercept + slope·x, the form measure-critical-batch.ts uses; for comparison. */
export function plainLine(points: Array<[number, number]>): { intercept: number; slope: number } {
  return weightedLine(points.map(([x, y]) => ({ x, y, w: 1 })));
}

function weightedLine(rows: Array<{ x: number; y: number; w: number }>): { intercept: number; slope: number } {
  const sw = rows.reduce((s, r) => s + r.w, 0);
  const mx = rows.reduce((s, r) => s + r.w * r.x, 0) / sw;
  const my = rows.reduce((s, r) => s + r.w * r.y, 0) / sw;
  const sxx = rows.reduce((s, r) => s + r.w * (r.x - mx) ** 2, 0);
  const sxy = rows.reduce((s, r) => s + r.w * (r.x - mx) * (r.y - my), 0);
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: my - slope * mx, slope };
}

/**
 * Steps to the same loss at `after` ÷ at `before` under a fit: the oracle's ratio, the best the model family can do.
 * @example fittedStepsRatio({ sMin: 100, eMin: 6400 }, 16, 64) // 0.4
 */
export function fittedStepsRatio(fit: Pick<StepsFit, "sMin" | "eMin">, before: number, after: number): number {
  return (fit.sMin + fit.eMin / after) / (fit.sMin + fit.eMin / before);
}

/**
 * |predicted − measured| ÷ measured.
 * @example relativeError(0.55, 0.5) // 0.1
 */
export function relativeError(predicted: number, measured: number): number {
  return Math.abs(predicted - measured) / Math.abs(measured);
}

/** Median of a non-empty list (NaN for an empty one). */
export function medianOf(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Pairs of batch sizes the benchmark predicts: each neighbour pair and every ×8 jump in the list.
 * @example comparedPairs([8, 16, 32, 64]) // [[8, 16], [16, 32], [32, 64], [8, 64]]
 */
export function comparedPairs(sizes: number[]): Array<[number, number]> {
  const sorted = [...new Set(sizes)].sort((a, b) => a - b);
  const pairs: Array<[number, number]> = [];
  for (let i = 1; i < sorted.length; i++) pairs.push([sorted[i - 1], sorted[i]]);
  for (const b of sorted) if (sorted.includes(8 * b)) pairs.push([b, 8 * b]);
  return pairs;
}
