import type { BotConfig } from "../config/schema.js";
import type { Entry } from "../detect/types.js";
import { findModel, isUnknown } from "./catalogue/find-model.js";
import { fromBotConfig, fromDefault, fromEntry, keyOf, unknown } from "./field.js";
import { asCount, findEntry } from "./find-entry.js";
import { decoderShape, GPT2_LAYOUT, shapeOfEntry } from "./model-shape.js";
import { shapeFromHfConfig } from "./shape-from-hf-config.js";
import type { Field, ModelShape, WorkloadIssue } from "./types.js";
import type { WorkloadReason } from "./reason.js";

/** Keys that name the model being trained, most specific first. */
export const MODEL_KEYS = [
  "model_name_or_path",
  "base_model",
  "pretrained_model_name_or_path",
  "model.name",
  "model_name",
  "model_id",
  // torchtune's builder names the architecture; its checkpointer.checkpoint_dir is only where files were put
  // (/tmp/llama2), so the builder comes first. LitGPT's checkpoint_dir is its only model key.
  "model._component_",
  "checkpoint_dir",
  "init_from",
];

/** Where the model's files live when the key holds a repository path rather than a Hub id. */
const LOCAL_PATH = /^(\.{1,2}\/|[\w.-]+\/[\w.-]+\/)/;

/** What makes an unknown model known: a `model:` block in the bot config or a catalogue entry. */
export const UNKNOWN_MODEL_HINT: WorkloadReason = { id: "hint.addModel" };

export interface ModelInput {
  entries: Entry[];
  file: string;
  framework: string;
  config: BotConfig;
  /** Files the config names (see `filesNamed`), already read: null when missing. */
  files: ReadonlyMap<string, string | null>;
}

/**
 * The model a config trains, from (first that applies) the bot config's `model:` hints, the
 * config.json `model.configJson` names, the shape keys nanoGPT and Megatron/NeMo write, or the
 * model id (a local folder's config.json, else the bundled catalogue). An id the catalogue does
 * not hold is unknown, with the closest names and the hint to add.
 * @example readModel({ entries, file: "sft.yaml", framework: "huggingface", config, files: new Map() })
 *   // { model: { value: { id: "meta-llama/Llama-3.2-1B", … }, source: { kind: "catalogue", … } } }
 */
export function readModel(input: ModelInput): { model: Field<ModelShape>; issues: WorkloadIssue[] } {
  const issues: WorkloadIssue[] = [];
  const found =
    fromHints(input, issues) ?? fromShapeKeys(input) ?? fromModelId(input, issues) ?? frameworkDefault(input);
  const model = found ?? unknown<ModelShape>({ id: "unknown.noModel" }, { hint: UNKNOWN_MODEL_HINT });
  // A parameter count in the bot config wins over a counted one (the user knows their model).
  const parameters = input.config.model.parameters;
  if (model.value && parameters && !hasShapeHints(input.config)) model.value = { ...model.value, parameters };
  return { model, issues };
}

function hasShapeHints(config: BotConfig): boolean {
  return Boolean(config.model.hidden && config.model.layers && config.model.heads);
}

function fromHints(input: ModelInput, issues: WorkloadIssue[]): Field<ModelShape> | undefined {
  const m = input.config.model;
  if (hasShapeHints(input.config)) {
    const shape = decoderShape(
      {
        id: "model hints",
        hidden: m.hidden!,
        layers: m.layers!,
        heads: m.heads!,
        vocab: m.vocab ?? 0,
        maxPositions: m.seqLen ?? 0,
      },
      { ...GPT2_LAYOUT, positions: "rotary", tiedEmbeddings: true },
    );
    if (m.parameters) shape.parameters = m.parameters;
    if (!m.vocab) delete shape.vocab;
    return fromBotConfig(shape, "model");
  }
  if (m.configJson) {
    const text = input.files.get(m.configJson) ?? null;
    if (text === null) {
      issues.push({
        id: "config-json-missing",
        key: "model.configJson",
        params: { path: m.configJson },
      });
      return undefined;
    }
    const shape = parseHfConfig(text, m.configJson);
    if (!shape.ok) {
      issues.push({
        id: "config-json-invalid",
        key: "model.configJson",
        params: { path: m.configJson, ...shape.problem },
      });
      return undefined;
    }
    return fromBotConfig(shape.shape, "model.configJson");
  }
  if (m.name) {
    const hit = findModel(m.name);
    if (!isUnknown(hit)) {
      return { value: shapeOfEntry(hit), source: { kind: "catalogue", id: hit.id, url: hit.source } };
    }
    issues.push({
      id: "unknown-model-name",
      key: "model.name",
      params: { model: m.name, closest: hit.closest.join(", ") },
    });
  }
  return undefined;
}

