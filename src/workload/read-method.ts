import type { Entry } from "../detect/types.js";
import { derived, fromDefault, fromEntry, keyOf } from "./field.js";
import { asBoolean, asCount, findEntry, listValue } from "./find-entry.js";
import { loraParameters, resolveTargets } from "./lora-modules.js";
import type { BaseQuantization, Field, LoraSpec, MethodKind, ModelShape, WorkloadIssue } from "./types.js";

export interface MethodInput {
  entries: Entry[];
  file: string;
  model: ModelShape | null;
}

export interface Method {
  method: Field<MethodKind>;
  lora: Field<LoraSpec>;
  baseQuantization: Field<BaseQuantization>;
  trainableParameters: Field<number>;
  issues: WorkloadIssue[];
}

/**
 * How the model is trained: all of it, LoRA adapters (rank, alpha, target modules → trainable
 * parameters), LoRA over 4-bit (QLoRA) or 8-bit base weights, or its last layers only. Reads
 * axolotl (`adapter`, `lora_r`, `lora_target_modules`, `lora_target_linear`, `load_in_4bit`),
 * LLaMA-Factory (`finetuning_type`, `lora_rank`, `lora_target`, `quantization_bit`), TRL/PEFT
 * (`use_peft`, `lora_r`/`r`, `target_modules`), torchtune's LoRA builders and LitGPT
 * (`lora_r` with its `lora_query` … `lora_head` switches, `quantize: bnb.nf4`).
 * @example readMethod({ entries, file: "qlora.yml", model }).method.value // "qlora"
 */
export function readMethod(input: MethodInput): Method {
  const { entries, file, model } = input;
  const issues: WorkloadIssue[] = [];
  const quant = readQuantization(entries, file);
  const lora = readLora(entries, file, model, issues);
  const full = model
    ? derived(model.parameters, { id: "derived.modelParameters" })
    : { value: null, source: { kind: "unknown" as const, reason: { id: "unknown.modelUnknown" } as const } };

  if (lora) {
    const kind: MethodKind = quant.field.value === "nf4" || quant.field.value === "nf4-double" ? "qlora" : "lora";
    const spec = lora.spec.value;
    const count = spec && model ? loraParameters(model, spec.rank, spec.modules) : undefined;
    const trainable: Field<number> =
      count !== undefined
        ? derived(count, {
            id: "derived.lora",
            params: { rank: spec!.rank, modules: spec!.modules.join(", "), model: model!.id },
          })
        : {
            value: null,
            source: { kind: "unknown", reason: { id: model ? "unknown.loraUnsized" : "unknown.modelUnknown" } },
          };
    return {
      method: { value: kind, source: lora.method.source },
      lora: lora.spec,
      baseQuantization: quant.field,
      trainableParameters: trainable,
      issues,
    };
  }

  const finetuning = findEntry(entries, ["finetuning_type"]);
  if (finetuning && String(finetuning.value).toLowerCase() === "freeze") {
    const layersEntry = findEntry(entries, ["freeze_trainable_layers"]);
    const trainableLayers = asCount(layersEntry?.value) ?? 2;
    const perLayer = model?.layers ? (model.parameters - embeddingParameters(model)) / model.layers : undefined;
    const trainable: Field<number> =
      perLayer !== undefined
        ? derived(
            Math.round(perLayer * Math.min(trainableLayers, model!.layers!)),
            layersEntry
              ? {
                  id: "derived.frozenLayers",
                  params: { trainable: trainableLayers, layers: model!.layers!, key: keyOf(layersEntry) },
                }
              : { id: "derived.frozenLayersDefault", params: { trainable: trainableLayers, layers: model!.layers! } },
          )
        : { value: null, source: { kind: "unknown", reason: { id: "unknown.layersUnknown" } } };
    return {
      method: fromEntry("frozen", finetuning, file),
      lora: none(),
      baseQuantization: quant.field,
      trainableParameters: trainable,
      issues,
    };
  }
  const method =
    finetuning && String(finetuning.value).toLowerCase() === "full"
      ? fromEntry<MethodKind>("full", finetuning, file)
      : fromDefault<MethodKind>("full", "any", { id: "default.fullFineTune" });
  return { method, lora: none(), baseQuantization: quant.field, trainableParameters: full, issues };
}

function none(): Field<LoraSpec> {
  return { value: null, source: { kind: "unknown", reason: { id: "unknown.noLora" } } };
}

/** Input and output embeddings (and a learned position table) are not in the blocks. */
function embeddingParameters(model: ModelShape): number {
  if (!model.hidden || !model.vocab) return 0;
  return model.vocab * model.hidden * (model.tiedEmbeddings ? 1 : 2);
}

