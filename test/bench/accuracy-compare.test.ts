import { describe, expect, it } from "vitest";
import { comparePairs, summarise } from "../../bench/accuracy-compare.js";
import type { TaskGroundTruth } from "../../bench/accuracy-ground-truth.js";
import type { TaskPrediction } from "../../bench/accuracy-predictions.js";

const point = (batchSize: number, steps: number | null, stepMs: number) => ({
  batchSize,
  learningRate: 1e-3,
  multiplier: 1,
  atGridEdge: false,
  stepsBySeed: [steps],
  steps,
  stepMs,
  runs: [],
});

const truth: TaskGroundTruth = {
  task: "t",
  title: "t",
  spec: "",
  targetLoss: 0.3,
  seeds: [1],
  learningRateRule: "",
  seconds: 0,
  points: [point(16, 400, 2), point(32, 240, 3), point(64, null, 5)],
  fit: {
    sMin: 80,
    eMin: 5120,
    bCrit: 64,
    relativeResiduals: [],
    rmsRelativeResidual: 0,
    unweightedBCrit: { steps: 64, examples: 64 },
  },
};

const prediction = (pairs: Array<[number, number]>, stepsRatio: number): TaskPrediction => ({
  task: "t",
  quick: false,
  change: [16, 32],
  bCrit: { value: 50, low: 25, high: 100, source: "", uncertain: false },
  proxy: { wallSeconds: 1, partial: false, trainBatch: 16, notes: [] },
  pairs: pairs.map(([bOld, bNew]) => ({
    bOld,
    bNew,
    predicted: { stepsRatio, examplesRatio: (stepsRatio * bNew) / bOld, timeRatio: stepsRatio * 1.4 },
    stepsInterval: [0.5, 0.7],
    uncertain: false,
    stepTimeRatio: 1.4,
  })),
});

describe("comparePairs", () => {
  it(
    "measures steps, examples and time ratios from the ground truth and sets " + "both baselines beside the prediction",
    () => {
      const [pair] = comparePairs(truth, prediction([[16, 32]], 0.66));
      expect(pair.measured.stepsRatio).toBeCloseTo(0.6, 10);
      expect(pair.measured.examplesRatio).toBeCloseTo(1.2, 10);
      expect(pair.measured.timeRatio).toBeCloseTo(0.6 * 1.5, 10);
      expect(pair.naive.stepsRatio).toBe(0.5);
      expect(pair.naive.timeRatio).toBeCloseTo(0.5 * 1.4, 10);
      expect(pair.oracle.stepsRatio).toBeCloseTo((80 + 5120 / 32) / (80 + 5120 / 16), 10);
      expect(pair.relError.predicted.stepsRatio).toBeCloseTo(0.1, 10);
      expect(pair.measuredInInterval).toBe(true);
    },
  );

  it("drops a pair whose batch size never reached the target", () => {
    expect(
      comparePairs(
        truth,
        prediction(
          [
            [16, 32],
            [32, 64],
          ],
          0.6,
        ),
      ),
    ).toHaveLength(1);
  });

  it("a predictor worse than 1/B scaling does not beat naive", () => {
    const summary = summarise("t", comparePairs(truth, prediction([[16, 32]], 0.9)));
    expect(summary.beatsNaive).toBe(false);
    expect(summary.medianRelErrorSteps.predicted).toBeCloseTo(0.5, 10);
  });
});
