import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { inEnglish } from "../../helpers/in-english.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/timm/${name}`, import.meta.url), "utf8");
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
    expect(inEnglish(r.settings.find((s) => s.key === "lr")?.unknownReason)).toBe(
      "lr unset: train.py derives it as lr_base × global batch / lr_base_size",
    );
  });

  it("multiplies the per-GPU batch by the GPUs the launcher gives", () => {
    const r = detectFile("args.yaml", fixture("resnet50_a1_args.yaml"), { devices: 8 });
    expect(inEnglish(r.effective)).toMatchObject({
      value: 2048,
      formula: "256 (per device) × 1 (accumulation) × 8 (devices)",
      unknown: [],
    });
  });

  it("falls back to train.py's default of 128 per GPU", () => {
    const r = detectFile("args.yaml", "model: resnet50\nlr_base: 0.1\nlr_base_size: 256\nsched: cosine\n", {
      devices: 2,
    });
    expect(r.framework).toBe("timm");
    expect(r.effective.value).toBe(256);
  });
});

describe("timm train.py flags", () => {
  it("reads --batch-size per GPU and torchrun's GPU count", () => {
    const r = detectFile("train_resnet50_torchrun.sh", fixture("train_resnet50_torchrun.sh"));
    expect(r.framework).toBe("timm");
    expect(table(r).filter(([, role]) => role !== "lr_scaling")).toEqual([
      [3, "devices", "nproc_per_node", 8],
      [4, "micro_batch", "batch-size", 256],
      [4, "learning_rate", "lr", 0.008],
      [4, "optimizer", "opt", "lamb"],
      [4, "epochs", "epochs", 100],
      [4, "warmup", "warmup-epochs", 5],
    ]);
    expect(r.effective).toMatchObject({ value: 2048, formula: "256 (per device) × 1 (no accumulation) × 8 (devices)" });
  });

  it("reads distributed_train.sh's GPU count, -b, --grad-accum-steps and the --lr-base scaling flags", () => {
    const r = detectFile("train_vit_4gpu.sh", fixture("train_vit_4gpu.sh"));
    expect(r.framework).toBe("timm");
    expect(table(r)).toEqual([
      [3, "devices", "#1", 4],
      [5, "micro_batch", "b", 128],
      [5, "grad_accum", "grad-accum-steps", 2],
      [6, "optimizer", "opt", "adamw"],
      [6, "lr_scaling", "lr-base", 0.0005],
      [6, "lr_scaling", "lr-base-size", 512],
      [6, "lr_scaling", "lr-base-scale", "linear"],
      [7, "epochs", "epochs", 300],
      [7, "warmup", "warmup-epochs", 5],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 1024,
      formula: "128 (per device) × 2 (accumulation) × 4 (devices)",
      unknown: [],
    });
    expect(detectFile("train_vit_4gpu.sh", fixture("train_vit_4gpu.sh"), { devices: 2 }).effective.value).toBe(512);
  });

  it("reads the GPU count from distributed_train.sh's first positional, not the dataset after it", () => {
    const r = detectFile("train_resnet50_jsd_4gpu.sh", fixture("train_resnet50_jsd_4gpu.sh"));
    expect(r.framework).toBe("timm");
    expect(table(r)).toEqual([
      [3, "devices", "#1", 4],
      [3, "micro_batch", "b", 64],
      [3, "epochs", "epochs", 200],
      [3, "learning_rate", "lr", 0.05],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 256,
      formula: "64 (per device) × 1 (no accumulation) × 4 (devices)",
      unknown: [],
    });
  });

  it("never reads another command's first positional as the GPU count", () => {
    for (const line of ["bash my_train.sh 8", "python train.py 8", "./distributed_train_old.sh 8"]) {
      const r = detectFile("run.sh", `${line} -b 64 --grad-accum-steps 2 --lr-base 0.1\n`);
      // Only train.py's -b is timm's batch; another script's -b is read by the generic rules.
      expect(r.framework, line).toBe(line.includes("train.py") ? "timm" : "generic");
      expect(
        r.settings.filter((s) => s.role === "devices"),
        line,
      ).toEqual([]);
      expect(r.effective.value, line).toBeNull();
    }
  });
});
