import { describe, expect, it } from "vitest";
import { scheduleAdvice } from "../../src/estimate/schedule.js";
import { setting } from "./build-inputs.js";
import { translator } from "../../src/report/messages/translate.js";

/** The words a reviewer reads: the report catalogue's, since the estimate stage emits ids and numbers. */
const en = translator("en");

describe("scheduleAdvice", () => {
  it("steps-counted training at ×2 the batch sees ×2 the examples: halve the step counts", () => {
    const s = scheduleAdvice({
      k: 2,
      settings: [setting("max_steps", "max_steps", 10000, 5), setting("warmup", "warmup_steps", 500, 6)],
    });
    expect(s).toMatchObject({ countedIn: "steps", shouldScale: true });
    expect(s.items.map((i) => [i.key, i.before, i.suggested])).toEqual([
      ["max_steps", 10000, 5000],
      ["warmup_steps", 500, 250],
    ]);
    expect(en.note(s.message)).toContain("max_steps 10000 → 5000");
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
    const s = scheduleAdvice({
      k: 2,
      settings: [
        setting("epochs", "epochs", 100),
        setting("warmup", "warmup_ratio", 0.03),
        setting("warmup", "warmup_epochs", 3),
      ],
    });
    expect(s.shouldScale).toBe(false);
  });

  it("Hugging Face max_steps -1 means epochs", () => {
    const s = scheduleAdvice({
      k: 2,
      settings: [setting("max_steps", "max_steps", -1), setting("epochs", "num_train_epochs", 3)],
    });
    expect(s.countedIn).toBe("epochs");
  });

  it("both an epoch count and max_steps: counted in both, and the steps still scale", () => {
    const s = scheduleAdvice({
      k: 4,
      settings: [setting("max_steps", "max_iters", 600000), setting("epochs", "max_epochs", 10)],
    });
    expect(s).toMatchObject({ countedIn: "both", shouldScale: true });
    expect(s.items[0].suggested).toBe(150000);
  });

  it("an unchanged effective batch keeps the schedule", () => {
    expect(scheduleAdvice({ k: 1, settings: [setting("max_steps", "max_steps", 1000)] }).shouldScale).toBe(false);
  });
});

describe("step-counted decay points and intervals", () => {
  const milestones = [
    setting("decay_steps", "milestones.0", 30000, 7),
    setting("decay_steps", "milestones.1", 60000, 7),
  ];

  it("milestones in steps scale ÷k and are listed as one setting", () => {
    const s = scheduleAdvice({ k: 8, settings: [setting("max_steps", "max_iters", 90000, 6), ...milestones] });
    expect(s.items.filter((i) => i.role === "decay_steps").map((i) => i.suggested)).toEqual([3750, 7500]);
    expect(s.message.params?.list).toBe("max_iters 90000 → 11250, milestones [30000, 60000] → [3750, 7500]");
  });

  it("milestones beside an epoch count and no step count are in epochs: nothing to scale", () => {
    const s = scheduleAdvice({ k: 8, settings: [setting("epochs", "epochs", 90), ...milestones] });
    expect(s).toMatchObject({ countedIn: "epochs", shouldScale: false });
  });

  it("eval and save intervals alone, beside an epoch count, do not make the schedule scale", () => {
    const settings = [
      setting("epochs", "num_train_epochs", 3),
      setting("eval_interval", "eval_steps", 500),
      setting("eval_interval", "save_steps", 500),
    ];
    expect(scheduleAdvice({ k: 2, settings }).shouldScale).toBe(false);
  });

  it("eval and save intervals scale with the batch too", () => {
    const s = scheduleAdvice({
      k: 4,
      settings: [
        setting("max_steps", "max_steps", 1000),
        setting("eval_interval", "eval_steps", 200),
        setting("eval_interval", "save_steps", 500),
      ],
    });
    expect(s.items.map((i) => [i.key, i.suggested])).toEqual([
      ["max_steps", 250],
      ["eval_steps", 50],
      ["save_steps", 125],
    ]);
  });

  it("a PR that changes the batch and leaves a step-counted schedule as it was is told which keys", () => {
    const head = [setting("max_steps", "max_iters", 90000, 6), ...milestones];
    const s = scheduleAdvice({ k: 8, settings: head, baseSettings: head });
    expect(s.leftUnscaled).toEqual(["max_iters", "milestones.0", "milestones.1"]);
    const rescaled = scheduleAdvice({
      k: 8,
      settings: [setting("max_steps", "max_iters", 11250, 6)],
      baseSettings: [setting("max_steps", "max_iters", 90000, 6)],
    });
    expect(rescaled.leftUnscaled).toBeUndefined();
  });
});

describe("decay points written as a yacs tuple", () => {
  it("SOLVER.STEPS: (210000, 250000) scales as two milestones", () => {
    const s = scheduleAdvice({
      k: 2,
      settings: [
        setting("max_steps", "SOLVER.MAX_ITER", 270000),
        setting("decay_steps", "SOLVER.STEPS", "(210000, 250000)"),
      ],
    });
    expect(s.message.params?.list).toBe(
      "SOLVER.MAX_ITER 270000 → 135000, SOLVER.STEPS [210000, 250000] → [105000, 125000]",
    );
  });

  it("a tuple the pull request left as it was is left unscaled, item by item", () => {
    const settings = [
      setting("max_steps", "SOLVER.MAX_ITER", 270000),
      setting("decay_steps", "SOLVER.STEPS", "(210000, 250000)"),
    ];
    const s = scheduleAdvice({ k: 2, settings, baseSettings: settings });
    expect(s.leftUnscaled).toEqual(["SOLVER.MAX_ITER", "SOLVER.STEPS.0", "SOLVER.STEPS.1"]);
  });
});
