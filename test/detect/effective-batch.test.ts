import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { inEnglish } from "../helpers/in-english.js";

describe("effective batch", () => {
  it("multiplies per-device batch, accumulation and devices", () => {
    const r = detectFile("train.yaml", "per_device_train_batch_size: 8\ngradient_accumulation_steps: 4\n", {
      devices: 2,
    });
    expect(r.effective.value).toBe(64);
    expect(r.effective.formula).toBe("8 (per device) × 4 (accumulation) × 2 (devices)");
  });

  it("names devices as unknown instead of guessing when the launcher sets them", () => {
    const r = detectFile("train.yaml", "per_device_train_batch_size: 8\n");
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown[0])).toMatch(/^devices: not in this file/);
  });

  it("lets an explicit global batch win and derives the accumulation", () => {
    const r = detectFile("ds.json", '{"train_batch_size": 256, "train_micro_batch_size_per_gpu": 8}', { devices: 8 });
    expect(r.effective.value).toBe(256);
    expect(r.effective.parts.accum).toBe(4);
    expect(r.warnings).toEqual([]);
  });

  it("flags a DeepSpeed train_batch_size that disagrees with micro × accumulation × world", () => {
    const r = detectFile(
      "ds.json",
      '{"train_batch_size": 256, "train_micro_batch_size_per_gpu": 8, "gradient_accumulation_steps": 2}',
      { devices: 8 },
    );
    expect(inEnglish(r.warnings)[0]).toMatch(/^Conflict: train_batch_size = 256/);
  });

  it("flags a comment that names another batch size than the key", () => {
    const r = detectFile("train.yaml", "per_device_train_batch_size: 16  # batch size 8\n");
    expect(inEnglish(r.warnings)).toEqual([
      'Line 1: the comment says "batch size 8" but per_device_train_batch_size is 16',
    ]);
  });
});

describe("a global batch over known devices", () => {
  it("gives the per-device batch that memory grows with", () => {
    const r = detectFile("ds.json", '{"train_batch_size": 64}', { devices: 8 });
    expect(r.effective).toMatchObject({
      value: 64,
      formula: "64 (global) = 8 (per device, derived) × 1 (no accumulation) × 8 (devices)",
      parts: { micro: 8, accum: 1 },
    });
  });

  it("splits over accumulation too when the file sets it", () => {
    const r = detectFile("ds.json", '{"train_batch_size": 64, "gradient_accumulation_steps": 2}', { devices: 4 });
    expect(r.effective.parts).toMatchObject({ micro: 8, accum: 2, devices: 4 });
  });
});
