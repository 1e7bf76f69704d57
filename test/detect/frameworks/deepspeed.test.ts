import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

const ds = (config: object, devices?: number) =>
  detectFile("ds_config.json", JSON.stringify(config, null, 2), { devices });

describe("DeepSpeed", () => {
  it("reads the batch triple, the optimizer and the scheduler of a ds_config", () => {
    const r = detectFile("ds_config.json", fixture("deepspeed", "ds_config_zero2.json"));
    expect(r.framework).toBe("deepspeed");
    expect(table(r)).toEqual([
      [2, "global_batch", "train_batch_size", 256],
      [3, "micro_batch", "train_micro_batch_size_per_gpu", 8],
      [4, "grad_accum", "gradient_accumulation_steps", 4],
      [7, "optimizer", "optimizer.type", "AdamW"],
      [9, "learning_rate", "optimizer.params.lr", 3e-4],
      [19, "learning_rate", "scheduler.params.warmup_max_lr", 3e-4],
      [20, "warmup", "scheduler.params.warmup_num_steps", 2000],
      [21, "max_steps", "scheduler.params.total_num_steps", 100000],
    ]);
  });

  it("takes train_batch_size as the effective batch even before the device count is known", () => {
    const r = detectFile("ds_config.json", fixture("deepspeed", "ds_config_zero2.json"));
    expect(r.effective).toMatchObject({
      value: 256,
      formula: "256 (global batch)",
      parts: { micro: 8, accum: 4, devices: null },
    });
  });

  it("agrees with itself on 8 GPUs and flags the conflict on 4", () => {
    const text = fixture("deepspeed", "ds_config_zero2.json");
    expect(detectFile("ds.json", text, { devices: 8 }).warnings).toEqual([]);
    expect(inEnglish(detectFile("ds.json", text, { devices: 4 }).warnings)).toEqual([
      "Conflict: train_batch_size = 256 but train_micro_batch_size_per_gpu × " +
        "gradient_accumulation_steps × devices = 8 × 4 × 4 = 128",
    ]);
  });

  it("micro-only change under a fixed train_batch_size changes the accumulation, not the effective batch", () => {
    const before = ds({ train_batch_size: 256, train_micro_batch_size_per_gpu: 8 }, 8).effective;
    const after = ds({ train_batch_size: 256, train_micro_batch_size_per_gpu: 16 }, 8).effective;
    expect([before.value, before.parts.accum]).toEqual([256, 4]);
    expect([after.value, after.parts.accum]).toEqual([256, 2]);
  });

  it('reports "auto" values as unknown, filled in from the training arguments', () => {
    const r = detectFile("ds_config_zero3.json", fixture("deepspeed", "ds_config_zero3_auto.json"), { devices: 8 });
    expect(table(r)).toEqual([
      [14, "optimizer", "optimizer.type", "AdamW"],
      [16, "learning_rate", "optimizer.params.lr", null],
      [34, "grad_accum", "gradient_accumulation_steps", null],
      [37, "global_batch", "train_batch_size", null],
      [38, "micro_batch", "train_micro_batch_size_per_gpu", null],
    ]);
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toContain(
      'train_batch_size: "auto", filled in at launch by the Hugging Face Trainer / ' +
        "accelerate from the training arguments",
    );
  });

  it('forms an "auto" train_batch_size from a written micro batch and accumulation', () => {
    const r = ds({ train_batch_size: "auto", train_micro_batch_size_per_gpu: 4, gradient_accumulation_steps: 8 }, 2);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 64,
      formula: "4 (per device) × 8 (accumulation) × 2 (devices)",
      unknown: [],
    });
  });
});
