import { describe, expect, it } from "vitest";
import { loraDropoutBytesPerExample } from "../../src/estimate/activations.js";
import { estimateMemory } from "../../src/estimate/memory.js";
import { workloadOf } from "./workload-of.js";

/** LitGPT's `litgpt finetune lora` config: lora_r beside per-module switches, `quantize: bnb.nf4` for QLoRA. */
const litgpt = (o: { quantize?: string; dropout?: number; mlp?: boolean } = {}) =>
  [
    "checkpoint_dir: checkpoints/meta-llama/Llama-2-7b-hf",
    "precision: bf16-true",
    `quantize:${o.quantize ? ` ${o.quantize}` : ""}`,
    "devices: 1",
    "lora_r: 32",
    "lora_alpha: 16",
    `lora_dropout: ${o.dropout ?? 0.05}`,
    "lora_query: true",
    "lora_key: false",
    "lora_value: true",
    "lora_projection: false",
    `lora_mlp: ${o.mlp ?? false}`,
    "lora_head: false",
    "train:",
    "  global_batch_size: 8",
    "  micro_batch_size: 2",
    "  max_seq_length: 512",
  ].join("\n");

// Llama-2-7b: hidden 4096, 32 layers, 32 heads (no GQA), MLP 11008.
const H = 4096;
const L = 32;
const I = 11008;
const S = 512;

describe("LitGPT LoRA configs", () => {
  it("lora_r with the lora_query … lora_head switches is LoRA on the modules switched on", () => {
    const w = workloadOf("lora.yaml", litgpt());
    expect(w.method.value).toBe("lora");
    expect(w.lora.value?.modules).toEqual(["q", "v"]);
    expect(w.lora.value?.dropout).toBe(0.05);
    // r·(in + out) for q (h → h) and v (h → h) in each of 32 layers.
    expect(w.trainableParameters.value).toBe(32 * L * (2 * H + 2 * H));
  });

  it("lora_mlp adds gate, up and down", () => {
    expect(workloadOf("lora.yaml", litgpt({ mlp: true })).lora.value?.modules).toEqual([
      "q",
      "v",
      "gate",
      "up",
      "down",
    ]);
  });

  it(
    "quantize: bnb.nf4 is QLoRA without double quantization, bnb.nf4-dq with it, " + "bnb.int8-training an 8-bit base",
    () => {
      const nf4 = workloadOf("qlora.yaml", litgpt({ quantize: "bnb.nf4" }));
      expect(nf4.method.value).toBe("qlora");
      expect(nf4.baseQuantization.value).toBe("nf4");
      expect(nf4.baseQuantization.source).toMatchObject({ kind: "config", key: "quantize", line: 3 });
      expect(workloadOf("qlora.yaml", litgpt({ quantize: "bnb.nf4-dq" })).baseQuantization.value).toBe("nf4-double");
      expect(workloadOf("lora.yaml", litgpt({ quantize: "bnb.int8-training" })).baseQuantization.value).toBe("int8");
    },
  );
});

describe("LoRA dropout keeps each adapter's input", () => {
  it(
    "3 bytes (16-bit dropped copy + 1-byte mask) per input element of each " +
      "adapted module; LitGPT's fused q/k/v has one input",
    () => {
      const base = { hidden: H, layers: L, seqLen: S, attentionWidth: H, intermediate: I };
      expect(loraDropoutBytesPerExample({ ...base, modules: ["q", "v"], fusedQkv: true })).toBe(3 * S * L * H);
      expect(loraDropoutBytesPerExample({ ...base, modules: ["q", "v"] })).toBe(3 * S * L * 2 * H);
      expect(
        loraDropoutBytesPerExample({
          ...base,
          modules: ["q", "k", "v", "o", "gate", "up", "down", "lm_head"],
          fusedQkv: true,
        }),
      ).toBe(3 * S * (L * (H + H + 2 * H + I) + H));
      expect(loraDropoutBytesPerExample({ ...base, modules: ["q", "v"], fusedQkv: true, checkpointing: true })).toBe(
        3 * S * H,
      );
    },
  );

  it("the peak's activations grow by exactly that term when lora_dropout is above 0", () => {
    const peak = (dropout: number) =>
      estimateMemory({
        workload: { after: workloadOf("lora.yaml", litgpt({ dropout })) },
        microBatch: { before: 2, after: 2 },
      }).parts!.after!.activations.value;
    expect(peak(0.05) - peak(0)).toBe(2 * 3 * S * L * H);
  });
});
