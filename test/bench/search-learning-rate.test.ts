import { describe, expect, it } from "vitest";
import { searchLearningRate } from "../../bench/accuracy-ground-truth.js";
import type { TargetRun } from "../../bench/accuracy-steps-to-target.js";

/** A fake trainer: steps to target as a function of the multiplier (and seed), honouring the step cap. */
function fakeRun(steps: (m: number, seed: number) => number | null) {
  const calls: Array<{ multiplier: number; seed: number; maxSteps: number }> = [];
  const run = (multiplier: number, seed: number, maxSteps: number): TargetRun => {
    calls.push({ multiplier, seed, maxSteps });
    const s = steps(multiplier, seed);
    const reached = s !== null && s <= maxSteps;
    return {
      batchSize: 32,
      learningRate: multiplier,
      seed,
      maxSteps,
      steps: reached ? s : null,
      endedBy: reached ? "target" : "cap",
      trainSeconds: 0,
      stepMs: 1,
    };
  };
  return { run, calls };
}

const GRID = [0.25, 0.5, 1, 2, 4, 8];

describe("searchLearningRate", () => {
  it("walks up the grid while the summed steps fall and stops at the fastest rate", () => {
    const { run } = fakeRun((m) => Math.round(100 * (1 / m + m / 4)));
    const result = searchLearningRate({ grid: GRID, start: 1, seeds: [1, 2], cap: 10_000, run });
    expect(result.best.multiplier).toBe(2);
    expect(result.atEdge).toBe(false);
  });

  it("walks down when the doubled rate is slower", () => {
    const { run } = fakeRun((m) => Math.round(100 * (0.25 / m + m)));
    expect(searchLearningRate({ grid: GRID, start: 1, seeds: [1, 2], cap: 10_000, run }).best.multiplier).toBe(0.5);
  });

  it("one seed's lucky run does not pick the rate: the sum over the search seeds does", () => {
    const { run } = fakeRun((m, seed) => (m === 2 ? (seed === 1 ? 60 : 200) : 100));
    expect(searchLearningRate({ grid: GRID, start: 1, seeds: [1, 2], cap: 10_000, run }).best.multiplier).toBe(1);
  });

  it("caps a challenger at the steps it would need to win", () => {
    const { run, calls } = fakeRun((m) => (m === 1 ? 100 : 500));
    searchLearningRate({ grid: GRID, start: 1, seeds: [1, 2], cap: 10_000, run });
    const challenger = calls.find((c) => c.multiplier === 2)!;
    expect(challenger.maxSteps).toBe(199);
    expect(calls.filter((c) => c.multiplier === 2)).toHaveLength(1);
  });

  it("flags a best rate at the end of the grid", () => {
    const { run } = fakeRun((m) => Math.round(1000 / m));
    const result = searchLearningRate({ grid: GRID, start: 1, seeds: [1], cap: 10_000, run });
    expect(result.best.multiplier).toBe(8);
    expect(result.atEdge).toBe(true);
  });
});
