import { describe, expect, it } from "vitest";
import { calibrate } from "../../bench/accuracy-calibration.js";

const ratio = (bCrit: number, before: number, after: number) => (1 + bCrit / after) / (1 + bCrit / before);
const pairs = (task: string, bCrit: number) =>
  [
    [8, 16],
    [16, 128],
    [64, 512],
  ].map(([bOld, bNew]) => ({ task, bOld, bNew, measured: { stepsRatio: ratio(bCrit, bOld, bNew) } }));

describe("calibrate", () => {
  it("scores each task with the factor of its peers, never its own", () => {
    // Both tasks' B_crit is 2× their B_simple, so each peer's factor predicts the other exactly.
    const result = calibrate({
      tasks: [
        { task: "a", measured: 200, predicted: 100 },
        { task: "b", measured: 60, predicted: 30 },
      ],
      pairs: [...pairs("a", 200), ...pairs("b", 60)],
    })!;
    expect(result.perTask.map((t) => t.leaveOneOutFactor)).toEqual([2, 2]);
    expect(result.medianRelErrorSteps).toBeCloseTo(0, 10);
    expect(result.factors.all).toBeCloseTo(2, 10);
  });

  it("a task whose own factor differs from its peers' is not rescued by it", () => {
    const result = calibrate({
      tasks: [
        { task: "a", measured: 200, predicted: 100 },
        { task: "b", measured: 15, predicted: 30 },
      ],
      pairs: [...pairs("a", 200), ...pairs("b", 15)],
    })!;
    expect(result.perTask[1].leaveOneOutFactor).toBe(2);
    expect(result.perTask[1].medianRelErrorSteps).toBeGreaterThan(0.1);
  });

  it("leaves out a task with no peer in its group", () => {
    const result = calibrate({
      tasks: [
        { task: "a", measured: 200, predicted: 100, group: "adam" },
        { task: "b", measured: 60, predicted: 30, group: "adam" },
        { task: "c", measured: 50, predicted: 60, group: "sgd" },
      ],
      pairs: [...pairs("a", 200), ...pairs("b", 60), ...pairs("c", 50)],
    })!;
    expect(result.perTask.find((t) => t.task === "c")!.leaveOneOutFactor).toBeNull();
    expect(result.factors.sgd).toBeCloseTo(50 / 60, 10);
  });
});