/** nanoGPT (`n_layer`, `n_head`, `n_embd`, `block_size`, `vocab_size`) and Megatron/NeMo (`--num-layers`,
 * `--hidden-size`, …). */
function fromShapeKeys(input: ModelInput): Field<ModelShape> | undefined {
  const { entries, file } = input;
  const num = (names: string[]) => {
    const e = findEntry(entries, names);
    const n = e ? asCount(e.value) : undefined;
    return e && n ? { n, e } : undefined;
  };
  const layers = num(["n_layer", "num_layers", "num-layers"]);
  const hidden = num(["n_embd", "hidden_size", "hidden-size"]);
  const heads = num(["n_head", "num_attention_heads", "num-attention-heads"]);
  if (!layers || !hidden || !heads) return undefined;
  // A file that names its model by id as well (a HF config with `num_layers` overrides) is read by id.
  if (
    findEntry(
      entries,
      MODEL_KEYS.filter((k) => k !== "init_from"),
    )
  )
    return undefined;
  const nano = input.framework === "nanogpt" || layers.e.path[0] === "n_layer";
  const vocab = num(["vocab_size", "vocab-size", "padded_vocab_size"]);
  const seq = num([
    "block_size",
    "seq_length",
    "seq-length",
    "max_position_embeddings",
    "max-position-embeddings",
    "encoder_seq_length",
  ]);
  const groups = num(["num_query_groups", "num-query-groups"]);
  const ffn = num(["ffn_hidden_size", "ffn-hidden-size"]);
  const biasEntry = findEntry(entries, ["bias"]);
  const swiglu = findEntry(entries, ["swiglu"]) ?? findEntry(entries, ["activation"]);
  const gated = swiglu !== undefined && (swiglu.value === true || /swiglu|glu/i.test(String(swiglu.value)));
  const shape = decoderShape(
    {
      id: nano ? "nanoGPT" : "Megatron GPT",
      hidden: hidden.n,
      layers: layers.n,
      heads: heads.n,
      kvHeads: groups?.n,
      intermediate: ffn?.n ?? (gated ? Math.round((8 * hidden.n) / 3) : undefined),
      // nanoGPT's train.py: GPT-2's 50257 tokens padded to 50304 when the data names none (meta.pkl);
      // Megatron pads GPT-2's vocabulary to a multiple of 128, also 50304.
      vocab: vocab?.n ?? 50304,
      maxPositions: seq?.n ?? 1024,
    },
    // nanoGPT's train.py sets bias = False unless the config turns it on; Megatron adds biases by default.
    // A LayerNorm without bias keeps one weight vector, which the counter calls rmsnorm.
    nano && biasEntry?.value !== true
      ? { ...GPT2_LAYOUT, bias: "none", norm: "rmsnorm", activation: gated ? "silu-glu" : "gelu" }
      : { ...GPT2_LAYOUT, activation: gated ? "silu-glu" : "gelu" },
  );
  return {
    value: shape,
    source: {
      kind: "config",
      file: layers.e.source ?? file,
      key: `${keyOf(layers.e)}, ${keyOf(hidden.e)}, ${keyOf(heads.e)}`,
      line: layers.e.line,
    },
  };
}

