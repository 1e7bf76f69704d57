import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("llm-foundry", () => {
  it("reads the global batch, the device microbatch and Composer step counts", () => {
    const r = detectFile("mpt-125m.yaml", fixture("llmfoundry", "mpt-125m.yaml"));
    expect(r.framework).toBe("llmfoundry");
    // `# device_train_microbatch_size: auto` is commented out; eval_loader's max_seq_len is not read.
    expect(table(r)).toEqual([
      [4, "seq_len", "variables.max_seq_len", 2048],
      // `max_seq_len: ${variables.max_seq_len}`, resolved to where it is written.
      [4, "seq_len", "max_seq_len", 2048],
      [60, "warmup", "scheduler.t_warmup", 100],
      [64, "optimizer", "optimizer.name", "decoupled_adamw"],
      [65, "learning_rate", "optimizer.lr", 6e-4],
      [77, "max_steps", "max_duration", 4800],
      [81, "global_batch", "global_train_batch_size", 256],
      [85, "eval_batch", "device_eval_batch_size", 16],
      [86, "micro_batch", "device_train_microbatch_size", 16],
    ]);
    expect(detectFile("mpt.yaml", fixture("llmfoundry", "mpt-125m.yaml"), { devices: 8 }).effective).toMatchObject({
      value: 256 * 2048,
      unit: "tokens",
      parts: { micro: 16, accum: 2, devices: 8, seqLen: 2048 },
    });
  });

  it("micro-only change under a fixed global batch changes the accumulation, not the effective batch", () => {
    const text = fixture("llmfoundry", "mpt-125m.yaml");
    const before = detectFile("mpt.yaml", text, { devices: 8 }).effective;
    const after = detectFile(
      "mpt.yaml",
      text.replace("device_train_microbatch_size: 16\n", "device_train_microbatch_size: 8\n"),
      { devices: 8 },
    ).effective;
    expect([before.value, before.parts.accum]).toEqual([524288, 2]);
    expect([after.value, after.parts.accum]).toEqual([524288, 4]);
  });

  it('keeps the effective batch when the microbatch is "auto"', () => {
    const r = detectFile("finetune.yaml", fixture("llmfoundry", "finetune-auto-micro.yaml"));
    expect(r.effective).toMatchObject({ value: 64 * 4096, formula: "64 (global batch) × 4096 (sequence length)" });
    expect(inEnglish(r.effective.unknown[0])).toBe(
      'device_train_microbatch_size: "auto", Composer picks the largest microbatch ' +
        "that fits; it changes the accumulation, not the effective batch",
    );
    expect(inEnglish(r.settings.find((s) => s.key === "max_duration"))).toMatchObject({
      value: null,
      unknownReason: "2ep is not counted in steps",
    });
  });
});
