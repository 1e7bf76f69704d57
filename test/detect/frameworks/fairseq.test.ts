import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { table } from "./read-fixture.js";
import { detectFile } from "../../../src/detect/detect-file.js";
import { inEnglish } from "../../helpers/in-english.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/fairseq/${name}`, import.meta.url), "utf8");

describe("fairseq Hydra YAML", () => {
  it("reads sentences per GPU, update_freq and lr from their list form", () => {
    const r = detectFile("examples/roberta/config/pretraining/base.yaml", fixture("roberta_base_pretraining.yaml"));
    expect(r.framework).toBe("fairseq");
    expect(table(r)).toEqual([
      [14, "seq_len", "task.tokens_per_sample", 512],
      [19, "micro_batch", "dataset.batch_size", 16],
      [21, "eval_batch", "dataset.batch_size_valid", 64],
      [25, "optimizer", "optimizer._name", "adam"],
      [32, "warmup", "lr_scheduler.warmup_updates", 10000],
      [36, "learning_rate", "optimization.lr.0", 0.0005],
      [37, "max_steps", "optimization.max_update", 125000],
      [38, "grad_accum", "optimization.update_freq.0", 16],
    ]);
    expect(r.effective).toMatchObject({
      value: null,
      unit: "samples",
      formula: "16 (per device) × 16 (accumulation) × ? (devices)",
    });
    expect(inEnglish(r.effective.unknown[0])).toMatch(
      /^devices: not in this file \(--distributed-world-size, or all visible GPUs\)/,
    );
  });

  it("counts a max_tokens budget in tokens: max_tokens × update_freq × world size", () => {
    const r = detectFile(
      "examples/wav2vec/config/pretraining/wav2vec2_base_librispeech.yaml",
      fixture("wav2vec2_base_librispeech.yaml"),
    );
    expect(r.framework).toBe("fairseq");
    expect(
      table(r).filter(([, role]) => ["tokens_per_batch", "devices", "learning_rate"].includes(role as string)),
    ).toEqual([
      [21, "tokens_per_batch", "dataset.max_tokens", 1400000],
      [25, "devices", "distributed_training.distributed_world_size", 64],
      [36, "learning_rate", "optimization.lr.0", 0.0005],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 1400000 * 64,
      unit: "tokens",
      formula: "1400000 (tokens per device) × 1 (no accumulation) × 64 (devices)",
      unknown: [],
    });
  });

  it("doubling update_freq doubles the tokens per update", () => {
    const at = (k: number) =>
      detectFile(
        "c.yaml",
        `dataset:\n  max_tokens: 4096\noptimization:\n  update_freq: ` +
          `[${k}]\ndistributed_training:\n  distributed_world_size: 8\n`,
      ).effective.value;
    expect(at(2)! / at(1)!).toBe(2);
  });
});

describe("fairseq-train flags", () => {
  const script = "examples/scaling_nmt/train_big.sh";
  const text = () => fixture("train_transformer_wmt16_big.sh");

  it(
    "reads --max-tokens through a shell variable at the line that writes it, and " + "keeps --max-tokens-valid apart",
    () => {
      const r = detectFile(script, text());
      expect(r.framework).toBe("fairseq");
      expect(table(r)).toEqual([
        [9, "optimizer", "optimizer", "adam"],
        [10, "learning_rate", "lr", 0.001],
        [10, "warmup", "warmup-updates", 4000],
        [5, "tokens_per_batch", "max-tokens", 3584],
        [13, "eval_batch", "max-tokens-valid", 8000],
        [14, "grad_accum", "update-freq", 16],
        [14, "devices", "distributed-world-size", 8],
        [15, "max_steps", "max-update", 30000],
      ]);
      expect(r.settings.find((s) => s.key === "max-tokens")?.raw).toBe("3584");
    },
  );

  it("counts tokens per update: 3584 × 16 × 8 GPUs simulate 128 GPUs", () => {
    expect(inEnglish(detectFile(script, text()).effective)).toMatchObject({
      value: 3584 * 16 * 8,
      unit: "tokens",
      formula: "3584 (tokens per device) × 16 (accumulation) × 8 (devices)",
      unknown: [],
    });
  });

  it("reads fairseq flags given to a checkout's train.py", () => {
    const r = detectFile(
      "train.sh",
      "python train.py data-bin/wikitext-103 --task language_modeling " +
        "--tokens-per-sample 512 --max-tokens 2048 --update-freq 16\n",
      { devices: 8 },
    );
    expect(r.framework).toBe("fairseq");
    expect(r.effective).toMatchObject({ value: 2048 * 16 * 8, unit: "tokens" });
  });

  it("counts sentences when only --batch-size is given", () => {
    const r = detectFile(
      "train.sh",
      "fairseq-train data-bin/iwslt14 --arch transformer_iwslt_de_en --batch-size " +
        "64 --update-freq 2 --distributed-world-size 4\n",
    );
    expect(r.effective).toMatchObject({ value: 512, unit: "samples" });
  });
});
