import { describe, expect, it } from "vitest";
import type { CliPrediction } from "../../bench/accuracy-cli.js";
import { readPrediction } from "../../bench/accuracy-cli.js";
import type { TaskGroundTruth } from "../../bench/accuracy-ground-truth.js";
import { compareUserTask, summariseUserTask } from "../../bench/accuracy-user-tasks.js";

const point = (batchSize: number, steps: number | null) => ({
  batchSize,
  learningRate: 1e-3,
  multiplier: 1,
  atGridEdge: false,
  stepsBySeed: [steps],
  steps,
  stepMs: 1,
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
  points: [point(16, 400), point(32, 240), point(64, null)],
  fit: {
    sMin: 80,
    eMin: 5120,
    bCrit: 64,
    relativeResiduals: [],
    rmsRelativeResidual: 0,
    unweightedBCrit: { steps: 64, examples: 64 },
  },
};

const cli = (bOld: number, bNew: number, value: number, options: Partial<CliPrediction> = {}): CliPrediction => ({
  bOld,
  bNew,
  quick: false,
  stepsRatio: { value, low: value * 0.9, high: value * 1.1 },
  basis: "your-proxy",
  bCrit: { value: 50, low: 25, high: 100, source: "noise" },
  lowerBound: false,
  regime: "diminishing returns begin",
  proxySeconds: 10,
  cliSeconds: 12,
  partial: false,
  ...options,
});

describe("compareUserTask", () => {
  it(
    "scores the default plan's steps ratio against the measured one, with naive " +
      "1/B, the oracle and the --quick run beside it",
    () => {
      const [pair] = compareUserTask(
        truth,
        [cli(16, 32, 0.7)],
        [
          cli(16, 32, 0.55, {
            quick: true,
            regime: "past the critical batch",
            bCrit: { value: 20, low: 10, high: 40, source: "noise" },
          }),
        ],
      );
      expect(pair.measured).toBeCloseTo(0.6, 10);
      expect(pair.relError).toBeCloseTo(0.1 / 0.6, 10);
      expect(pair.insideInterval).toBe(false); // 0.6 < 0.7 × 0.9
      expect(pair.naive).toEqual({ value: 0.5, relError: expect.closeTo(1 / 6, 10) });
      expect(pair.oracle.value).toBeCloseTo((80 + 5120 / 32) / (80 + 5120 / 16), 10);
      expect(pair.quick.insideInterval).toBe(true); // [0.495, 0.605]
      expect(pair.quick.sameRegime).toBe(false);
      expect(pair.bCrit).toEqual({ default: 50, quick: 20 });
    },
  );

  it("leaves out a pair whose batch size never reached the target, and one without its --quick run", () => {
    expect(compareUserTask(truth, [cli(32, 64, 0.7)], [cli(32, 64, 0.7, { quick: true })])).toEqual([]);
    expect(compareUserTask(truth, [cli(16, 32, 0.6)], [])).toEqual([]);
  });
});

describe("summariseUserTask", () => {
  it("counts coverage and regime agreement and beats naive only with a lower median error", () => {
    const pairs = compareUserTask(truth, [cli(16, 32, 0.6)], [cli(16, 32, 0.6, { quick: true })]);
    const s = summariseUserTask("t", pairs, 64);
    expect(s).toMatchObject({
      pairs: 1,
      insideInterval: 1,
      coverage: 1,
      sameRegimeWithQuick: 1,
      beatsNaive: true,
      measuredBCrit: 64,
    });
    expect(s.medianRelError).toBeCloseTo(0, 10);
    const worse = summariseUserTask(
      "t",
      compareUserTask(truth, [cli(16, 32, 0.45)], [cli(16, 32, 0.45, { quick: true })]),
    );
    expect(worse.beatsNaive).toBe(false);
  });
});

describe("readPrediction", () => {
  const report = (convergence: unknown) => ({
    groups: [{ estimate: { convergence } }],
    measurements: [
      { wallSeconds: 9, partial: false, notes: ["noise: fewer than two gradient samples, no noise scale"] },
    ],
  });

  it("reads the steps ratio, the basis and the regime the comment names", () => {
    const p = readPrediction(
      report({
        basis: "your-proxy",
        stepsRatio: { value: 0.6, low: 0.5, high: 0.8 },
        bCrit: { value: 300, low: 30, high: 2000, source: "noise" },
        notes: [
          {
            id: "convergence-position",
            text:
              "B_crit ≈ 300 samples; the batch goes from 0.11× to 0.85× B_crit " +
              "(diminishing returns begin: steps fall less than the batch grows).",
          },
        ],
      }),
      { bOld: 32, bNew: 256, quick: false, cliSeconds: 20 },
    );
    expect(p).toMatchObject({
      basis: "your-proxy",
      stepsRatio: { value: 0.6, low: 0.5, high: 0.8 },
      regime: "diminishing returns begin",
      lowerBound: false,
      proxySeconds: 9,
    });
  });

  it("reads the regime from the note's id", () => {
    const p = readPrediction(
      report({
        basis: "your-proxy",
        stepsRatio: { value: 0.9 },
        bCrit: { value: 30, source: "noise" },
        notes: [{ id: "convergence-position-past", params: { after: 2 } }],
      }),
      { bOld: 32, bNew: 64, quick: false, cliSeconds: 1 },
    );
    expect(p.regime).toBe("past the critical batch");
  });

  it("has no regime when the comment names none, and fails with the proxy's notes when there is no estimate", () => {
    expect(
      readPrediction(
        report({
          basis: "your-proxy",
          lowerBound: true,
          stepsRatio: { value: 0.5 },
          bCrit: { value: 900, source: "noise" },
          notes: [],
        }),
        { bOld: 1, bNew: 2, quick: true, cliSeconds: 1 },
      ),
    ).toMatchObject({ regime: null, lowerBound: true, stepsRatio: { value: 0.5, low: 0.5, high: 0.5 } });
    expect(() => readPrediction(report(undefined), { bOld: 1, bNew: 2, quick: true, cliSeconds: 1 })).toThrow(
      /no convergence estimate.*no noise scale/,
    );
  });
});
