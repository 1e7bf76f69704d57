import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";

const FIXTURE = "t5_1_1_base_c4_pretrain.gin";
const text = () => readFileSync(new URL(`../../../fixtures/configs/t5x/${FIXTURE}`, import.meta.url), "utf8");
const table = (r: ReturnType<typeof detectFile>) => r.settings.map((s) => [s.line, s.role, s.key, s.value]);

describe("t5x gin", () => {
  it("reads BATCH_SIZE and the DatasetConfig binding it feeds as the global batch, train_eval apart", () => {
    const r = detectFile("t5x/examples/t5/t5_1_1/c4_pretrain.gin", text());
    expect(r.framework).toBe("t5x");
    expect(table(r)).toEqual([
      [13, "seq_len", "TASK_FEATURE_LENGTHS.inputs", 512],
      [13, "seq_len", "TASK_FEATURE_LENGTHS.targets", 114],
      [14, "max_steps", "TRAIN_STEPS", 524288],
      [17, "global_batch", "BATCH_SIZE", 256],
      // The binding that reads %BATCH_SIZE is reported where the macro writes the value.
      [17, "global_batch", "train/utils.DatasetConfig.batch_size", 256],
      [24, "eval_batch", "train_eval/utils.DatasetConfig.batch_size", 128],
      [27, "grad_accum", "trainer.Trainer.num_microbatches", 4],
      [31, "learning_rate", "utils.create_learning_rate_scheduler.base_learning_rate", 1],
      [32, "warmup", "utils.create_learning_rate_scheduler.warmup_steps", 10000],
    ]);
    expect(r.effective).toMatchObject({ value: 256, unit: "samples", formula: "256 (global batch)" });
  });

  it("keeps the effective batch when num_microbatches changes: it splits the batch, it does not grow it", () => {
    const more = detectFile("c.gin", text().replace("num_microbatches = 4", "num_microbatches = 8"), { devices: 64 });
    const none = detectFile("c.gin", text().replace("num_microbatches = 4", "num_microbatches = None"), {
      devices: 64,
    });
    expect(more.effective.value).toBe(256);
    expect(none.effective.value).toBe(256);
    const accum = none.settings.find((s) => s.role === "grad_accum");
    expect(accum?.value).toBe(1);
    expect(accum?.unknownReason).toBeUndefined();
  });

  it("follows a BATCH_SIZE change into the effective batch", () => {
    expect(detectFile("c.gin", text().replace("BATCH_SIZE = 256", "BATCH_SIZE = 512")).effective.value).toBe(512);
  });

  it("reads a DatasetConfig batch bound directly, without the macro", () => {
    const r = detectFile(
      "finetune.gin",
      "include 't5x/configs/runs/finetune.gin'\ntrain/utils.DatasetConfig.batch_size = 64\n",
    );
    expect(r.framework).toBe("t5x");
    expect(r.effective.value).toBe(64);
  });

  it("leaves an upper-case BATCH_SIZE in a Python script to other frameworks", () => {
    expect(detectFile("train.py", "BATCH_SIZE = 64\nEPOCHS = 10\n").framework).not.toBe("t5x");
  });
});