function readQuantization(entries: Entry[], file: string): { field: Field<BaseQuantization> } {
  const doubleEntry = findEntry(entries, ["bnb_4bit_use_double_quant", "double_quantization"]);
  const doubleQuant = doubleEntry ? asBoolean(doubleEntry.value) : undefined;
  const four = (entry: Entry, frameworkDouble: boolean) => {
    // axolotl and LLaMA-Factory load 4-bit weights with double quantization on; bitsandbytes' own default is off.
    const double = doubleQuant ?? frameworkDouble;
    return fromEntry<BaseQuantization>(
      double ? "nf4-double" : "nf4",
      doubleEntry && doubleQuant !== undefined ? doubleEntry : entry,
      file,
    );
  };
  const adapter = findEntry(entries, ["adapter"]);
  if (adapter && String(adapter.value).toLowerCase() === "qlora") return { field: four(adapter, true) };
  const component = findEntry(entries, ["model._component_"]);
  if (component && /\.qlora_/.test(String(component.value)))
    return { field: fromEntry<BaseQuantization>("nf4-double", component, file) };
  const bit = findEntry(entries, ["quantization_bit"]);
  if (bit && Number(bit.value) === 4) return { field: four(bit, true) };
  if (bit && Number(bit.value) === 8) return { field: fromEntry<BaseQuantization>("int8", bit, file) };
  const load4 = findEntry(entries, ["load_in_4bit"]);
  if (load4 && asBoolean(load4.value)) return { field: four(load4, false) };
  const load8 = findEntry(entries, ["load_in_8bit"]);
  if (load8 && asBoolean(load8.value)) return { field: fromEntry<BaseQuantization>("int8", load8, file) };
  // LitGPT's `quantize`: bnb.nf4 / bnb.fp4 (4 bits + an fp32 absmax per 64 weights), their `-dq`
  // double-quantized forms, and bnb.int8-training.
  const quantize = findEntry(entries, ["quantize"]);
  const q = typeof quantize?.value === "string" ? quantize.value.toLowerCase() : "";
  if (quantize && /^bnb\.(nf4|fp4)/.test(q))
    return { field: fromEntry<BaseQuantization>(q.endsWith("-dq") ? "nf4-double" : "nf4", quantize, file) };
  if (quantize && /^bnb\.int8/.test(q)) return { field: fromEntry<BaseQuantization>("int8", quantize, file) };
  return { field: fromDefault<BaseQuantization>("none", "any", { id: "default.quantization.none" }) };
}

/** LoRA's switches, rank, alpha and targets, or undefined when the config trains no adapter. */
function readLora(
  entries: Entry[],
  file: string,
  model: ModelShape | null,
  issues: WorkloadIssue[],
): { method: Field<MethodKind>; spec: Field<LoraSpec> } | undefined {
  const adapter = findEntry(entries, ["adapter"]);
  const finetuning = findEntry(entries, ["finetuning_type"]);
  const usePeft = findEntry(entries, ["use_peft"]);
  const component = findEntry(entries, ["model._component_"]);
  const torchtune = component && /\.(q?lora|dora)_/.test(String(component.value)) ? component : undefined;
  // LitGPT's LoRA configs (`litgpt finetune lora`) set `lora_r` beside per-module switches no other framework uses.
  const litgpt = findEntry(
    entries,
    LITGPT_SWITCHES.map((s) => s.key),
  )
    ? findEntry(entries, ["lora_r"])
    : undefined;
  const switchedOn =
    (adapter && /^q?lora$/i.test(String(adapter.value)) && adapter) ||
    (finetuning && /^lora$/i.test(String(finetuning.value)) && finetuning) ||
    (usePeft && asBoolean(usePeft.value) && usePeft) ||
    torchtune ||
    litgpt ||
    findEntry(entries, ["peft_config.r", "lora_config.r", "peft.r", "lora.r"]);
  if (!switchedOn) return undefined;

  const rankEntry = findEntry(entries, ["lora_r", "lora_rank", "peft_config.r", "lora_config.r", "peft.r", "lora.r"]);
  const alphaEntry = findEntry(entries, ["lora_alpha"]);
  const framework = torchtune
    ? "torchtune"
    : litgpt
      ? "LitGPT"
      : finetuning
        ? "LLaMA-Factory"
        : usePeft
          ? "TRL"
          : adapter
            ? "axolotl"
            : "PEFT";
  // Defaults as each names them: torchtune's builders and LLaMA-Factory rank 8; TRL's ModelConfig 16; PEFT's LoraConfig
  // 8.
  const rank = asCount(rankEntry?.value) ?? (framework === "TRL" ? 16 : 8);
  const alpha =
    alphaEntry && typeof alphaEntry.value === "number"
      ? alphaEntry.value
      : framework === "LLaMA-Factory"
        ? rank * 2
        : framework === "TRL"
          ? 32
          : framework === "torchtune" || framework === "LitGPT"
            ? 16
            : framework === "PEFT"
              ? 8
              : null;

  // Defaults as each names them: PEFT's LoraConfig, axolotl, LLaMA-Factory and torchtune's builders 0; TRL's
  // ModelConfig and LitGPT 0.05.
  const dropoutEntry = findEntry(entries, ["lora_dropout"]);
  const dropout =
    dropoutEntry && typeof dropoutEntry.value === "number"
      ? dropoutEntry.value
      : framework === "TRL" || framework === "LitGPT"
        ? 0.05
        : 0;
  const targets = framework === "LitGPT" ? litgptTargets(entries) : readTargets(entries, framework);
  const { modules, unmatched } = resolveTargets(targets.values, model);
  for (const name of unmatched) {
    const e = targets.entries.find((x) => x.value === name)?.entry;
    const key = targets.key ?? "lora targets";
    issues.push({
      id: "lora-target-unknown",
      key,
      ...(e ? { file: e.source ?? file, line: e.line } : {}),
      params: { target: name, key, line: e?.line ?? 0, model: model?.id ?? "?" },
    });
  }
  const spec: LoraSpec = {
    rank,
    alpha,
    targets: targets.values,
    modules,
    dropout,
    ...(framework === "LitGPT" ? { fusedQkv: true } : {}),
  };
  const specSource = rankEntry
    ? fromEntry(spec, rankEntry, file).source
    : { kind: "default" as const, framework, what: { id: "default.loraRank", params: { rank } } as const };
  return { method: fromEntry<MethodKind>("lora", switchedOn, file), spec: { value: spec, source: specSource } };
}

