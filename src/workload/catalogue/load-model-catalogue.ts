// Static JSON imports: esbuild inlines them into the Action's bundle, so nothing is read from disk at run time.
import bert from "./models/bert.json" with { type: "json" };
import deepseek from "./models/deepseek.json" with { type: "json" };
import falcon from "./models/falcon.json" with { type: "json" };
import gemma from "./models/gemma.json" with { type: "json" };
import gpt2 from "./models/gpt2.json" with { type: "json" };
import llama from "./models/llama.json" with { type: "json" };
import mistral from "./models/mistral.json" with { type: "json" };
import olmo from "./models/olmo.json" with { type: "json" };
import opt from "./models/opt.json" with { type: "json" };
import phi from "./models/phi.json" with { type: "json" };
import pythia from "./models/pythia.json" with { type: "json" };
import qwen from "./models/qwen.json" with { type: "json" };
import resnet from "./models/resnet.json" with { type: "json" };
import roberta from "./models/roberta.json" with { type: "json" };
import smollm from "./models/smollm.json" with { type: "json" };
import t5 from "./models/t5.json" with { type: "json" };
import tinyllama from "./models/tinyllama.json" with { type: "json" };
import vit from "./models/vit.json" with { type: "json" };
import yolo from "./models/yolo.json" with { type: "json" };
import { modelFamilyFileSchema, type ModelEntry, type ModelFamilyFile } from "./model-schema.js";

/** Every family file, in the order docs/models-and-gpus.md lists them. */
export const MODEL_FAMILY_FILES: Record<string, unknown> = {
  llama,
  qwen,
  mistral,
  gemma,
  phi,
  deepseek,
  tinyllama,
  smollm,
  olmo,
  falcon,
  gpt2,
  pythia,
  opt,
  bert,
  roberta,
  t5,
  vit,
  resnet,
  yolo,
};

let cached: ModelEntry[] | undefined;

/**
 * All bundled model entries, each family file validated against the schema (a malformed file is
 * a bug in this repository, so it throws naming the file and the field).
 * @example loadModelCatalogue().find((m) => m.id === "meta-llama/Llama-3.2-1B")?.hidden // 2048
 */
export function loadModelCatalogue(): ModelEntry[] {
  cached ??= Object.entries(MODEL_FAMILY_FILES).flatMap(([name, data]) => parseFamilyFile(name, data).models);
  return cached;
}

/** Validates one family file; the error names the file and the path inside it. */
export function parseFamilyFile(name: string, data: unknown): ModelFamilyFile {
  const result = modelFamilyFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`models/${name}.json: ${issue.path.join(".")}: ${issue.message}`);
  }
  return result.data;
}
