import { describe, expect, it } from "vitest";
import {
  loadModelCatalogue,
  MODEL_FAMILY_FILES,
  parseFamilyFile,
} from "../../../src/workload/catalogue/load-model-catalogue.js";
import type { LanguageModelEntry } from "../../../src/workload/catalogue/model-schema.js";
import { parameterCount } from "../../../src/workload/catalogue/parameter-count.js";

const entries = loadModelCatalogue();
const byId = (id: string) => entries.find((m) => m.id === id) as LanguageModelEntry;

describe("model catalogue files", () => {
  it.each(Object.entries(MODEL_FAMILY_FILES))("models/%s.json passes the schema", (name, data) => {
    expect(() => parseFamilyFile(name, data)).not.toThrow();
  });

  it("holds at least 60 models", () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
  });

  it("names a public source URL for every entry", () => {
    for (const m of entries) expect(m.source, m.id).toMatch(/^https:\/\//);
  });

  it("has no id twice", () => {
    expect(new Set(entries.map((m) => m.id)).size).toBe(entries.length);
  });

  it("rejects an entry whose heads are not a multiple of its KV heads", () => {
    const bad = { family: "x", models: [{ ...byId("meta-llama/Llama-3.2-1B"), kvHeads: 7 }] };
    expect(() => parseFamilyFile("x", bad)).toThrow(/models\/x\.json: models\.0\.kvHeads/);
  });

  it("rejects a MoE entry without its expert counts", () => {
    const { experts: _e, expertsPerToken: _k, ...rest } = byId("Qwen/Qwen3-30B-A3B");
    expect(() => parseFamilyFile("x", { family: "x", models: [rest] })).toThrow(/experts/);
  });
});

describe("hand-checked entries", () => {
  it("Llama-3.2-1B matches its config.json", () => {
    expect(byId("meta-llama/Llama-3.2-1B")).toMatchObject({
      hidden: 2048,
      layers: 16,
      heads: 32,
      kvHeads: 8,
      intermediate: 8192,
      vocab: 128256,
      tiedEmbeddings: true,
      maxPositions: 131072,
      activation: "silu-glu",
    });
  });

  it("GPT-2 small counts 124M parameters (124,439,808 on the Hub)", () => {
    expect(parameterCount(byId("openai-community/gpt2"))).toBe(124_439_808);
  });

  it("Qwen3-30B-A3B is a mixture of 128 experts, 8 per token", () => {
    expect(byId("Qwen/Qwen3-30B-A3B")).toMatchObject({
      kind: "moe-decoder",
      experts: 128,
      expertsPerToken: 8,
      moeIntermediate: 768,
    });
  });

  it("vision entries carry their published size and compute", () => {
    const yolo = entries.find((m) => m.id === "yolov8s");
    expect(yolo).toMatchObject({
      kind: "vision",
      parameters: 11_200_000,
      gflops: 28.6,
      resolution: 640,
      hasBatchNorm: true,
    });
    expect(entries.find((m) => m.id === "resnet50")).toMatchObject({
      parameters: 25_557_032,
      gflops: 4.089,
      resolution: 224,
    });
  });
});

describe("computed against published parameter counts", () => {
  const published = entries.filter((m) => m.publishedParameters);

  it("has published figures for a good share of the language models", () => {
    expect(published.length).toBeGreaterThanOrEqual(25);
  });

  it.each(published.map((m) => [m.id, m] as const))("%s is within 2 % of its published count", (_id, m) => {
    const computed = parameterCount(m);
    const count = m.publishedParameters!.count;
    expect(Math.abs(computed / count - 1)).toBeLessThan(0.02);
  });
});
