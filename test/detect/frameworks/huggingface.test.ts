import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("Hugging Face Trainer", () => {
  it("reads a LLaMA-Factory YAML and skips the commented-out batch and the eval batch", () => {
    const r = detectFile("llama3_lora_sft.yaml", fixture("huggingface", "llamafactory-llama3-lora-sft.yaml"));
    expect(r.framework).toBe("huggingface");
    expect(table(r)).toEqual([
      [15, "seq_len", "cutoff_len", 2048],
      [28, "micro_batch", "per_device_train_batch_size", 2],
      [30, "grad_accum", "gradient_accumulation_steps", 8],
      [31, "learning_rate", "learning_rate", 1e-4],
      [32, "epochs", "num_train_epochs", 3],
      [34, "warmup", "warmup_ratio", 0.1],
      [40, "eval_batch", "per_device_eval_batch_size", 1],
    ]);
  });

  it("multiplies per device × accumulation × the devices the launcher gives", () => {
    const r = detectFile("sft.yaml", fixture("huggingface", "llamafactory-llama3-lora-sft.yaml"), { devices: 4 });
    expect(inEnglish(r.effective)).toMatchObject({
      value: 64,
      unit: "samples",
      formula: "2 (per device) × 8 (accumulation) × 4 (devices)",
      unknown: [],
    });
  });

  it("names the launcher when the device count is not in the file", () => {
    const r = detectFile("sft.yaml", fixture("huggingface", "llamafactory-llama3-lora-sft.yaml"));
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toEqual([
      "devices: not in this file (torchrun --nproc_per_node, accelerate launch " +
        "--num_processes or deepspeed --num_gpus); pass --devices or set devices in " +
        ".github/batch-advisor.yml",
    ]);
  });

  it("counts a TRL packed batch in tokens: sequences × max_length", () => {
    const r = detectFile("sft.yaml", fixture("huggingface", "trl-sft-packing.yaml"), { devices: 2 });
    expect(table(r)).toEqual([
      [6, "learning_rate", "learning_rate", 2e-5],
      [7, "epochs", "num_train_epochs", 1],
      [8, "batch_type", "packing", true],
      [9, "seq_len", "max_length", 4096],
      [10, "micro_batch", "per_device_train_batch_size", 2],
      [11, "grad_accum", "gradient_accumulation_steps", 8],
      [13, "eval_batch", "per_device_eval_batch_size", 4],
    ]);
    expect(r.effective).toMatchObject({
      value: 2 * 8 * 2 * 4096,
      unit: "tokens",
      formula: "2 (per device) × 8 (accumulation) × 2 (devices) × 4096 (sequence length)",
    });
  });

  it("keeps an unpacked batch in examples even when a sequence length is set", () => {
    const r = detectFile("training_args.json", fixture("huggingface", "training_args.json"), { devices: 8 });
    expect(table(r)).toEqual([
      [6, "micro_batch", "per_device_train_batch_size", 32],
      [7, "eval_batch", "per_device_eval_batch_size", 64],
      [8, "grad_accum", "gradient_accumulation_steps", 1],
      [9, "learning_rate", "learning_rate", 2e-5],
      [11, "epochs", "num_train_epochs", 3],
      [12, "warmup", "warmup_steps", 0],
      [13, "optimizer", "optim", "adamw_torch"],
      [14, "seq_len", "max_seq_length", 128],
    ]);
    expect(r.effective).toMatchObject({
      value: 256,
      unit: "samples",
      parts: { micro: 32, accum: 1, devices: 8, seqLen: 128 },
    });
  });

  it("falls back on the Trainer default of 8 per device when the file leaves it out, said as assumed", () => {
    const r = detectFile(
      "args.yaml",
      "output_dir: out\nlr_scheduler_type: cosine\ngradient_accumulation_steps: 4\nlearning_rate: 5.0e-5\n",
      { devices: 2 },
    );
    expect(r.framework).toBe("huggingface");
    expect(inEnglish(r.effective)).toMatchObject({
      value: 64,
      formula:
        "8 (per device) × 4 (accumulation) × 2 (devices) — assumed: per-device batch " +
        "= 8 (transformers TrainingArguments default)",
      assumed: ["per-device batch: assumed default of 8 (transformers TrainingArguments)"],
    });
  });

  it("does not hand a file to the Trainer on one weak key: output_dir alone assumes no default", () => {
    const r = detectFile("args.yaml", "output_dir: out\ngradient_accumulation_steps: 4\n", { devices: 2 });
    expect(r.framework).toBe("generic");
    expect(r.effective.value).toBeNull();
  });

  it("reads TrainingArguments keyword arguments in a Python script, through a module constant", () => {
    const r = detectFile("train_imdb.py", fixture("huggingface", "train_imdb.py"), { devices: 2 });
    expect(r.framework).toBe("huggingface");
    expect(table(r).filter(([, , key]) => key.startsWith("training_args."))).toEqual([
      [4, "micro_batch", "training_args.per_device_train_batch_size", 16],
      [14, "eval_batch", "training_args.per_device_eval_batch_size", 64],
      [15, "grad_accum", "training_args.gradient_accumulation_steps", 2],
      [16, "learning_rate", "training_args.learning_rate", 3e-5],
      [17, "epochs", "training_args.num_train_epochs", 3],
      [18, "warmup", "training_args.warmup_ratio", 0.06],
    ]);
    expect(r.effective).toMatchObject({ value: 64, formula: "16 (per device) × 2 (accumulation) × 2 (devices)" });
  });

  it("reads a TRL SFTConfig with packing as a token batch", () => {
    const r = detectFile("trl_sft.py", fixture("huggingface", "trl_sft.py"), { devices: 2 });
    expect(r.framework).toBe("huggingface");
    expect(r.effective).toMatchObject({ value: 4 * 4 * 2 * 2048, unit: "tokens" });
  });

  it("reads --flags after torchrun: nproc_per_node × nnodes devices, dashed eval alias, commented flag skipped", () => {
    const r = detectFile("run_clm.sh", fixture("huggingface", "run_clm.sh"));
    expect(r.framework).toBe("huggingface");
    expect(table(r)).toEqual([
      [3, "nodes", "nnodes", 2],
      [4, "devices", "nproc_per_node", 8],
      [11, "micro_batch", "per_device_train_batch_size", 8],
      [12, "eval_batch", "per-device-eval-batch-size", 16],
      [13, "grad_accum", "gradient_accumulation_steps", 4],
      [14, "learning_rate", "learning_rate", 5e-5],
      [15, "seq_len", "block_size", 1024],
      [16, "epochs", "num_train_epochs", 3],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 512,
      formula: "8 (per device) × 4 (accumulation) × 16 (devices)",
      unknown: [],
    });
  });

  it("does not multiply accelerate's --num_processes by --num_machines", () => {
    const r = detectFile("launch.sh", fixture("huggingface", "accelerate_sft.sh"));
    expect(table(r).slice(0, 3)).toEqual([
      [8, "devices", "num_processes", 16],
      [12, "micro_batch", "per-device-train-batch-size", 4],
      [13, "grad_accum", "gradient-accumulation-steps", 2],
    ]);
    expect(r.effective).toMatchObject({ value: 128, formula: "4 (per device) × 2 (accumulation) × 16 (devices)" });
  });

  it("names the shell variable that leaves the accumulation unknown", () => {
    const r = detectFile("train.sh", fixture("huggingface", "deepspeed_launch.sh"));
    expect(inEnglish(r.effective)).toMatchObject({
      value: null,
      formula: "4 (per device) × ? (accumulation) × 4 (devices)",
      unknown: ["gradient_accumulation_steps: shell variable GRAD_ACCUM is not set in this file"],
    });
  });
});
