import { describe, expect, it } from "vitest";
import { CUDA_CONTEXT } from "../../src/estimate/analytical-memory.js";
import { estimateMemory } from "../../src/estimate/memory.js";
import { NF4_BYTES } from "../../src/estimate/model-states.js";
import { workloadOf } from "../workload/workload-of.js";

/**
 * Peak memory per device, derived by hand from the formulas in docs/estimates.md, for a LoRA and a
 * QLoRA fine-tune of Llama-3.1-8B and for nanoGPT's GPT-2 124M config. Every constant below is a
 * term of the formula, not an output copied back.
 */

// Llama-3.1-8B's config.json: hidden 4096, 32 layers, 32 heads, 8 KV heads (head 128), MLP 14336, vocab 128256, untied.
const H = 4096;
const L = 32;
const KV = 8 * 128;
const I = 14336;
const V = 128256;
/** Embeddings V·h + 32 × (attention h·h + 2·h·kv + h·h, SwiGLU 3·h·I, two RMSNorms h) + final norm h + untied head V·h.
 * */
const P8B = V * H + L * (2 * H * H + 2 * H * KV + 3 * H * I + 2 * H) + H + V * H;

const S = 4096; // sequence_len
const R = 16; // lora_r
/** LoRA on q, k, v, o: r·(in + out) each, per layer. */
const T = R * L * (H + H + 2 * (H + KV) + (H + H));
/** Activations per layer in s·h units: 14 + 4·(kv heads ÷ heads) + 8·(I ÷ h) for a gated MLP (Korthikanti et al. 2022
 * re-derived). */
const C = 14 + 4 * (8 / 32) + 8 * (I / H);
/** Checkpointing keeps each layer's 16-bit input (2·s·h) and one layer's full activations; FlashAttention stores no
 * scores. */
const ACT = L * 2 * S * H + C * S * H;
/** fp32 logits: 4·s·v. */
const LOGITS = 4 * S * V;

const axolotl = (adapter: string, micro: number) =>
  [
    "base_model: meta-llama/Llama-3.1-8B",
    `adapter: ${adapter}`,
    ...(adapter === "qlora" ? ["load_in_4bit: true"] : []),
    `lora_r: ${R}`,
    "lora_alpha: 32",
    "lora_target_modules:",
    "  - q_proj",
    "  - k_proj",
    "  - v_proj",
    "  - o_proj",
    `sequence_len: ${S}`,
    `micro_batch_size: ${micro}`,
    "gradient_accumulation_steps: 4",
    "gradient_checkpointing: true",
    "flash_attention: true",
    "bf16: true",
    "optimizer: adamw_torch",
  ].join("\n");

describe("LoRA and QLoRA on Llama-3.1-8B (axolotl), per device", () => {
  it("the parameter count is Llama-3.1-8B's 8.03B", () => {
    expect(P8B).toBe(8_030_261_248);
  });

  it("LoRA: frozen 16-bit base (2 B) + 16 B per adapter parameter + micro × (activations + logits) + context", () => {
    const bot = "hardware:\n  gpu: A100-40GB\ndevices: 1";
    const m = estimateMemory({
      workload: {
        before: workloadOf("lora.yml", axolotl("lora", 2), { bot }),
        after: workloadOf("lora.yml", axolotl("lora", 4), { bot }),
      },
      microBatch: { before: 2, after: 4 },
      accumulation: 4,
      budget: { level: "warn", margin: 0.05 },
    });
    const weights = 2 * (P8B - T) + 2 * T;
    const fixed = weights + 2 * T + 12 * T + CUDA_CONTEXT.value;
    expect(m.parts!.after!.weights.value).toBe(weights);
    expect(m.parts!.after!.gradients.value).toBe(2 * T);
    expect(m.parts!.after!.optimizer.value).toBe(12 * T);
    expect(m.parts!.after!.activations.value).toBe(4 * ACT);
    expect(m.parts!.after!.logits.value).toBe(4 * LOGITS);
    expect(m.peak.before!.value).toBe(fixed + 2 * (ACT + LOGITS));
    expect(m.peak.after!.value).toBe(fixed + 4 * (ACT + LOGITS));
    // A100-40GB: 40e9 less the 5% reserve; the largest batch is ⌊(budget − M₀) ÷ m⌋.
    const budget = 40e9 * 0.95;
    expect(m.maxBatchPerDevice!.value).toBe(Math.floor((budget - fixed) / (ACT + LOGITS)));
    expect(m.maxBatchPerDevice!.value).toBe(5); // (38e9 − 16.2e9) ÷ 3.90e9 = 5.6
    expect(m.maxBatchPerDevice!.fits).toBe(true);
  });

  it("QLoRA: linear layers at 4.127 bits (NF4 + double-quantized constants), embeddings and head at 2 B", () => {
    const m = estimateMemory({
      workload: { after: workloadOf("qlora.yml", axolotl("qlora", 4)) },
      microBatch: { before: 2, after: 4 },
    });
    const embeddings = 2 * V * H;
    const quantized = P8B - T - embeddings;
    expect(NF4_BYTES.double).toBe((4 + 8 / 64 + 32 / (64 * 256)) / 8);
    const weights = quantized * NF4_BYTES.double + embeddings * 2 + 2 * T;
    expect(m.parts!.after!.weights.value).toBeCloseTo(weights, 0);
    expect(weights / 1e9).toBeCloseTo(5.7, 1);
    expect(m.peak.after!.value).toBeCloseTo(weights + 14 * T + CUDA_CONTEXT.value + 4 * (ACT + LOGITS), 0);
  });
});

describe("nanoGPT's GPT-2 124M config (config/train_gpt2.py), per device", () => {
  /** train.py: 12 layers of 768, 12 heads, block 1024, vocab 50304, no biases; bf16 autocast over fp32 weights, AdamW,
   * SDPA. */
  const h = 768;
  const layers = 12;
  const s = 1024;
  const v = 50304;
  const P = v * h + s * h + layers * (4 * h * h + 2 * h * 4 * h + 2 * h) + h;
  /** GPT-2's plain MLP at 4h and full K/V: 14 + 4 + 4·4 = 34, the paper's own constant. */
  const act = layers * 34 * s * h;
  const logits = 4 * s * v;

  it("16 B per parameter + context, and 12 × (activations + logits) at batch 12", () => {
    const text = (batch: number) =>
      `batch_size = ${batch}\nblock_size = 1024\ngradient_accumulation_steps = 5 * ` +
      `8\nn_layer = 12\nn_head = 12\nn_embd = 768\n`;
    const m = estimateMemory({
      workload: {
        before: workloadOf("config/train_gpt2.py", text(12)),
        after: workloadOf("config/train_gpt2.py", text(24)),
      },
      microBatch: { before: 12, after: 24 },
    });
    expect(m.model!.parameters).toBe(P);
    expect(m.peak.before!.value).toBe(16 * P + CUDA_CONTEXT.value + 12 * (act + logits));
    expect(m.peak.after!.value).toBe(16 * P + CUDA_CONTEXT.value + 24 * (act + logits));
    expect(m.notes.map((n) => n.id)).toContain("memory-assumed-devices");
  });
});
