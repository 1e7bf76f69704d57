import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table, unknowns } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("torchtune", () => {
  it("reads batch_size per device, accumulation and optimizer.lr beside _component_", () => {
    const r = detectFile("8B_lora.yaml", fixture("torchtune", "llama3_1-8B_lora.yaml"), { devices: 2 });
    expect(r.framework).toBe("torchtune");
    // The profiler's warmup_steps schedules tracing and is not a setting.
    expect(table(r)).toEqual([
      [13, "seq_len", "tokenizer.max_seq_len", null],
      [42, "batch_type", "dataset.packed", false],
      [45, "micro_batch", "batch_size", 2],
      // `batch_size_val: ${batch_size}`, resolved to where it is written.
      [45, "eval_batch", "batch_size_val", 2],
      [50, "optimizer", "optimizer._component_", "torch.optim.AdamW"],
      [53, "learning_rate", "optimizer.lr", 3e-4],
      [56, "warmup", "lr_scheduler.num_warmup_steps", 100],
      [62, "epochs", "epochs", 1],
      [64, "grad_accum", "gradient_accumulation_steps", 8],
    ]);
    expect(unknowns(r).map(([key]) => key)).not.toContain("batch_size_val");
    expect(inEnglish(r.effective)).toMatchObject({
      value: 32,
      unit: "samples",
      formula: "2 (per device) × 8 (accumulation) × 2 (devices)",
      unknown: [],
    });
  });

  it("names tune run as the source of the device count", () => {
    const r = detectFile("8B_lora.yaml", fixture("torchtune", "llama3_1-8B_lora.yaml"));
    expect(inEnglish(r.effective.unknown)).toEqual([
      "devices: not in this file (tune run --nproc_per_node); pass --devices or " +
        "set devices in .github/batch-advisor.yml",
    ]);
  });

  it("counts a packed dataset's batch in tokens of tokenizer.max_seq_len", () => {
    const r = detectFile("3B_full.yaml", fixture("torchtune", "qwen2_5-3B_full_packed.yaml"), { devices: 4 });
    expect(table(r).slice(0, 3)).toEqual([
      [10, "seq_len", "tokenizer.max_seq_len", 2048],
      [14, "batch_type", "dataset.0.packed", true],
      [21, "micro_batch", "batch_size", 4],
    ]);
    expect(r.effective).toMatchObject({ value: 4 * 1 * 4 * 2048, unit: "tokens" });
  });

  it("reads tune run's --nproc_per_node × --nnodes and the recipe's key=value overrides", () => {
    const r = detectFile("finetune.sh", fixture("torchtune", "full_finetune_8gpu.sh"));
    expect(r.framework).toBe("torchtune");
    expect(table(r)).toEqual([
      [3, "nodes", "nnodes", 1],
      [3, "devices", "nproc_per_node", 8],
      [5, "micro_batch", "batch_size", 4],
      [6, "grad_accum", "gradient_accumulation_steps", 2],
      [7, "learning_rate", "optimizer.lr", 2e-5],
      [8, "batch_type", "dataset.packed", true],
      [8, "seq_len", "tokenizer.max_seq_len", 4096],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({ value: 4 * 2 * 8 * 4096, unit: "tokens", unknown: [] });
  });
});
