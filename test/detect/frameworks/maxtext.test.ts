import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("MaxText", () => {
  it("reads base.yml; the ici/dcn mesh does not change how many devices count", () => {
    const r = detectFile("base.yml", fixture("maxtext", "base.yml"));
    expect(r.framework).toBe("maxtext");
    expect(table(r)).toEqual([
      [15, "max_steps", "steps", 150001],
      [18, "learning_rate", "learning_rate", 3e-5],
      [19, "warmup", "warmup_steps_fraction", 0.1],
      [22, "micro_batch", "per_device_batch_size", 12],
      [24, "eval_batch", "eval_per_device_batch_size", 0],
      [26, "grad_accum", "gradient_accumulation_steps", 1],
      [43, "seq_len", "max_target_length", 2048],
      [47, "optimizer", "opt_type", "adamw"],
    ]);
    expect(inEnglish(r.effective.unknown)).toEqual([
      "devices: not in this file (the TPU/GPU topology (chips per slice × " +
        "num_slices)); pass --devices or set devices in .github/batch-advisor.yml",
    ]);
  });

  it("multiplies a fractional per-device batch by accumulation, every chip and the target length", () => {
    const r = detectFile("v5e.yml", fixture("maxtext", "v5e-fractional.yml"), { devices: 256 });
    expect(r.effective).toMatchObject({
      value: 0.5 * 4 * 256 * 4096,
      unit: "tokens",
      formula: "0.5 (per device) × 4 (accumulation) × 256 (devices) × 4096 (sequence length)",
    });
  });

  it("reads key=value overrides on the MaxText.train command line", () => {
    const r = detectFile("train.sh", fixture("maxtext", "train_llama2_7b.sh"), { devices: 16 });
    expect(r.framework).toBe("maxtext");
    expect(table(r)).toEqual([
      [4, "micro_batch", "per_device_batch_size", 4],
      [4, "grad_accum", "gradient_accumulation_steps", 2],
      [4, "seq_len", "max_target_length", 4096],
      [5, "max_steps", "steps", 5000],
      [5, "learning_rate", "learning_rate", 3e-4],
    ]);
    expect(r.effective.value).toBe(4 * 2 * 16 * 4096);
  });
});