function fromModelId(input: ModelInput, issues: WorkloadIssue[]): Field<ModelShape> | undefined {
  const { entries, file } = input;
  const entry = findEntry(entries, MODEL_KEYS) ?? plainModelEntry(entries);
  if (!entry || typeof entry.value !== "string" || !entry.value.trim()) return undefined;
  const name = entry.value.trim();
  // nanoGPT 'scratch' / 'resume'
  if (entry.path[entry.path.length - 1] === "init_from" && !/^gpt2/i.test(name)) return undefined;
  const localConfig = localConfigOf(entries);
  if (localConfig) {
    const path = localConfig.path;
    const text = input.files.get(path) ?? null;
    if (text !== null) {
      const shape = parseHfConfig(text, name);
      if (shape.ok) return fromEntry(shape.shape, localConfig.key, file);
      issues.push({
        id: "config-json-invalid",
        key: keyOf(localConfig.key),
        file: localConfig.key.source ?? file,
        line: localConfig.key.line,
        params: { path, key: keyOf(localConfig.key), ...shape.problem },
      });
    } else if (localConfig.explicit) {
      const named = localConfig.key;
      issues.push({
        id: "config-json-missing",
        key: keyOf(named),
        file: named.source ?? file,
        line: named.line,
        params: { path, key: keyOf(named), line: named.line },
      });
    }
  }
  const hit = findModel(name);
  if (!isUnknown(hit)) return { value: shapeOfEntry(hit), source: { kind: "catalogue", id: hit.id, url: hit.source } };
  const key = keyOf(entry);
  issues.push({
    id: "unknown-model",
    key,
    file: entry.source ?? file,
    line: entry.line,
    params: { model: name, key, line: entry.line, closest: hit.closest.join(", ") },
  });
  return unknown(
    { id: "unknown.modelNotInCatalogue", params: { name } },
    {
      hint: UNKNOWN_MODEL_HINT,
      closest: hit.closest,
      key,
      line: entry.line,
      file: entry.source ?? file,
    },
  );
}

/**
 * The config.json a config points at: `config_name` (run_clm's flag), or the folder a model key
 * names when it is a path inside the repository (`./models/my-llama`).
 */
export function localConfigOf(entries: Entry[]): { path: string; key: Entry; explicit: boolean } | undefined {
  const configName = findEntry(entries, ["config_name"]);
  if (typeof configName?.value === "string" && configName.value.trim()) {
    const v = configName.value.trim().replace(/^\.\//, "");
    return { path: /\.json$/i.test(v) ? v : `${v.replace(/\/+$/, "")}/config.json`, key: configName, explicit: true };
  }
  const entry = findEntry(entries, MODEL_KEYS);
  if (!entry || typeof entry.value !== "string") return undefined;
  const name = entry.value.trim();
  if (!LOCAL_PATH.test(name) || name.startsWith("/")) return undefined;
  return {
    path: `${name.replace(/^\.\//, "").replace(/\/+$/, "")}/config.json`,
    key: entry,
    explicit: /^\.{1,2}\//.test(name),
  };
}

/** Ultralytics `model: yolov8s.pt`, timm `model: resnet50`, `--model resnet50`: a top-level `model` string. */
function plainModelEntry(entries: Entry[]): Entry | undefined {
  return [...entries]
    .reverse()
    .find((e) => e.path.length === 1 && /^-*model$/.test(e.path[0]) && typeof e.value === "string");
}

/** nanoGPT's train.py trains GPT-2 124M's shape when the config sets none of it. */
function frameworkDefault(input: ModelInput): Field<ModelShape> | undefined {
  if (input.framework !== "nanogpt") return undefined;
  const shape = decoderShape(
    { id: "nanoGPT", hidden: 768, layers: 12, heads: 12, vocab: 50304, maxPositions: 1024 },
    { ...GPT2_LAYOUT, bias: "none", norm: "rmsnorm" },
  );
  // train.py's defaults: n_layer=12, n_head=12, n_embd=768, block_size=1024, vocab 50304, bias=False.
  return fromDefault(shape, "nanogpt", { id: "default.model.nanogpt" });
}

/**
 * A config.json read as a model's shape, or why not: `problem` "json" with the JSON parser's own
 * `error`, or "shape" (no hidden size, layer count and head count); the report words it.
 */
function parseHfConfig(
  text: string,
  id: string,
): { ok: true; shape: ModelShape } | { ok: false; problem: { problem: "json" | "shape"; error: string } } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { problem: "json", error: (error as Error).message } };
  }
  const shape = shapeFromHfConfig(json, id);
  return shape ? { ok: true, shape } : { ok: false, problem: { problem: "shape", error: "" } };
}
