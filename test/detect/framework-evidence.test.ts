import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { score } from "../../src/detect/frameworks/framework.js";
import { parseConfig } from "../../src/detect/parse/parse-config.js";
import { fixture, table } from "./frameworks/read-fixture.js";

describe("a framework claims a file by distinctive evidence", () => {
  it("a weak key alone scores nothing; with a distinctive one it supports it", () => {
    const weak = parseConfig("a.yaml", "model_type: llm\ntokenizer_dir: tok\n");
    expect(
      score(weak, [
        ["^model_type", 2],
        ["^tokenizer_dir", 3],
      ]),
    ).toBe(0);
    const strong = parseConfig("a.yaml", "model_type: llm\ninput_features: []\ninput_features_x: 1\n");
    expect(
      score(strong, [
        ["^model_type", 2],
        ["^input_features_x", 10],
      ]),
    ).toBe(12);
  });

  it("an sd-scripts TOML with train_batch_size is not a DeepSpeed config: the batch is per device", () => {
    const r = detectFile("lora.toml", fixture("generic", "sd_scripts_lora.toml"));
    expect(r.framework).toBe("generic");
    expect(table(r).slice(0, 2)).toEqual([
      [9, "micro_batch", "train_batch_size", 4],
      [10, "grad_accum", "gradient_accumulation_steps", 2],
    ]);
  });

  it("a DeepSpeed JSON with only train_batch_size is still DeepSpeed's", () => {
    expect(detectFile("ds.json", '{"train_batch_size": 64}').framework).toBe("deepspeed");
  });
});

describe("generic rules stand when the chosen framework's rules find no batch", () => {
  it(
    "Hydra overrides the Hydra rules do not name are read by the generic rules; " +
      "micro beside total makes the total global",
    () => {
      const r = detectFile("pretrain.sh", fixture("generic", "pretrain_total_batch.sh"));
      expect(r.framework).toBe("generic");
      expect(table(r)).toEqual([
        [4, "micro_batch", "optimizer.micro_batch_size", 4],
        [5, "global_batch", "optimizer.total_batch_size", 256],
        [6, "nodes", "trainer.num_nodes", 2],
      ]);
      expect(r.effective.value).toBe(256);
    },
  );
});

describe("rules match nested sections", () => {
  it("training.batch_size is the training batch and evaluation.batch_size is not", () => {
    const r = detectFile("trainer.yaml", fixture("generic", "nested_sections.yaml"));
    expect(r.framework).toBe("generic");
    expect(table(r).filter(([, role]) => role.endsWith("batch"))).toEqual([
      [4, "micro_batch", "training.batch_size", 32],
      [10, "eval_batch", "evaluation.batch_size", 64],
    ]);
  });

  it("recipe.data.micro_batch_size and recipe.data.global_batch_size two sections deep", () => {
    const r = detectFile("recipe.yaml", fixture("generic", "recipe_nested.yaml"));
    expect(table(r).filter(([, role]) => role.endsWith("batch"))).toEqual([
      [6, "micro_batch", "recipe.data.micro_batch_size", 2],
      [7, "global_batch", "recipe.data.global_batch_size", 128],
    ]);
    expect(r.effective.value).toBe(128);
  });
});
