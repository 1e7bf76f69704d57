import { describe, expect, it } from "vitest";
import { estimateSpeed, fitStepTime } from "../../src/estimate/speed.js";
import { timing } from "./build-inputs.js";

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
    expect(s.throughput.ratio.value).toBeCloseTo((64 / 18) / (32 / 10), 10);
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
    expect(s.notes[0].text).toContain("do not read these ratios as GPU ratios");
    expect(s.epochTimeRatio.note).toContain("cpu");
  });
});
