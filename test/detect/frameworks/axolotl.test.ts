import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";

describe("Axolotl", () => {
  it("reads micro batch × accumulation and counts a packed batch in tokens", () => {
    const r = detectFile("lora-8b.yml", fixture("axolotl", "llama3-lora-8b.yml"), { devices: 2 });
    expect(r.framework).toBe("axolotl");
    // `# micro_batch_size: 1` is commented out; eval_sample_packing is not the training packing.
    expect(table(r)).toEqual([
      [15, "seq_len", "sequence_len", 4096],
      [16, "batch_type", "sample_packing", true],
      [30, "grad_accum", "gradient_accumulation_steps", 4],
      [31, "micro_batch", "micro_batch_size", 2],
      [33, "eval_batch", "eval_batch_size", 1],
      [34, "epochs", "num_epochs", 4],
      [35, "optimizer", "optimizer", "adamw_bnb_8bit"],
      [37, "learning_rate", "learning_rate", 2e-4],
      [48, "warmup", "warmup_steps", 10],
    ]);
    expect(r.effective).toMatchObject({
      value: 2 * 4 * 2 * 4096,
      unit: "tokens",
      formula: "2 (per device) × 4 (accumulation) × 2 (devices) × 4096 (sequence length)",
    });
  });

  it("derives accumulation = batch_size // micro_batch_size, and tensor parallelism divides the devices", () => {
    const r = detectFile("fft.yml", fixture("axolotl", "fft-tp-batch-size.yml"), { devices: 8 });
    expect(table(r)).toEqual([
      [9, "seq_len", "sequence_len", 2048],
      [10, "batch_type", "sample_packing", false],
      [13, "nominal_batch", "batch_size", 32],
      [14, "micro_batch", "micro_batch_size", 4],
      [15, "epochs", "num_epochs", 1],
      [16, "optimizer", "optimizer", "adamw_torch_fused"],
      [18, "learning_rate", "learning_rate", 1e-5],
      [21, "tensor_parallel", "tensor_parallel_size", 2],
      [22, "context_parallel", "context_parallel_size", 1],
      [27, "warmup", "warmup_ratio", 0.03],
    ]);
    expect(r.effective).toMatchObject({
      value: 128,
      unit: "samples",
      formula:
        "4 (per device) × 8 (accumulation = batch_size 32 // micro_batch_size 4) × 4 " +
        "(data-parallel = 8 devices ÷ 2 tensor)",
      parts: { micro: 4, accum: 8, devices: 4 },
    });
  });

  it("micro-only change under a fixed batch_size changes the accumulation, not the effective batch", () => {
    const text = fixture("axolotl", "fft-tp-batch-size.yml");
    const before = detectFile("fft.yml", text, { devices: 8 }).effective;
    const after = detectFile("fft.yml", text.replace("micro_batch_size: 4", "micro_batch_size: 8"), {
      devices: 8,
    }).effective;
    expect([before.value, before.parts.accum]).toEqual([128, 8]);
    expect([after.value, after.parts.accum]).toEqual([128, 4]);
  });
});
