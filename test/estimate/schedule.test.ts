import { describe, expect, it } from "vitest";
import { scheduleAdvice } from "../../src/estimate/schedule.js";
import { setting } from "./build-inputs.js";

describe("scheduleAdvice", () => {
  it("steps-counted training at ×2 the batch sees ×2 the examples: halve the step counts", () => {
    const s = scheduleAdvice({ k: 2, settings: [setting("max_steps", "max_steps", 10000, 5), setting("warmup", "warmup_steps", 500, 6)] });
    expect(s).toMatchObject({ countedIn: "steps", shouldScale: true });
    expect(s.items.map((i) => [i.key, i.before, i.suggested])).toEqual([["max_steps", 10000, 5000], ["warmup_steps", 500, 250]]);
    expect(s.message.text).toContain("max_steps 10000 → 5000");
  });

  it("with the steps ratio known it also gives the steps to the same loss", () => {
    const s = scheduleAdvice({ k: 2, stepsRatio: 0.517, settings: [setting("max_steps", "SOLVER.MAX_ITER", 90000)] });
    expect(s.items[0].suggestedSameLoss).toBe(46530);
  });

  it("epoch-based training needs no change", () => {
    const s = scheduleAdvice({ k: 2, settings: [setting("epochs", "num_train_epochs", 3)] });
    expect(s).toMatchObject({ countedIn: "epochs", shouldScale: false, items: [] });
  });

  it("warm-up as a ratio or in epochs is not a step count", () => {
    const s = scheduleAdvice({ k: 2, settings: [setting("epochs", "epochs", 100), setting("warmup", "warmup_ratio", 0.03), setting("warmup", "warmup_epochs", 3)] });
    expect(s.shouldScale).toBe(false);
  });

  it("Hugging Face max_steps -1 means epochs", () => {
    const s = scheduleAdvice({ k: 2, settings: [setting("max_steps", "max_steps", -1), setting("epochs", "num_train_epochs", 3)] });
    expect(s.countedIn).toBe("epochs");
  });

  it("both an epoch count and max_steps: counted in both, and the steps still scale", () => {
    const s = scheduleAdvice({ k: 4, settings: [setting("max_steps", "max_iters", 600000), setting("epochs", "max_epochs", 10)] });
    expect(s).toMatchObject({ countedIn: "both", shouldScale: true });
    expect(s.items[0].suggested).toBe(150000);
  });

  it("an unchanged effective batch keeps the schedule", () => {
    expect(scheduleAdvice({ k: 1, settings: [setting("max_steps", "max_steps", 1000)] }).shouldScale).toBe(false);
  });
});
