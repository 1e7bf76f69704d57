import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { table } from "./read-fixture.js";
import { detectFile } from "../../../src/detect/detect-file.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/nanogpt/${name}`, import.meta.url), "utf8");

describe("nanoGPT", () => {
  it("evaluates gradient_accumulation_steps = 5 * 8 and counts tokens per iteration", () => {
    const r = detectFile("config/train_gpt2.py", fixture("train_gpt2.py"));
    expect(r.framework).toBe("nanogpt");
    expect(table(r)).toEqual([
      [11, "micro_batch", "batch_size", 12],
      [12, "seq_len", "block_size", 1024],
      [13, "grad_accum", "gradient_accumulation_steps", 40],
      [16, "max_steps", "max_iters", 600000],
    ]);
    expect(r.settings[2].raw).toBe("5 * 8");
    expect(r.effective).toMatchObject({
      value: 491520,
      unit: "tokens",
      formula: "12 (per device) × 40 (accumulation, over all devices) × 1024 (sequence length)",
    });
  });

  it("does not multiply by the GPU count: train.py divides the accumulation by the world size", () => {
    const one = detectFile("train_gpt2.py", fixture("train_gpt2.py"), { devices: 1 }).effective.value;
    const eight = detectFile("train_gpt2.py", fixture("train_gpt2.py"), { devices: 8 }).effective.value;
    expect(eight).toBe(one);
    expect(detectFile("train_gpt2.py", fixture("train_gpt2.py")).effective.unknown).toEqual([]);
  });

  it("reads a character-level config with its own block size and LR", () => {
    const r = detectFile("config/train_shakespeare_char.py", fixture("train_shakespeare_char.py"));
    expect(r.framework).toBe("nanogpt");
    expect(table(r)).toEqual([
      [17, "grad_accum", "gradient_accumulation_steps", 1],
      [18, "micro_batch", "batch_size", 64],
      [19, "seq_len", "block_size", 256],
      [27, "learning_rate", "learning_rate", 0.001],
      [28, "max_steps", "max_iters", 5000],
      [33, "warmup", "warmup_iters", 100],
    ]);
    expect(r.effective.value).toBe(64 * 256);
  });

  it("takes block_size 1024 from train.py when a fine-tuning config leaves it out", () => {
    const r = detectFile("config/finetune_shakespeare.py", fixture("finetune_shakespeare.py"));
    expect(r.framework).toBe("nanogpt");
    expect(r.effective).toMatchObject({ value: 32768, parts: { micro: 1, accum: 32, seqLen: 1024 } });
  });
});

describe("nanoGPT command line", () => {
  it("reads --key=value overrides after the config file; the GPU count does not enter the tokens per iteration", () => {
    const r = detectFile("scripts/train_gpt2_8gpu.sh", fixture("train_gpt2_8gpu.sh"));
    expect(r.framework).toBe("nanogpt");
    expect(table(r)).toEqual([
      [4, "devices", "nproc_per_node", 8],
      [5, "micro_batch", "batch_size", 24],
      [6, "grad_accum", "gradient_accumulation_steps", 20],
      [7, "max_steps", "max_iters", 600000],
    ]);
    // block_size is not in the script: train.py's own 1024 is assumed, and said so.
    expect(r.effective).toMatchObject({
      value: 491520,
      formula:
        "24 (per device) × 20 (accumulation, over all devices) × 1024 (sequence " +
        "length) — assumed: sequence length = 1024 (nanoGPT train.py default)",
    });
  });

  it("does not claim a script that merely has --batch_size and --gradient_accumulation_steps", () => {
    expect(
      detectFile("run.sh", "python train.py --batch_size=32 --gradient_accumulation_steps=4\n").framework,
    ).not.toBe("nanogpt");
  });
});
