import { describe, expect, it } from "vitest";
import type { CliPrediction } from "../../bench/accuracy-cli.js";
import type { TaskGroundTruth } from "../../bench/accuracy-ground-truth.js";
import { compareUserTask, summariseUserTask, type UserTasksResult } from "../../bench/accuracy-user-tasks.js";
import { renderUserTasksSection } from "../../bench/render-user-tasks-doc.js";

const point = (batchSize: number, steps: number) => ({
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
  task: "cnn",
  title: "a cnn",
  spec: "",
  targetLoss: 0.3,
  seeds: [1],
  learningRateRule: "",
  seconds: 0,
  points: [point(32, 100), point(64, 70), point(128, 60)],
  fit: {
    sMin: 50,
    eMin: 1600,
    bCrit: 32,
    relativeResiduals: [],
    rmsRelativeResidual: 0,
    unweightedBCrit: { steps: 32, examples: 32 },
  },
};
const cli = (
  bOld: number,
  bNew: number,
  value: number,
  quick: boolean,
  regime: CliPrediction["regime"],
  bCrit: number,
): CliPrediction => ({
  bOld,
  bNew,
  quick,
  stepsRatio: { value, low: value * 0.95, high: value * 1.05 },
  basis: "your-proxy",
  bCrit: { value: bCrit, low: bCrit, high: bCrit, source: "noise" },
  lowerBound: false,
  regime,
  proxySeconds: 1,
  cliSeconds: 2,
  partial: false,
});

function result(): UserTasksResult {
  const pairs = compareUserTask(
    truth,
    [cli(32, 64, 0.55, false, "near-perfect scaling", 300), cli(64, 128, 0.6, false, "diminishing returns begin", 300)],
    [
      cli(32, 64, 0.6, true, "diminishing returns begin", 120),
      cli(64, 128, 0.62, true, "diminishing returns begin", 150),
    ],
  );
  const summary = summariseUserTask("all", pairs);
  return {
    goals: {} as UserTasksResult["goals"],
    machine: { cores: 2, cpu: "test", node: "v20", date: "2025-01-01" } as UserTasksResult["machine"],
    source: undefined,
    tasks: [
      {
        task: "cnn",
        title: "a cnn",
        files: { model: "m.json", data: "d.csv", optimizer: "adam" },
        commands: { default: "", quick: "" },
        targetLoss: 0.3,
        batchSizes: [32, 64, 128],
        groundTruth: { reused: true, seconds: 1, seeds: [1], bCrit: 32 },
        summary: summariseUserTask("cnn", pairs, 32),
        pairs,
        predictions: { default: [], quick: [] },
      },
    ],
    summary: {
      ...summary,
      beatsNaiveOnEveryTask: summary.beatsNaive,
      allBasisYourProxy: true,
      medianSecondsPerPrediction: { default: 2, quick: 2 },
      met: {
        median: false,
        worst: summary.worstRelError <= 0.35,
        coverage: false,
        beatsNaive: summary.beatsNaive,
        sameRegimeWithQuick: false,
      },
    },
  };
}

describe("renderUserTasksSection", () => {
  it("renders nothing without user tasks", () => {
    expect(renderUserTasksSection(undefined)).toEqual([]);
  });

  it(
    "states each missed goal by how much, with the measured B_crit beside the " +
      "CLI's and the pairs whose regime differs",
    () => {
      const text = renderUserTasksSection(result()).join("\n");
      expect(text).toContain("## Your own model and data, through the CLI");
      expect(text).toMatch(/\*\*Median error\*\* \d+ % misses ≤ 10 %/);
      expect(text).toContain("cnn: measured 32, the CLI's 300");
      expect(text).toMatch(
        /differs on 1 of 2 pairs \(cnn 32 → 64: near-perfect scaling \/ diminishing returns begin, B_crit 300 \/ 120\)/,
      );
    },
  );

  it("shows why several seeds: steps per seed at each batch size, min–max (median), and the widest spread", () => {
    const r = result();
    r.tasks[0].groundTruth.seeds = [1, 2, 3];
    const [first, second] = r.tasks[0].pairs;
    first.stepsBySeed = { before: [90, 100, 130], after: [60, 70, null] };
    second.stepsBySeed = { before: [60, 70, null], after: [55, 60, 66] };
    const text = renderUserTasksSection(r).join("\n");
    expect(text).toContain("3 seeds, steps to the held-out target, the median over seeds at each size");
    // An unreached seed counts as slowest in the median, as in the ground truth.
    expect(text).toContain("cnn 32: 90–130 (100), 64: 60–70 (70), 1 unreached, 128: 55–66 (60).");
    expect(text).toContain("The widest spread is 40 % of its median (cnn at 32).");
  });
});
