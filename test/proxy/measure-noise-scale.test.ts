import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { regressionData } from "../../src/proxy/data/regression.js";
import { loadBackend } from "../../src/proxy/load-backend.js";
import { measureNoiseScale } from "../../src/proxy/measure-noise-scale.js";
import { buildMlp } from "../../src/proxy/models/mlp.js";
import type { ProxyModel } from "../../src/proxy/models/proxy-model.js";
import { progressReporter } from "../../src/proxy/progress.js";
import { seededRandom } from "../../src/proxy/seeded-random.js";
import { createBudget } from "../../src/proxy/time-budget.js";
import type { ProxyPlan } from "../../src/proxy/types.js";

/*
 * Closed form. y = w*·x + ε, x ~ N(0, I_d), ε ~ N(0, σ²); a linear model (w, b) at w = w* + δ, b = 0,
 * loss ½(w·x + b − y)², residual r = δ·x − ε. Per-example gradient g = (r·x, r).
 *   G = E[g] = (E[(δ·x)x], E[r]) = (δ, 0)                          → |G|² = |δ|²
 *   E[r² x xᵀ] = |δ|² I + 2δδᵀ + σ² I (Isserlis), E[r²] = |δ|² + σ², E[r² x] = 0
 *   tr Σ = tr E[g gᵀ] − |G|² = d(|δ|² + σ²) + 2|δ|² + (|δ|² + σ²) − |δ|² = (d + 1)(|δ|² + σ²) + |δ|²
 *   B_simple = tr Σ / |G|² = ((d + 1)(|δ|² + σ²) + |δ|²) / |δ|²
 */
const d = 32;
const sigma = 0.5;
const N = 20_000;

function closedForm(deltaSq: number): number {
  return ((d + 1) * (deltaSq + sigma ** 2) + deltaSq) / deltaSq;
}

/** The same quantity computed exactly over the finite dataset the sampler draws from. */
function exactOverDataset(x: Float32Array, y: Float32Array, w: Float32Array): number {
  const mean = new Float64Array(d + 1);
  let meanSq = 0;
  for (let n = 0; n < N; n++) {
    let r = -y[n];
    for (let i = 0; i < d; i++) r += w[i] * x[n * d + i];
    let sq = r * r;
    for (let i = 0; i < d; i++) {
      mean[i] += (r * x[n * d + i]) / N;
      sq += (r * x[n * d + i]) ** 2;
    }
    mean[d] += r / N;
    meanSq += sq / N;
  }
  const gSq = mean.reduce((a, b) => a + b * b, 0);
  return (meanSq - gSq) / gSq;
}

describe("gradient noise scale on a linear-regression task with a closed-form answer", () => {
  const { dataset, teacher } = regressionData({
    inputShape: [d],
    outputs: 1,
    examples: N,
    evalExamples: 16,
    noiseStd: sigma,
    rng: seededRandom(11, "data"),
  });
  const plan: ProxyPlan = {
    model: { kind: "mlp", hidden: [] },
    data: { kind: "regression" },
    batchSizes: [16, 128],
    optimizer: "sgd",
    learningRate: 0.01,
    seed: 3,
    timeBudgetSeconds: 60,
  };

  beforeAll(async () => {
    await loadBackend({ force: "wasm" });
  });

  async function measureAt(deltaSq: number) {
    const rng = seededRandom(5, `delta-${deltaSq}`);
    const delta = Float32Array.from({ length: d }, () => rng.normal());
    const scale = Math.sqrt(deltaSq / delta.reduce((a, b) => a + b * b, 0));
    const w = Float32Array.from(teacher.weights, (t, i) => t + scale * delta[i]);
    const model: ProxyModel = buildMlp({ inputSize: d, hidden: [], outputs: 1, rng: seededRandom(1, "init") });
    const value = tf.tensor2d(w, [d, 1]);
    model.variables[0].assign(value);
    value.dispose();
    const task = { dataset, createModel: () => model };
    const context = { plan, task, budget: createBudget({ seconds: 60 }), progress: progressReporter() };
    const result = await measureNoiseScale(context, {
      model,
      smallBatch: 16,
      bigBatchMultiple: 8,
      samples: 400,
      stepsBetween: 0,
      emaDecay: 0.995,
      maxWarmupExamples: 0,
      bootstrapResamples: 400,
    });
    const exact = exactOverDataset(dataset.train.x as Float32Array, dataset.train.y as Float32Array, w);
    model.dispose();
    return { measured: result.value!, exact };
  }

  it("the exact value over the dataset agrees with the closed form", async () => {
    const { exact } = await measureAt(0.25);
    expect(Math.abs(exact / closedForm(0.25) - 1)).toBeLessThan(0.05);
  });

  it("estimates B_simple within 20 % of the exact value, with an interval that contains it", async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { measured, exact } = await measureAt(0.25);
    expect(Math.abs(measured.bSimple / exact - 1)).toBeLessThan(0.2);
    expect(measured.interval[0]).toBeLessThan(exact);
    expect(measured.interval[1]).toBeGreaterThan(exact);
    expect(measured.samples).toHaveLength(400);
    expect(measured).toMatchObject({ bSmall: 16, bBig: 128 });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it("measures a larger noise scale closer to the optimum, as the closed form says", async () => {
    const near = await measureAt(0.05);
    const far = await measureAt(1);
    expect(near.measured.bSimple).toBeGreaterThan(2 * far.measured.bSimple);
    expect(Math.abs(near.measured.bSimple / near.exact - 1)).toBeLessThan(0.2);
    expect(Math.abs(far.measured.bSimple / far.exact - 1)).toBeLessThan(0.2);
  });
});
