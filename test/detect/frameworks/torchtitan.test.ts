import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";

describe("torchtitan", () => {
  it("reads [training] local_batch_size and seq_len, [optimizer] lr and the parallel degrees from TOML", () => {
    const r = detectFile("llama3_8b.toml", fixture("torchtitan", "llama3_8b.toml"));
    expect(r.framework).toBe("torchtitan");
    expect(table(r)).toEqual([
      [25, "optimizer", "optimizer.name", "AdamW"],
      [26, "learning_rate", "optimizer.lr", 3e-4],
      [30, "warmup", "lr_scheduler.warmup_steps", 200],
      [33, "micro_batch", "training.local_batch_size", 1],
      [34, "global_batch", "training.global_batch_size", -1],
      [35, "seq_len", "training.seq_len", 8192],
      [37, "max_steps", "training.steps", 1000],
      [41, "data_parallel", "parallelism.data_parallel_replicate_degree", 1],
      [42, "data_parallel", "parallelism.data_parallel_shard_degree", -1],
      [43, "tensor_parallel", "parallelism.tensor_parallel_degree", 1],
      [44, "pipeline_parallel", "parallelism.pipeline_parallel_degree", 1],
      [45, "context_parallel", "parallelism.context_parallel_degree", 1],
      [49, "eval_batch", "validation.local_batch_size", 8],
    ]);
  });

  it("reads global_batch_size = -1 as local batch × data-parallel degree", () => {
    const r = detectFile("llama3_8b.toml", fixture("torchtitan", "llama3_8b.toml"), { devices: 64 });
    expect(r.effective).toMatchObject({
      value: 64 * 8192,
      unit: "tokens",
      formula: "1 (per device) × 1 (no accumulation) × 64 (devices) × 8192 (sequence length)",
      unknown: [],
    });
  });

  it("accumulates up to a larger global batch over what tensor parallelism leaves for data parallel", () => {
    const r = detectFile("llama3_70b.toml", fixture("torchtitan", "llama3_70b_tp_accum.toml"), { devices: 64 });
    expect(r.effective).toMatchObject({ value: 512 * 8192, parts: { micro: 8, accum: 8, devices: 8 } });
    expect(r.warnings).toEqual([]);
  });

  it("micro-only change under a fixed global batch changes the accumulation, not the effective batch", () => {
    const text = fixture("torchtitan", "llama3_70b_tp_accum.toml");
    const after = detectFile("70b.toml", text.replace("local_batch_size = 8", "local_batch_size = 4"), {
      devices: 64,
    }).effective;
    expect([after.value, after.parts.accum]).toEqual([512 * 8192, 16]);
  });

  it("reads the 2024 layout: [training] batch_size and tensor_parallel_degree", () => {
    const r = detectFile("debug_model.toml", fixture("torchtitan", "llama3_debug_legacy.toml"), { devices: 8 });
    expect(r.framework).toBe("torchtitan");
    expect(table(r).filter(([, role]) => ["micro_batch", "seq_len", "tensor_parallel"].includes(role))).toEqual([
      [18, "micro_batch", "training.batch_size", 8],
      [19, "seq_len", "training.seq_len", 2048],
      [24, "tensor_parallel", "training.tensor_parallel_degree", 1],
    ]);
    expect(r.effective.value).toBe(8 * 8 * 2048);
  });
});
