import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("LitGPT", () => {
  it("reads train.global_batch_size and micro_batch_size, devices × num_nodes, optimizer.init_args.lr", () => {
    const r = detectFile("tinyllama.yaml", fixture("litgpt", "pretrain-tinyllama.yaml"));
    expect(r.framework).toBe("litgpt");
    // eval.max_iters paces evaluation; train.max_tokens is a duration, not a batch.
    expect(table(r)).toEqual([
      [26, "global_batch", "train.global_batch_size", 512],
      [29, "micro_batch", "train.micro_batch_size", 4],
      [32, "warmup", "train.lr_warmup_steps", 2000],
      [38, "seq_len", "train.max_seq_length", 2048],
      [56, "optimizer", "optimizer.class_path", "torch.optim.AdamW"],
      [59, "learning_rate", "optimizer.init_args.lr", 4e-4],
      [68, "devices", "devices", 8],
      [71, "nodes", "num_nodes", 4],
    ]);
    expect(r.effective).toMatchObject({
      value: 512 * 2048,
      unit: "tokens",
      formula: "(512 (global) = 4 (per device) × 4 (accumulation, derived) × 32 (devices)) × 2048 (sequence length)",
    });
  });

  it("micro-only change under a fixed global batch changes the accumulation, not the effective batch", () => {
    const text = fixture("litgpt", "pretrain-tinyllama.yaml");
    const before = detectFile("p.yaml", text).effective;
    const after = detectFile("p.yaml", text.replace("micro_batch_size: 4", "micro_batch_size: 8")).effective;
    expect([before.value, before.parts.accum]).toEqual([1048576, 4]);
    expect([after.value, after.parts.accum]).toEqual([1048576, 2]);
  });

  it(
    "keeps the global batch but not the accumulation when devices is auto; a " + "null max_seq_length leaves examples",
    () => {
      const r = detectFile("lora.yaml", fixture("litgpt", "finetune-lora.yaml"));
      expect(inEnglish(r.effective)).toMatchObject({
        value: 8,
        unit: "samples",
        formula: "8 (global batch)",
        unknown: ['devices: "auto", LitGPT uses every visible GPU, known only at run time'],
        parts: { micro: 2, accum: null, devices: null, seqLen: null },
      });
    },
  );
});