/**
 * LitGPT's per-module LoRA switches and the modules they adapt (litgpt/lora.py `Config`): the query,
 * key and value parts of the fused attention projection, its output projection, the MLP's linear
 * layers (gate, up and down for LLaMA-style MLPs) and the output head. Defaults as LitGPT's
 * `finetune lora` has them: query and value on, the rest off.
 */
const LITGPT_SWITCHES: Array<{ key: string; modules: string[]; default: boolean }> = [
  { key: "lora_query", modules: ["q_proj"], default: true },
  { key: "lora_key", modules: ["k_proj"], default: false },
  { key: "lora_value", modules: ["v_proj"], default: true },
  { key: "lora_projection", modules: ["o_proj"], default: false },
  { key: "lora_mlp", modules: ["gate_proj", "up_proj", "down_proj"], default: false },
  { key: "lora_head", modules: ["lm_head"], default: false },
];

function litgptTargets(entries: Entry[]): {
  values: string[];
  key?: string;
  entries: Array<{ value: string; entry: Entry }>;
} {
  const values: string[] = [];
  const written: Array<{ value: string; entry: Entry }> = [];
  for (const s of LITGPT_SWITCHES) {
    const entry = findEntry(entries, [s.key]);
    if (!(entry ? (asBoolean(entry.value) ?? s.default) : s.default)) continue;
    values.push(...s.modules);
    if (entry) written.push(...s.modules.map((value) => ({ value, entry })));
  }
  return { values, key: "lora_query … lora_head", entries: written };
}

/**
 * Target modules as written (each with the entry that wrote it), or the framework's default when
 * the config names none.
 */
function readTargets(
  entries: Entry[],
  framework: string,
): { values: string[]; key?: string; entries: Array<{ value: string; entry: Entry }> } {
  const linear = findEntry(entries, ["lora_target_linear"]);
  if (linear && asBoolean(linear.value))
    return { values: ["all-linear"], key: keyOf(linear), entries: [{ value: "all-linear", entry: linear }] };
  const listed = listValue(entries, ["lora_target_modules", "lora_target", "target_modules", "lora_attn_modules"]);
  const values = listed ? listed.items.map((i) => i.value) : [];
  if (framework === "torchtune") {
    const mlp = findEntry(entries, ["apply_lora_to_mlp"]);
    const output = findEntry(entries, ["apply_lora_to_output"]);
    if (mlp && asBoolean(mlp.value)) values.push("w1", "w2", "w3");
    if (output && asBoolean(output.value)) values.push("output");
  }
  if (values.length) return { values, key: listed?.key, entries: listed?.items ?? [] };
  // LLaMA-Factory's lora_target defaults to "all"; PEFT (and TRL, axolotl through it) to q_proj and v_proj for
  // Llama-style models.
  return { values: framework === "LLaMA-Factory" ? ["all"] : ["q_proj", "v_proj"], entries: [] };
}
