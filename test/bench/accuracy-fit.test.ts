import { describe, expect, it } from "vitest";
import { comparedPairs, fitSteps, fittedStepsRatio, medianOf, relativeError } from "../../bench/accuracy-fit.js";

const exact = (sMin: number, bCrit: number, sizes: number[]) =>
  sizes.map((b) => ({ batchSize: b, steps: sMin * (1 + bCrit / b) }));

describe("fitSteps", () => {
  it("recovers S_min, E_min and B_crit from points on S_min(1 + B_crit/B)", () => {
    const fit = fitSteps(exact(20, 300, [8, 16, 32, 64, 128, 256, 512]));
    expect(fit.sMin).toBeCloseTo(20, 6);
    expect(fit.bCrit).toBeCloseTo(300, 4);
    expect(fit.eMin).toBeCloseTo(6000, 3);
    expect(fit.rmsRelativeResidual).toBeLessThan(1e-9);
  });

  it(
    "weights points by relative error, so one noisy large-batch point moves " +
      "B_crit less than an unweighted fit would",
    () => {
      const points = exact(20, 300, [8, 16, 32, 64, 128, 256, 512]);
      points[6] = { batchSize: 512, steps: points[6].steps * 1.3 };
      const fit = fitSteps(points);
      expect(fit.relativeResiduals[6]).toBeGreaterThan(0.1);
      expect(fit.bCrit).toBeGreaterThan(150);
      expect(fit.bCrit).toBeLessThan(300);
    },
  );

  it("calls steps that fall as fast as 1/B perfect scaling: B_crit is infinite", () => {
    const fit = fitSteps([8, 16, 32].map((b) => ({ batchSize: b, steps: 4096 / b })));
    expect(fit.bCrit).toBe(Infinity);
  });

  it("refuses a single point", () => {
    expect(() => fitSteps([{ batchSize: 8, steps: 10 }])).toThrow(/two points/);
  });
});

describe("ratios and errors", () => {
  it("the oracle's ratio is the fitted curve's ratio", () => {
    expect(fittedStepsRatio({ sMin: 100, eMin: 6400 }, 16, 64)).toBeCloseTo(0.4, 10);
  });

  it("relative error is taken against the measured value", () => {
    expect(relativeError(0.55, 0.5)).toBeCloseTo(0.1, 10);
    expect(relativeError(0.45, 0.5)).toBeCloseTo(0.1, 10);
  });

  it("median of an even list averages the middle two", () => {
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(medianOf([]))).toBe(true);
  });

  it("pairs are the neighbours and every ×8 jump", () => {
    expect(comparedPairs([64, 8, 16, 32, 128])).toEqual([
      [8, 16],
      [16, 32],
      [32, 64],
      [64, 128],
      [8, 64],
      [16, 128],
    ]);
  });
});
