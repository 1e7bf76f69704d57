import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { regressionData } from "../../src/proxy/data/regression.js";
import { loadBackend } from "../../src/proxy/load-backend.js";
import { buildMlp } from "../../src/proxy/models/mlp.js";
import { seededRandom } from "../../src/proxy/seeded-random.js";
import { createBudget } from "../../src/proxy/time-budget.js";
import { tuneLearningRate } from "../../src/proxy/tune-learning-rate.js";

describe("the noise phase's short learning-rate search", () => {
  const d = 16;
  const { dataset } = regressionData({
    inputShape: [d],
    outputs: 1,
    examples: 4096,
    evalExamples: 256,
    noiseStd: 0.1,
    rng: seededRandom(2, "data"),
  });
  const task = {
    dataset,
    createModel: () => buildMlp({ inputSize: d, hidden: [], outputs: 1, rng: seededRandom(1, "init") }),
  };
  const search = (multipliers: number[], budget = createBudget({ seconds: 60 })) =>
    tuneLearningRate(task, { optimizer: "sgd", base: 1e-4, batch: 32, multipliers, steps: 64, seed: 1, budget });

  beforeAll(async () => {
    await loadBackend({ force: "wasm" });
  });

  it("picks the rate that got furthest down, not a diverging larger one nor a timid smaller one", () => {
    const tensorsBefore = tf.memory().numTensors;
    const r = search([1, 100, 1000, 1e7]);
    expect(r.best).toBeCloseTo(0.1, 10);
    expect(r.tried.map((t) => t.learningRate)).toEqual([1e-4, 1e-2, 1e-1, 1e3]);
    expect(r.tried[3].loss).toBe(Infinity);
    expect(r.tried[2].loss).toBeLessThan(r.tried[1].loss);
    expect(r.tried[1].loss).toBeLessThan(r.tried[0].loss);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it("gives the same answer twice: every candidate starts from the same weights and batches", () => {
    expect(search([1, 10, 100])).toEqual(search([1, 10, 100]));
  });

  it("keeps the plan's rate when every candidate diverged, and says when the budget cut it short", () => {
    expect(search([1e7, 1e8]).best).toBe(1e-4);
    const spent = createBudget({ seconds: 0 });
    const r = search([1, 100], spent);
    expect(r.stopped).toBe(true);
    expect(r.tried).toEqual([]);
  });
});
