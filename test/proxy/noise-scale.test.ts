import { describe, expect, it } from "vitest";
import {
  biasCorrectedEma,
  bootstrapInterval,
  emaWeights,
  simpleNoiseScale,
  unbiasedEstimates,
} from "../../src/proxy/noise-scale.js";
import { seededRandom } from "../../src/proxy/seeded-random.js";

describe("noise-scale estimators (McCandlish et al. 2018, App. A.1)", () => {
  it("recovers |G|² and tr(Σ) exactly from expected squared norms", () => {
    const G = 0.7;
    const trace = 42;
    const pair = { bSmall: 8, bBig: 64, gSmallSq: G + trace / 8, gBigSq: G + trace / 64 };
    const { gTrueSq, traceSigma } = unbiasedEstimates(pair);
    expect(gTrueSq).toBeCloseTo(G, 12);
    expect(traceSigma).toBeCloseTo(trace, 10);
  });

  it("rejects a big batch that is not bigger", () => {
    expect(() => unbiasedEstimates({ bSmall: 8, bBig: 8, gSmallSq: 1, gBigSq: 1 })).toThrow(/B_big/);
  });

  it("uses bias-corrected EMA weights that sum to one and favour recent samples", () => {
    const w = emaWeights(5, 0.9);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(w[4]).toBeGreaterThan(w[0]);
    expect(emaWeights(2, 0.5)).toEqual([1 / 3, 2 / 3]);
    expect(biasCorrectedEma([3, 3, 3], 0.9)).toBeCloseTo(3, 12);
  });

  it("takes the ratio of the smoothed quantities, not the mean of ratios", () => {
    // Per-sample ratios are 10 and 100; EMA(trΣ)/EMA(|G|²) with equal weights is 110/2 = 55... weighted here.
    const samples = [
      { gTrueSq: 1, traceSigma: 10 },
      { gTrueSq: 1, traceSigma: 100 },
    ];
    const w = emaWeights(2, 0.5);
    expect(simpleNoiseScale(samples, 0.5)).toBeCloseTo(w[0] * 10 + w[1] * 100, 10);
  });

  it("reports an unbounded noise scale when the smoothed |G|² is not positive", () => {
    expect(
      simpleNoiseScale(
        [
          { gTrueSq: -1, traceSigma: 5 },
          { gTrueSq: 0.5, traceSigma: 5 },
        ],
        0.9,
      ),
    ).toBe(Infinity);
  });

  it("gives a seeded bootstrap interval around the estimate that narrows with more samples", () => {
    const rng = seededRandom(5, "samples");
    const draw = (n: number) =>
      Array.from({ length: n }, () => ({ gTrueSq: 1 + 0.3 * rng.normal(), traceSigma: 100 + 20 * rng.normal() }));
    const few = draw(10);
    const many = draw(200);
    const options = { decay: 0.99, resamples: 500 };
    const a = bootstrapInterval(few, { ...options, rng: seededRandom(1, "b") });
    const b = bootstrapInterval(few, { ...options, rng: seededRandom(1, "b") });
    expect(a).toEqual(b);
    const estimate = simpleNoiseScale(few, 0.99);
    expect(a[0]).toBeLessThan(estimate);
    expect(a[1]).toBeGreaterThan(estimate);
    const wide = bootstrapInterval(many, { ...options, rng: seededRandom(1, "b") });
    expect(wide[1] - wide[0]).toBeLessThan(a[1] - a[0]);
  });
});
