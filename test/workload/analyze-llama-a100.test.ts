import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { loadConfig } from "../../src/config.js";
import { CUDA_CONTEXT } from "../../src/estimate/analytical-memory.js";
import { reportJson } from "../../src/report/render-json.js";
import { GitSource } from "../../src/source/git-source.js";
import { gitScenario } from "../helpers/git-scenario.js";

/**
 * The issue's own example: an HF YAML that names meta-llama/Llama-3.2-1B, 2048-token sequences,
 * bf16, per-device batch 8 → 32, and a bot config with only `hardware.gpu: A100-80GB` — no
 * `model:` hints. Every byte below is derived from the formulas (docs/estimates.md).
 */

// Llama-3.2-1B's config.json: hidden 2048, 16 layers, 32 heads, 8 KV heads, MLP 8192, vocab 128256, tied embeddings.
const h = 2048;
const layers = 16;
const vocab = 128256;
/** Embeddings + 16 × (attention 2·h·h + 2·h·512, SwiGLU 3·h·8192, two RMSNorms) + final norm. */
const P = vocab * h + layers * (2 * h * h + 2 * h * 512 + 3 * h * 8192 + 2 * h) + h;
/** Mixed-precision AdamW, ZeRO's accounting: 2 + 2 + 12 bytes per parameter. */
const STATES = 16 * P;
const s = 2048;
/** Per layer in s·h units: 14 + 4·(8 ÷ 32) + 8·(8192 ÷ 2048) = 47; SDPA stores no scores. */
const ACT_PER_EXAMPLE = layers * (14 + 4 * (8 / 32) + 8 * (8192 / h)) * s * h;
const LOGITS_PER_EXAMPLE = 4 * s * vocab;
const M0 = STATES + CUDA_CONTEXT.value;
const m = ACT_PER_EXAMPLE + LOGITS_PER_EXAMPLE;
/** A100-80GB's datasheet 80 GB less the default 5% reserve. */
const BUDGET = 80e9 * (1 - 0.05);

describe("analyze: Llama-3.2-1B full fine-tune, 8 → 32 per device, on an A100-80GB", () => {
  it("reports absolute peaks, over budget, and the largest batch that fits, in the comment and the JSON", async () => {
    const repo = gitScenario("llama-1b-a100");
    const { config, errors } = loadConfig(readFileSync(join(repo, ".github/batch-advisor.yml"), "utf8"));
    expect(errors).toEqual([]);
    const report = await analyze(new GitSource({ repo, base: "base", head: "head" }), config, { noProxy: true });

    expect(P).toBe(1_235_814_400);
    const memory = report.groups[0].estimate.memory;
    expect(memory.peak.basis).toBe("analytical");
    expect(memory.peak.before!.value).toBe(M0 + 8 * m);
    expect(memory.peak.after!.value).toBe(M0 + 32 * m);
    expect((M0 + 8 * m) / 1e9).toBeCloseTo(54.2, 1);
    expect((M0 + 32 * m) / 1e9).toBeCloseTo(155.1, 1);
    expect(memory.budget).toMatchObject({ key: "hardware.gpu", limit: BUDGET, message: { id: "budget-over" } });

    // ⌊(76 GB − 20.6 GB) ÷ 4.20 GB⌋ = 13 per device; 32 = 8 × 4 keeps the effective batch.
    expect(Math.floor((BUDGET - M0) / m)).toBe(13);
    expect(memory.maxBatchPerDevice).toMatchObject({
      value: 13,
      fits: false,
      accumulation: { micro: 8, accumulation: 4, product: 32 },
    });

    const json = reportJson(report) as unknown as {
      groups: Array<{ estimate: { memory: typeof memory; workload: { model: { source: unknown } } } }>;
    };
    const jm = json.groups[0].estimate.memory;
    expect(jm.peak.before).toMatchObject({ value: M0 + 8 * m, low: expect.any(Number), high: expect.any(Number) });
    expect(jm.parts!.after!.weights.value).toBe(2 * P);
    expect(jm.parts!.after!.optimizer.value).toBe(12 * P);
    expect(jm.parts!.after!.activations.value).toBe(32 * ACT_PER_EXAMPLE);
    expect(jm.parts!.after!.logits.value).toBe(32 * LOGITS_PER_EXAMPLE);
    expect(jm.maxBatchPerDevice!.budget.bytes).toBe(BUDGET);
    expect(json.groups[0].estimate.workload.model.source).toEqual({
      kind: "catalogue",
      id: "meta-llama/Llama-3.2-1B",
      url: "https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/config.json",
    });

    const md = report.markdown;
    expect(md).toContain("| Peak memory per device (from the model's size) | 50.5 GiB");
    expect(md).toContain("144 GiB");
    expect(md).toContain("**over A100-80GB 80 GB − 4 GB**");
    // The top of the peak's interval is a line too: what fits if it holds is the low end of the answer.
    const { before, after } = memory.peak as { before: { high: number }; after: { high: number } };
    const perExampleHigh = (after.high - before.high) / (32 - 8);
    const low = Math.floor((BUDGET - (before.high - 8 * perExampleHigh)) / perExampleHigh);
    expect(low).toBeLessThan(13);
    expect(memory.maxBatchPerDevice!.low).toBe(low);
    expect(md).toContain(`| Largest per-device batch that fits | | ${low}–13 | **use 8 × accumulation 4** |`);
    expect(md).toContain(
      "Fits up to 13 per device on A100-80GB 80 GB − 4 GB: use 8 per device × " +
        "accumulation 4 to keep the effective batch.",
    );
    expect(md).toContain("catalogue meta-llama/Llama-3.2-1B");
    expect(md).toContain("sft.yaml:4 max_seq_length");
  });
});
