import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { defaultConfig } from "../../src/config.js";
import { renderComment } from "../../src/report/render-comment.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { englishRuns } from "./english-runs.js";

/** The comment on one changed file (and the files beside it), in Traditional Chinese. */
async function zhComment(
  base: Record<string, string>,
  head: Record<string, string>,
  files = defaultConfig().files,
): Promise<string> {
  const config = { ...defaultConfig(), files, language: "zh-TW" as const, hardware: { gpu: "A100-80GB" } };
  const report = await analyze(new MemorySource({ base, head }), config, { noProxy: true });
  return renderComment(report);
}

describe("a zh-TW comment says detection's reasons in Chinese", () => {
  it("an unresolved interpolation and the launcher's device count", async () => {
    const head = "model_name_or_path: gpt2\nper_device_train_batch_size: 32\ngradient_accumulation_steps: ${accum}\n";
    const comment = await zhComment({ "sft.yaml": head.replace("32", "8") }, { "sft.yaml": head });
    expect(comment).toContain("插值 `${accum}`：這個設定檔與它組合的檔案裡都沒有鍵 `accum`");
    expect(comment).toContain("GPU 數量：這個檔案沒有寫（`torchrun --nproc_per_node`、");
    expect(englishRuns(comment)).toEqual([]);
  });

  it("a Jsonnet import that is not in the repository", async () => {
    const head =
      'local base = import "missing.libsonnet";\n' +
      "{ data_loader: { batch_sampler: { batch_size: 32 } },\n" +
      "  trainer: { num_gradient_accumulation_steps: base.accum } }\n";
    const path = "training_config/tagger.jsonnet";
    const comment = await zhComment({ [path]: head.replace("32", "8") }, { [path]: head }, ["**/*.jsonnet"]);
    expect(comment).toContain("從 `missing.libsonnet` 匯入：儲存庫中沒有這個檔案");
    expect(englishRuns(comment)).toEqual([]);
  });
});
