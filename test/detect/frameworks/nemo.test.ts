import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";

describe("NeMo", () => {
  it("reads micro and global batch, devices × nodes and the model-parallel sizes", () => {
    const r = detectFile("megatron_gpt_config.yaml", fixture("nemo", "megatron_gpt_tp_pp.yaml"));
    expect(r.framework).toBe("nemo");
    // trainer.accumulate_grad_batches must stay 1 in NeMo: accumulation is implicit.
    expect(table(r)).toEqual([
      [5, "devices", "trainer.devices", 8],
      [6, "nodes", "trainer.num_nodes", 2],
      [12, "epochs", "trainer.max_epochs", -1],
      [13, "max_steps", "trainer.max_steps", 300000],
      [34, "micro_batch", "model.micro_batch_size", 2],
      [35, "global_batch", "model.global_batch_size", 256],
      [37, "tensor_parallel", "model.tensor_model_parallel_size", 2],
      [38, "pipeline_parallel", "model.pipeline_model_parallel_size", 2],
      [42, "seq_len", "model.encoder_seq_length", 2048],
      [59, "optimizer", "model.optim.name", "distributed_fused_adam"],
      [60, "learning_rate", "model.optim.lr", 2e-4],
      [67, "warmup", "model.optim.sched.warmup_steps", 500],
    ]);
  });

  it("divides 16 GPUs by tensor × pipeline parallel into 4 data-parallel ranks and derives accumulation", () => {
    const r = detectFile("megatron_gpt_config.yaml", fixture("nemo", "megatron_gpt_tp_pp.yaml"));
    expect(r.effective).toMatchObject({
      value: 256 * 2048,
      unit: "tokens",
      formula:
        "(256 (global) = 2 (per device) × 32 (accumulation, derived) × 4 " +
        "(data-parallel = 16 devices ÷ 2 tensor ÷ 2 pipeline)) × 2048 (sequence length)",
      unknown: [],
      parts: { micro: 2, accum: 32, devices: 4, seqLen: 2048 },
    });
    expect(r.warnings).toEqual([]);
  });

  it("micro-only change under a fixed global batch changes the accumulation, not the effective batch", () => {
    const text = fixture("nemo", "megatron_gpt_tp_pp.yaml");
    const before = detectFile("gpt.yaml", text).effective;
    const after = detectFile("gpt.yaml", text.replace("micro_batch_size: 2 #", "micro_batch_size: 4 #")).effective;
    expect([before.value, before.parts.accum]).toEqual([524288, 32]);
    expect([after.value, after.parts.accum]).toEqual([524288, 16]);
  });

  it("more tensor parallelism leaves fewer data-parallel ranks, so more accumulation", () => {
    const text = fixture("nemo", "megatron_gpt_tp_pp.yaml").replace(
      "tensor_model_parallel_size: 2 #",
      "tensor_model_parallel_size: 4 #",
    );
    expect(detectFile("gpt.yaml", text).effective.parts).toMatchObject({ devices: 2, accum: 64 });
  });

  it("ignores the data sections that repeat the batch through ${model.global_batch_size}", () => {
    const r = detectFile("megatron_gpt_sft.yaml", fixture("nemo", "megatron_gpt_sft.yaml"));
    expect(r.settings.filter((s) => s.key.startsWith("model.data.")).map((s) => [s.key, s.role])).toEqual([
      ["model.data.validation_ds.global_batch_size", "eval_batch"],
      ["model.data.validation_ds.micro_batch_size", "eval_batch"],
    ]);
    // 8 GPUs ÷ (tensor 2 × context 2) = 2 data-parallel ranks.
    expect(r.effective).toMatchObject({
      value: 128,
      unit: "samples",
      unknown: [],
      parts: { micro: 4, accum: 16, devices: 2 },
    });
  });
});
