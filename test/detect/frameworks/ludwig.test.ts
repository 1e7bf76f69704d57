import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("Ludwig", () => {
  it("reads the trainer section and takes Ray workers as devices", () => {
    const r = detectFile("model.yaml", fixture("ludwig", "llm-finetune-ray.yaml"));
    expect(r.framework).toBe("ludwig");
    expect(table(r)).toEqual([
      [26, "seq_len", "preprocessing.global_max_sequence_length", 512],
      [33, "epochs", "trainer.epochs", 3],
      [34, "micro_batch", "trainer.batch_size", 1],
      [35, "eval_batch", "trainer.eval_batch_size", 2],
      [36, "grad_accum", "trainer.gradient_accumulation_steps", 16],
      [37, "learning_rate", "trainer.learning_rate", 1e-4],
      [40, "warmup", "trainer.learning_rate_scheduler.warmup_fraction", 0.01],
      [42, "optimizer", "trainer.optimizer.type", "paged_adam"],
      [48, "devices", "backend.trainer.num_workers", 4],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 64,
      formula: "1 (per device) × 16 (accumulation) × 4 (devices)",
      unknown: [],
    });
  });

  it("reports the auto batch settings as unknown and keeps the LR scaling rule", () => {
    const r = detectFile("model.yaml", fixture("ludwig", "ecd-auto.yaml"), { devices: 1 });
    expect(table(r)).toEqual([
      [15, "epochs", "trainer.epochs", 20],
      [16, "micro_batch", "trainer.batch_size", null],
      [17, "global_batch", "trainer.effective_batch_size", null],
      [18, "grad_accum", "trainer.gradient_accumulation_steps", null],
      [19, "learning_rate", "trainer.learning_rate", null],
      [20, "lr_scaling", "trainer.learning_rate_scaling", "linear"],
    ]);
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toContain(
      'trainer.effective_batch_size: "auto", Ludwig picks it at run time (the batch size is tuned to fit memory)',
    );
  });

  it("derives accumulation from effective_batch_size ÷ (batch_size × workers)", () => {
    const r = detectFile("model.yaml", fixture("ludwig", "ecd-effective-batch.yaml"));
    expect(r.effective).toMatchObject({
      value: 512,
      formula: "512 (global) = 64 (per device) × 2 (accumulation, derived) × 4 (devices)",
    });
  });

  it("an auto effective_batch_size is batch_size × accumulation × workers when those are written", () => {
    const text =
      "input_features:\n  - name: x\n    type: number\ntrainer:\n  batch_size: " +
      "32\n  gradient_accumulation_steps: 2\n  effective_batch_size: auto\n";
    expect(inEnglish(detectFile("model.yaml", text, { devices: 2 }).effective)).toMatchObject({
      value: 128,
      unknown: [],
    });
  });
});
