import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config.js";
import { estimateChange } from "../../src/estimate/estimate.js";
import { estimateSpeed, fitStepTime, speedProblem } from "../../src/estimate/speed.js";
import { estimateNotes } from "../../src/report/alerts.js";
import { translator } from "../../src/report/messages/translate.js";
import { batchChange, fileReport, measurements, setting, timing } from "./build-inputs.js";

const steps = [16, 32, 64, 128].map((b) => timing(b, 2 + 0.25 * b));

describe("step-time fit", () => {
  it("recovers t(B) = t₀ + t₁·B from exact timings", () => {
    const fit = fitStepTime(steps)!;
    expect(fit.t0).toBeCloseTo(2, 10);
    expect(fit.t1).toBeCloseTo(0.25, 10);
    expect(fit.r2).toBeCloseTo(1, 10);
  });

  it("a step time that does not move with B is a flat fit with R² 1, not NaN", () => {
    const fit = fitStepTime([16, 32, 64].map((b) => timing(b, 5)))!;
    expect(fit).toMatchObject({ t0: 5, t1: 0, r2: 1 });
  });

  it("needs two distinct batch sizes", () => {
    expect(fitStepTime([timing(32, 10), timing(32, 11)])).toBeUndefined();
  });
});

describe("estimateSpeed", () => {
  it("ratios at measured batches: step time, throughput and time per epoch", () => {
    const s = estimateSpeed({ steps, backend: "tensorflow-gpu", before: 32, after: 64 })!;
    expect(s.stepTime.before).toMatchObject({ value: 10, low: 9, high: 11, source: "measured" });
    expect(s.stepTime.ratio.value).toBeCloseTo(18 / 10, 10);
    expect(s.throughput.ratio.value).toBeCloseTo(64 / 18 / (32 / 10), 10);
    expect(s.epochTimeRatio.value).toBeCloseTo(1 / s.throughput.ratio.value, 10);
    expect(s.epochTimeRatio.low!).toBeLessThan(s.epochTimeRatio.value);
    expect(s.transferable).toBe(true);
  });

  it("interpolates between measured batches with the fit", () => {
    const s = estimateSpeed({ steps, backend: "tensorflow-gpu", before: 32, after: 96 })!;
    expect(s.stepTime.after.value).toBeCloseTo(26, 10);
    expect(s.stepTime.after.source).toMatch(/linear fit/);
    expect(s.epochTimeRatio.source).toMatch(/linear fit/);
  });

  it("a CPU measurement is marked as not a GPU speed-up", () => {
    const s = estimateSpeed({ steps, backend: "cpu", before: 32, after: 64 })!;
    expect(s.transferable).toBe(false);
    expect(s.notes[0]).toEqual({ id: "speed-proxy-backend", params: { backend: "cpu" } });
    expect(s.epochTimeRatio.note).toContain("cpu");
  });
});

describe("timings that cannot be a speed", () => {
  it("rejects a fit whose step time falls as the batch grows, and says why", () => {
    const falling = [16, 32, 64].map((b) => timing(b, 12 - 0.05 * b));
    const input = { steps: falling, backend: "tensorflow-gpu" as const, before: 32, after: 128 };
    expect(estimateSpeed(input)).toBeUndefined();
    expect(speedProblem(input)).toMatchObject({ id: "speed-negative-slope", params: { slope: -0.05 } });
  });

  it("rejects an extrapolation to a step time at or below zero instead of clamping it to 2e-16 ms", () => {
    // t(B) = −5 + 0.5·B: fine where measured, negative at batch 4.
    const steep = [16, 32, 64].map((b) => timing(b, -5 + 0.5 * b));
    const input = { steps: steep, backend: "tensorflow-gpu" as const, before: 32, after: 4 };
    expect(estimateSpeed(input)).toBeUndefined();
    expect(speedProblem(input)).toMatchObject({ id: "speed-nonpositive-time", params: { batch: 4 } });
  });

  it("rejects a time ratio below 1e-3", () => {
    const flat = [16, 32].map((b) => timing(b, 5 + 1e-9 * b));
    const input = { steps: flat, backend: "tensorflow-gpu" as const, before: 1, after: 4096 };
    expect(estimateSpeed(input)).toBeUndefined();
    expect(speedProblem(input)?.id).toBe("speed-extreme-ratio");
  });

  it("accepts ordinary timings", () => {
    expect(speedProblem({ steps, backend: "cpu", before: 32, after: 96 })).toBeUndefined();
  });

  it("reaches the report as not measurable, with no wall time, in both languages", () => {
    const m = measurements({ steps: [16, 32, 64, 128].map((b) => timing(b, 12 - 0.05 * b)) });
    const file = fileReport([setting("micro_batch", "per_device_train_batch_size", 64, 3)], {
      value: 64,
      parts: { micro: 64, accum: 1, devices: 1 },
    });
    const e = estimateChange({ change: batchChange(), file, measurements: m, config: defaultConfig() });
    expect(e.speed).toBeUndefined();
    expect(e.convergence?.wallTimeRatio).toBeUndefined();
    expect(e.convergence?.curve.every((p) => p.time === undefined)).toBe(true);
    const group = { path: "train.yaml", changes: [batchChange()], estimate: e };
    expect(estimateNotes(group, translator("en")).join("\n")).toContain("speed is not measurable from these timings");
    expect(estimateNotes(group, translator("zh-TW")).join("\n")).toContain("這些計時量不出速度");
  });
});
