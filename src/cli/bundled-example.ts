import { fileURLToPath } from "node:url";

/** The example change `npm start` analyses: a LLaMA-Factory full fine-tune of Qwen2.5-0.5B whose batch goes 8×2 → 32×1.
 * */
export const BUNDLED_EXAMPLE = {
  base: fileURLToPath(new URL("../../fixtures/example/before/qwen2_5_full_sft.yaml", import.meta.url)),
  head: fileURLToPath(new URL("../../fixtures/example/after/qwen2_5_full_sft.yaml", import.meta.url)),
  label: "examples/train_full/qwen2_5_full_sft.yaml",
  config: fileURLToPath(new URL("../../fixtures/example/batch-advisor.yml", import.meta.url)),
};
