import { describe, expect, it } from "vitest";
import { buildDataset } from "../../../src/proxy/data/build-dataset.js";
import { regressionData } from "../../../src/proxy/data/regression.js";
import { teacherStudentDataset } from "../../../src/proxy/data/teacher-student.js";
import { tokenDataset } from "../../../src/proxy/data/tokens.js";
import { prepareTask } from "../../../src/proxy/prepare-task.js";
import { seededRandom } from "../../../src/proxy/seeded-random.js";
import type { ProxyPlan } from "../../../src/proxy/types.js";

const plan = (overrides: Partial<ProxyPlan>): ProxyPlan => ({
  model: { kind: "mlp" },
  data: { kind: "teacher-student" },
  batchSizes: [8, 32],
  optimizer: "adam",
  learningRate: 1e-3,
  seed: 1,
  timeBudgetSeconds: 10,
  ...overrides,
});

describe("synthetic data", () => {
  it("flips about the requested share of teacher–student labels", () => {
    const options = { inputShape: [16], classes: 10, examples: 4000, evalExamples: 0, rng: seededRandom(1, "data") };
    const clean = teacherStudentDataset({ ...options, labelNoise: 0 });
    const noisy = teacherStudentDataset({ ...options, rng: seededRandom(1, "data"), labelNoise: 0.3 });
    expect(noisy.train.x).toEqual(clean.train.x);
    let changed = 0;
    for (let i = 0; i < 4000; i++) if (clean.train.y[i] !== noisy.train.y[i]) changed++;
    // A replaced label is a uniform class, so 1 in 10 replacements keeps the teacher's label.
    expect(changed / 4000).toBeGreaterThan(0.22);
    expect(changed / 4000).toBeLessThan(0.32);
  });

  it("adds Gaussian noise of the requested σ around a linear teacher", () => {
    const { dataset, teacher } = regressionData({
      inputShape: [8],
      outputs: 1,
      examples: 20000,
      evalExamples: 0,
      noiseStd: 0.5,
      rng: seededRandom(2, "data"),
    });
    let sq = 0;
    for (let n = 0; n < 20000; n++) {
      let s = 0;
      for (let i = 0; i < 8; i++) s += dataset.train.x[n * 8 + i] * teacher.weights[i];
      sq += (dataset.train.y[n] - s) ** 2;
    }
    expect(Math.sqrt(sq / 20000)).toBeCloseTo(0.5, 1);
  });

  it("cuts tokens into windows whose targets are the inputs shifted by one", () => {
    const d = tokenDataset({
      vocab: 16,
      sequenceLength: 8,
      examples: 50,
      evalExamples: 10,
      rng: seededRandom(3, "data"),
    });
    for (let n = 0; n < 50; n++) {
      for (let t = 0; t + 1 < 8; t++) expect(d.train.y[n * 8 + t]).toBe(d.train.x[n * 8 + t + 1]);
      if (n + 1 < 50) expect(d.train.x[(n + 1) * 8]).toBe(d.train.y[n * 8 + 7]);
    }
    expect(d.description).toMatch(/entropy ≈ \d\.\d\d nats\/token/);
  });
});

describe("buildDataset and prepareTask", () => {
  it("shapes MNIST as images for the cnn", async () => {
    const dataset = await buildDataset({
      plan: plan({ model: { kind: "cnn" }, data: { kind: "mnist", examples: 100 } }),
    });
    expect(dataset.inputShape).toEqual([28, 28, 1]);
    expect(dataset.train.count).toBe(100);
  });

  it("refuses to pair the transformer with non-token data", async () => {
    await expect(
      buildDataset({ plan: plan({ model: { kind: "transformer" }, data: { kind: "mnist" } }) }),
    ).rejects.toThrow(/transformer proxy trains on token data/);
  });

  it("says when a user topology and a user sample do not fit together", async () => {
    const p = plan({
      model: { kind: "user", topologyPath: "fixtures/models/tfjs-cnn-sequential.json" },
      data: { kind: "user", samplePath: "fixtures/samples/iris-like.csv" },
    });
    await expect(prepareTask(p)).rejects.toThrow(
      "Your topology takes inputs of shape [28, 28, 1] (784 values) but the data has 4 features per example",
    );
  });

  it("keeps user paths inside the base directory", async () => {
    const p = plan({ model: { kind: "user", topologyPath: "../outside/model.json" } });
    await expect(prepareTask(p, { baseDir: "fixtures" })).rejects.toThrow(
      /model\.topologyPath "\.\.\/outside\/model\.json" points outside/,
    );
  });
});
