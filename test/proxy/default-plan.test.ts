import { describe, expect, it } from "vitest";
import {
  defaultPlan,
  NOISE_LR_MULTIPLIERS,
  NOISE_TRAIN_BATCH_MAX,
  USER_TASK_MAX_BATCH,
} from "../../src/proxy/default-plan.js";
import { mapBatchSizes } from "../../src/proxy/map-batch-sizes.js";
import { validatePlan } from "../../src/proxy/validate-plan.js";

describe("mapBatchSizes", () => {
  it("keeps small real batch sizes as they are", () => {
    expect(mapBatchSizes([8, 32], 256).proxy).toEqual([8, 32]);
  });

  it("scales large batch sizes down by one factor, keeping their ratio", () => {
    const { proxy, mapping } = mapBatchSizes([512, 4096], 256);
    expect(proxy).toEqual([32, 256]);
    expect(mapping).toMatch(/ratio 8× is kept/);
  });

  it("says so when a batch would scale below one and the ratio changes", () => {
    const { proxy, mapping } = mapBatchSizes([4, 65536], 256);
    expect(proxy).toEqual([1, 256]);
    expect(mapping).toMatch(/ratio becomes 256× instead of 16384×/);
  });
});

describe("defaultPlan", () => {
  it("plans an mlp on MNIST with fits around both batch sizes and a late noise-scale phase", () => {
    const plan = defaultPlan({ batchSizes: [512, 4096] });
    expect(plan.model.kind).toBe("mlp");
    expect(plan.data.kind).toBe("mnist");
    expect(plan.batchSizes).toEqual([32, 256]);
    expect(plan.realBatchSizes).toEqual([512, 4096]);
    expect(plan.fitBatchSizes).toEqual([16, 91, 512]);
    expect(plan.noise).toMatchObject({ samples: 24 });
    expect(() => validatePlan(plan)).not.toThrow();
  });

  it("uses the tiny transformer on tokens when the batch counts tokens, with a quick variant", () => {
    const plan = defaultPlan({ batchSizes: [65536, 524288], unit: "tokens", quick: true });
    expect(plan.model).toEqual({ kind: "transformer", size: "tiny" });
    expect(plan.batchSizes).toEqual([4, 32]);
    expect(plan.timeBudgetSeconds).toBeLessThanOrEqual(15);
  });

  it("scales the proxy learning rate to the old batch by the optimizer's rule", () => {
    expect(defaultPlan({ batchSizes: [128, 256], optimizer: "adam" }).learningRate).toBeCloseTo(2e-3, 12);
    expect(defaultPlan({ batchSizes: [64, 256], optimizer: "sgd" }).learningRate).toBeCloseTo(0.1, 12);
  });
});

describe("validatePlan", () => {
  it("names the bad key", () => {
    const plan = defaultPlan({ batchSizes: [8, 32] });
    expect(() => validatePlan({ ...plan, batchSizes: [0, 32] })).toThrow(/plan\.batchSizes\.0/);
    expect(() => validatePlan({ ...plan, learningRate: -1 })).toThrow(/plan\.learningRate/);
    expect(() => validatePlan({ ...plan, model: { kind: "user" } })).toThrow(/plan\.model\.topologyPath/);
  });
});

describe("a user's own model or data trains at the user's own batch sizes", () => {
  const model = { kind: "user" as const, topologyPath: "model.json" };

  it("up to USER_TASK_MAX_BATCH the proxy batches are the real ones, with and without --quick", () => {
    for (const quick of [false, true]) {
      const plan = defaultPlan({ batchSizes: [32, 512], model, quick });
      expect(plan.batchSizes).toEqual([32, 512]);
    }
  });

  it("beyond it the ratio is kept, the same way for both plans", () => {
    const full = defaultPlan({ batchSizes: [256, 2048], model });
    const quick = defaultPlan({ batchSizes: [256, 2048], model, quick: true });
    expect(full.batchSizes).toEqual([USER_TASK_MAX_BATCH / 8, USER_TASK_MAX_BATCH]);
    expect(quick.batchSizes).toEqual(full.batchSizes);
  });

  it("--quick measures the noise scale exactly as the default plan does, so the regime label cannot move", () => {
    const full = defaultPlan({ batchSizes: [32, 512], model });
    const quick = defaultPlan({ batchSizes: [32, 512], model, quick: true });
    expect(quick.noise).toEqual(full.noise);
  });

  it("the noise phase searches its learning rate first, at the old batch up to NOISE_TRAIN_BATCH_MAX", () => {
    expect(defaultPlan({ batchSizes: [32, 512], model }).noise).toMatchObject({
      trainBatch: 32,
      learningRateSearch: { multipliers: NOISE_LR_MULTIPLIERS },
    });
    expect(defaultPlan({ batchSizes: [512, 1024], model }).noise).toMatchObject({ trainBatch: NOISE_TRAIN_BATCH_MAX });
    expect(defaultPlan({ batchSizes: [32, 512] }).noise).not.toHaveProperty("learningRateSearch");
  });

  it("the built-in stand-in keeps its own small batches", () => {
    expect(defaultPlan({ batchSizes: [32, 512] }).batchSizes).toEqual([16, 256]);
  });
});
