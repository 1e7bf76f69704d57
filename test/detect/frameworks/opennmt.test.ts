import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";

describe("OpenNMT-py", () => {
  it("counts batch_type: tokens batches in tokens: batch_size × accum_count × world_size", () => {
    const r = detectFile("wmt.yaml", fixture("opennmt", "transformer-wmt-ende.yaml"));
    expect(r.framework).toBe("opennmt");
    // gpu_ranks names this node's GPUs; the commented-out batch_size is not read; batch_type tokens makes batch_size
    // tokens per GPU.
    expect(table(r)).toEqual([
      [34, "max_steps", "train_steps", 200000],
      [40, "devices", "world_size", 4],
      [42, "batch_type", "batch_type", "tokens"],
      [43, "tokens_per_batch", "batch_size", 4096],
      [45, "eval_batch", "valid_batch_size", 16],
      [47, "grad_accum", "accum_count.0", 4],
      [52, "optimizer", "optim", "adam"],
      [53, "learning_rate", "learning_rate", 2],
      [54, "warmup", "warmup_steps", 8000],
      [55, "lr_scaling", "decay_method", "noam"],
    ]);
    expect(r.effective).toMatchObject({
      value: 65536,
      unit: "tokens",
      formula: "4096 (tokens per device) × 4 (accumulation) × 4 (devices)",
      unknown: [],
    });
  });

  it("counts sentence batches in examples and starts from the first scheduled accum_count", () => {
    const r = detectFile("toy.yaml", fixture("opennmt", "toy-en-de-sents.yaml"));
    expect(r.effective).toMatchObject({
      value: 128,
      unit: "samples",
      formula: "64 (per device) × 2 (accumulation) × 1 (devices)",
    });
  });

  it("trains in one process when world_size is left out", () => {
    const r = detectFile("run.yaml", "src_vocab: run/vocab.src\nbatch_type: sents\nbatch_size: 32\naccum_count: [2]\n");
    expect(r.effective).toMatchObject({ value: 64, parts: { devices: 1 } });
  });
});
