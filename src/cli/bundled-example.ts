import { fileURLToPath } from "node:url";

/** The example change `npm start` analyses: a LLaMA-Factory LoRA config whose batch goes 8×2 → 32×1. */
export const BUNDLED_EXAMPLE = {
  base: fileURLToPath(new URL("../../fixtures/example/before/llama3_lora_sft.yaml", import.meta.url)),
  head: fileURLToPath(new URL("../../fixtures/example/after/llama3_lora_sft.yaml", import.meta.url)),
  label: "examples/train_lora/llama3_lora_sft.yaml",
};
