import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { scheduleAdvice } from "../../src/estimate/schedule.js";
import { fixture, scheduleTable } from "./frameworks/read-fixture.js";

describe("step-counted schedule points are read beside the batch", () => {
  it("detectron2 yacs: SOLVER.STEPS as written, a tuple the schedule splits", () => {
    const r = detectFile("mask_rcnn_R_50_FPN_3x.yaml", fixture("detectron2", "mask_rcnn_R_50_FPN_3x.yaml"));
    expect(scheduleTable(r)).toEqual([[19, "decay_steps", "SOLVER.STEPS", "(210000, 250000)"]]);
    const advice = scheduleAdvice({ settings: r.settings, k: 2 });
    expect(advice.message.params?.list).toContain("SOLVER.STEPS [210000, 250000] → [105000, 125000]");
  });

  it("detectron2 LazyConfig: the scheduler's milestones list", () => {
    const r = detectFile("mask_rcnn_R_50_FPN_100ep_LSJ.py", fixture("detectron2", "mask_rcnn_R_50_FPN_100ep_LSJ.py"));
    expect(scheduleTable(r)).toEqual([
      [35, "decay_steps", "lr_multiplier.scheduler.milestones.0", 163889],
      [35, "decay_steps", "lr_multiplier.scheduler.milestones.1", 177546],
    ]);
  });

  it("nanoGPT: lr_decay_iters and the eval and log intervals", () => {
    const r = detectFile("config/train_gpt2.py", fixture("nanogpt", "train_gpt2.py"));
    expect(scheduleTable(r)).toEqual([
      [17, "decay_steps", "lr_decay_iters", 600000],
      [20, "eval_interval", "eval_interval", 1000],
      [22, "eval_interval", "log_interval", 10],
    ]);
  });

  it("a momentum-SGD YAML from 256 to 2048 with milestones in steps: every step count ÷ 8", () => {
    const yaml = (batch: number) =>
      `optimizer:\n  name: sgd\n  momentum: 0.9\n  lr: ` +
      `0.1\nbatch_size: ${batch}\ntotal_steps: 90000\nmilestones: [30000, 60000]\n`;
    const head = detectFile("train.yaml", yaml(2048));
    const base = detectFile("train.yaml", yaml(256));
    const advice = scheduleAdvice({ settings: head.settings, baseSettings: base.settings, k: 8 });
    expect(advice.message.params?.list).toBe("total_steps 90000 → 11250, milestones [30000, 60000] → [3750, 7500]");
    expect(advice.leftUnscaled).toEqual(["total_steps", "milestones.0", "milestones.1"]);
  });
});
