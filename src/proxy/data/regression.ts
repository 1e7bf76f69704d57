import type { SeededRandom } from "../seeded-random.js";
import { splitExamples, type Dataset } from "./dataset.js";

export interface RegressionOptions {
  inputShape: number[];
  outputs: number;
  examples: number;
  evalExamples: number;
  /** Standard deviation of the Gaussian noise added to each target. */
  noiseStd: number;
  rng: SeededRandom;
}

export interface RegressionData {
  dataset: Dataset;
  /** y = x·W* + ε with W* row-major [features, outputs]; known so tests can compute gradients in closed form. */
  teacher: { weights: Float32Array; noiseStd: number };
}

/**
 * Linear teacher plus Gaussian noise, x ~ N(0, I), W* ~ N(0, 1/d) so the signal has unit variance.
 * @example regressionData({ inputShape: [32], outputs: 1, examples: 8192, evalExamples: 1024, noiseStd: 0.5, rng })
 */
export function regressionData(options: RegressionOptions): RegressionData {
  const { outputs, rng } = options;
  const d = options.inputShape.reduce((a, b) => a * b, 1);
  const weights = Float32Array.from({ length: d * outputs }, () => rng.normal() / Math.sqrt(d));
  const total = options.examples + options.evalExamples;
  const x = new Float32Array(total * d);
  const y = new Float32Array(total * outputs);
  for (let n = 0; n < total; n++) {
    for (let i = 0; i < d; i++) x[n * d + i] = rng.normal();
    for (let o = 0; o < outputs; o++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += x[n * d + i] * weights[i * outputs + o];
      y[n * outputs + o] = s + options.noiseStd * rng.normal();
    }
  }
  const dataset: Dataset = {
    description:
      `synthetic linear regression (${d} Gaussian features, ${outputs} ` +
      `output${outputs > 1 ? "s" : ""}, noise σ ` +
      `= ${options.noiseStd}; ${options.examples} training examples)`,
    about: {
      id: "data.regression",
      params: { features: d, outputs, noise: options.noiseStd, examples: options.examples },
    },
    task: "regression",
    inputShape: options.inputShape,
    outputs,
    labelsPerExample: outputs,
    ...splitExamples({ count: total, x, y }, { xSize: d, ySize: outputs, evalCount: options.evalExamples }),
  };
  return { dataset, teacher: { weights, noiseStd: options.noiseStd } };
}
