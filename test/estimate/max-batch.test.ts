import { describe, expect, it } from "vitest";
import { maxBatchPerDevice } from "../../src/estimate/max-batch.js";

const GB = 1e9;
const budget = { bytes: 76 * GB, from: "hardware.gpu: A100-80GB 80 GB − 4 GB" };

describe("the largest per-device batch that fits", () => {
  it("solves M₀ + m·B ≤ budget and splits the PR's batch into what fits × accumulation", () => {
    const max = maxBatchPerDevice({ fixedBytes: 20 * GB, perExampleBytes: 5 * GB, budget, micro: 32, accumulation: 1 });
    // (76 − 20) / 5 = 11.2 → 11; 32 = 8 × 4 is the largest divisor of 32 not above 11.
    expect(max).toMatchObject({ value: 11, fits: false, accumulation: { micro: 8, accumulation: 4, product: 32 } });
  });

  it(
    "with the peak's interval, gives the batch that fits even at its top, and " +
      "says the new one fits only centrally",
    () => {
      const max = maxBatchPerDevice({
        fixedBytes: 8 * GB,
        perExampleBytes: 1.5 * GB,
        budget,
        micro: 32,
        accumulation: 1,
        high: { fixedBytes: 9 * GB, perExampleBytes: 3.4 * GB },
      });
      // Central: (76 − 8) / 1.5 = 45.3 → 45; top: (76 − 9) / 3.4 = 19.7 → 19, below the new 32.
      expect(max).toMatchObject({ value: 45, low: 19, fits: true, fitsAtHigh: false });
    },
  );

  it("over the budget, also gives the split that fits even at the top of the interval when it is smaller", () => {
    const max = maxBatchPerDevice({
      fixedBytes: 20 * GB,
      perExampleBytes: 4.2 * GB,
      budget,
      micro: 32,
      accumulation: 1,
      high: { fixedBytes: 22 * GB, perExampleBytes: 7 * GB },
    });
    // Central: (76 − 20) / 4.2 = 13.3 → 13, so 8 × 4; top: (76 − 22) / 7 = 7.7 → 7, so 4 × 8.
    expect(max).toMatchObject({
      value: 13,
      low: 7,
      accumulation: { micro: 8, accumulation: 4 },
      accumulationAtHigh: { micro: 4, accumulation: 8 },
    });
  });

  it("leaves the range out when the top of the interval fits as many", () => {
    const max = maxBatchPerDevice({
      fixedBytes: 20 * GB,
      perExampleBytes: 5 * GB,
      budget,
      micro: 8,
      accumulation: 1,
      high: { fixedBytes: 20 * GB, perExampleBytes: 5 * GB },
    });
    expect(max?.low).toBeUndefined();
    expect(max?.fitsAtHigh).toBeUndefined();
  });
});
