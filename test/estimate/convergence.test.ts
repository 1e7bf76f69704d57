import { describe, expect, it } from "vitest";
import { curve, estimateConvergence, examplesRatio, stepsRatio } from "../../src/estimate/convergence.js";
import { criticalFromDirect, criticalFromNoise, kaplanCriticalBatch } from "../../src/estimate/critical-batch.js";
import { quantity } from "../../src/estimate/quantity.js";

const frame = (before: number, after: number) => ({
  unit: "samples" as const,
  before,
  after,
  how: "stand-in" as const,
});

describe("McCandlish steps and examples to the same loss", () => {
  it("B_crit = 900, 32 → 64: 1.934× fewer steps and 1.034× more examples", () => {
    expect(1 / stepsRatio(900, 32, 64)).toBeCloseTo(1.934, 3);
    expect(examplesRatio(900, 32, 64)).toBeCloseTo(1.034, 3);
  });

  it("B_crit = 200, 32 → 64: 1.758× fewer steps and 1.138× more examples", () => {
    expect(1 / stepsRatio(200, 32, 64)).toBeCloseTo(1.758, 3);
    expect(examplesRatio(200, 32, 64)).toBeCloseTo(1.138, 3);
  });

  it("B_crit = 200, 256 → 512: 1.28× fewer steps and 1.56× more examples (reference §6 table)", () => {
    expect(1 / stepsRatio(200, 256, 512)).toBeCloseTo(1.28, 2);
    expect(examplesRatio(200, 256, 512)).toBeCloseTo(1.56, 2);
  });

  it("at B = B_crit training takes twice the minimum steps and examples", () => {
    // S(B_crit)/S(∞) = 2 and E(B_crit)/E(0) = 2: compare with a batch far above and far below.
    expect(stepsRatio(500, 500, 1e12)).toBeCloseTo(0.5, 6);
    expect(examplesRatio(500, 1e-9, 500)).toBeCloseTo(2, 6);
  });

  it("steps × batch = examples, so the two ratios agree with the batch ratio", () => {
    for (const [bc, b1, b2] of [
      [900, 32, 64],
      [50, 8, 1024],
      [3000, 256, 128],
    ]) {
      expect(stepsRatio(bc, b1, b2) * (b2 / b1)).toBeCloseTo(examplesRatio(bc, b1, b2), 10);
    }
  });
});

describe("critical batch sources", () => {
  it("Kaplan at L = 3.0 gives about 1.07M tokens, and doubles for a 13% lower loss", () => {
    expect(kaplanCriticalBatch(3.0) / 1e6).toBeCloseTo(1.07, 2);
    expect(kaplanCriticalBatch(6.0)).toBeCloseTo(3.9e4, -3);
    expect(kaplanCriticalBatch(2.0 * 0.87) / kaplanCriticalBatch(2.0)).toBeCloseTo(1.94, 2);
  });

  it("the noise scale stands in for B_crit with an interval widened down to a tenth and up to three times", () => {
    const q = criticalFromNoise({
      bSmall: 32,
      bBig: 256,
      bSimple: 900,
      interval: [700, 1100],
      atLoss: 0.3,
      initialLoss: 2.3,
      samples: [],
    });
    expect(q).toMatchObject({ value: 900, low: 70, high: 3300, unit: "examples" });
    expect(q.source).toMatch(/McCandlish/);
  });

  it("the direct measurement's interval comes from leaving one point out", () => {
    const points = [16, 32, 64, 128, 256].map((b, i) => ({
      batchSize: b,
      steps: 100 * (1 + 400 / b) * (1 + (i % 2 ? 0.02 : -0.02)),
      learningRate: 0.1,
    }));
    const q = criticalFromDirect({
      bCrit: 400,
      sMin: 100,
      targetLoss: 0.5,
      points,
      r2: 0.99,
      learningRateRule: "linear",
    });
    expect(q.value).toBe(400);
    expect(q.low!).toBeLessThan(400);
    expect(q.high!).toBeGreaterThan(400);
    expect(q.high! / q.low!).toBeLessThan(2);
  });

  it("a direct measurement with two points gets a factor-of-two interval", () => {
    const q = criticalFromDirect({
      bCrit: 400,
      sMin: 100,
      targetLoss: 0.5,
      points: [
        { batchSize: 32, steps: 1350, learningRate: 0.1 },
        { batchSize: 64, steps: 725, learningRate: 0.1 },
      ],
      r2: 1,
      learningRateRule: "linear",
    });
    expect([q.low, q.high]).toEqual([200, 800]);
  });
});

describe("estimateConvergence", () => {
  it("propagates B_crit's interval into the steps and examples ratios", () => {
    const c = estimateConvergence({
      bCrit: quantity(900, "examples", "x", { low: 90, high: 1100 }),
      source: "noise-scale",
      frame: frame(32, 64),
    });
    expect(c.stepsRatio.value).toBeCloseTo(1 / 1.934, 3);
    expect(c.stepsRatio.low).toBeCloseTo(stepsRatio(1100, 32, 64), 10);
    expect(c.stepsRatio.high).toBeCloseTo(stepsRatio(90, 32, 64), 10);
    expect(c.examplesRatio.high).toBeCloseTo(examplesRatio(90, 32, 64), 10);
    expect(c.perfectScalingStepsRatio).toBe(0.5);
    expect(c.stepsRatio.source).toBe("McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)");
  });

  it("wall time to the same loss is the steps ratio times the step-time ratio", () => {
    const c = estimateConvergence({
      bCrit: quantity(900, "examples", "x"),
      source: "direct",
      frame: frame(32, 64),
      speed: { ratio: quantity(1.6, "ratio", "measured", { low: 1.5, high: 1.7 }), t0: 2, t1: 0.25 },
    });
    expect(c.wallTimeRatio!.value).toBeCloseTo(stepsRatio(900, 32, 64) * 1.6, 10);
    expect(c.wallTimeRatio!.low).toBeCloseTo(stepsRatio(900, 32, 64) * 1.5, 10);
  });

  it("adds Kaplan's second opinion in tokens when the loss is known", () => {
    const c = estimateConvergence({
      bCrit: quantity(900, "examples", "x"),
      source: "noise-scale",
      frame: frame(32, 64),
      kaplan: { loss: 3, before: 262_144, after: 524_288 },
    });
    expect(c.kaplan!.bCrit.unit).toBe("tokens");
    expect(c.kaplan!.stepsRatio!.value).toBeCloseTo(stepsRatio(kaplanCriticalBatch(3), 262_144, 524_288), 10);
  });

  it("the chart curve marks the old and new batch and starts at 1 for the old one", () => {
    const points = curve({ bCrit: 900, before: 32, after: 64, speed: { t0: 2, t1: 0.25 } });
    const old = points.find((p) => p.batchSize === 32)!;
    expect(old).toMatchObject({ steps: 1, examples: 1, time: 1 });
    expect(points.find((p) => p.batchSize === 64)!.steps).toBeCloseTo(1 / 1.934, 3);
    expect(points.map((p) => p.batchSize)).toEqual([...points.map((p) => p.batchSize)].sort((a, b) => a - b));
    expect(points.some((p) => p.batchSize === 900)).toBe(true);
    // Steps fall and examples rise monotonically with the batch.
    for (let i = 1; i < points.length; i++) {
      expect(points[i].steps).toBeLessThan(points[i - 1].steps);
      expect(points[i].examples).toBeGreaterThan(points[i - 1].examples);
    }
  });
});
