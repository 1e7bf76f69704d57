import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/configs/timm/${name}`, import.meta.url), "utf8");
const table = (r: ReturnType<typeof detectFile>) => r.settings.map((s) => [s.line, s.role, s.key, s.value]);

describe("timm args YAML", () => {
  it("reads the argparse dests: per-GPU batch, accumulation, LR-scaling base", () => {
    const r = detectFile("output/train/resnet50_a1/args.yaml", fixture("resnet50_a1_args.yaml"));
    expect(r.framework).toBe("timm");
    expect(table(r)).toEqual([
      [9, "micro_batch", "batch_size", 256],
      [10, "eval_batch", "validation_batch_size", 512],
      [11, "grad_accum", "grad_accum_steps", 1],
      [12, "optimizer", "opt", "lamb"],
      [16, "learning_rate", "lr", null],
      [17, "lr_scaling", "lr_base", 0.005],
      [18, "lr_scaling", "lr_base_size", 256],
      [19, "lr_scaling", "lr_base_scale", ""],
      [20, "epochs", "epochs", 600],
      [21, "warmup", "warmup_epochs", 5],
    ]);
  });

  it("explains an unset lr as derived from lr_base and the global batch", () => {
    const r = detectFile("args.yaml", fixture("resnet50_a1_args.yaml"));
    expect(r.settings.find((s) => s.key === "lr")?.unknownReason).toBe("lr unset: train.py derives it as lr_base × global batch / lr_base_size");
  });

  it("multiplies the per-GPU batch by the GPUs the launcher gives", () => {
    const r = detectFile("args.yaml", fixture("resnet50_a1_args.yaml"), { devices: 8 });
    expect(r.effective).toMatchObject({ value: 2048, formula: "256 (per device) × 1 (accumulation) × 8 (devices)", unknown: [] });
  });

  it("falls back to train.py's default of 128 per GPU", () => {
    const r = detectFile("args.yaml", "model: resnet50\nlr_base: 0.1\nlr_base_size: 256\nsched: cosine\n", { devices: 2 });
    expect(r.framework).toBe("timm");
    expect(r.effective.value).toBe(256);
  });
});
