import type { BatchSemantics } from "./frameworks/framework.js";
import type { DetectionReason, UnknownPart } from "./reason.js";
import type { BatchSetting, DetectOptions, EffectiveBatch, Role } from "./types.js";
import type { DetectionWarning } from "./warning.js";

export interface EffectiveResult {
  effective: EffectiveBatch;
  warnings: DetectionWarning[];
}

/**
 * Effective batch = per-device micro batch × accumulation × data-parallel devices, where
 * data-parallel devices = devices ÷ (tensor × pipeline × context parallel). An explicit global
 * batch wins and the accumulation is derived from it (framework-batch-keys.md §0.1–0.2).
 * Parts that cannot be known are named in `unknown`, never guessed.
 * @example effectiveBatch([micro 8, accum 4], {}, { devices: 2 }).effective.value // 64
 */
export function effectiveBatch(
  written: BatchSetting[],
  semantics: BatchSemantics = {},
  options: DetectOptions = {},
): EffectiveResult {
  const result = computeEffective(written, semantics, options);
  const { assumed } = result;
  if (!assumed.length) return { effective: result.effective, warnings: result.warnings };
  const effective = { ...result.effective, assumed };
  if (effective.value != null) effective.formula += ` — assumed: ${assumed.map(assumedText).join(", ")}`;
  return { effective, warnings: result.warnings };
}

const PART_NAMES: Partial<Record<Role, string>> = {
  grad_accum: "accumulation",
  micro_batch: "per-device batch",
  global_batch: "global batch",
  devices: "devices",
  seq_len: "sequence length",
  tokens_per_batch: "tokens per device",
};

/** An assumed default in the formula (English, as the formula is): "per-device batch = 8 (transformers … default)". */
function assumedText(a: DetectionReason): string {
  if (a.id !== "assumed.default") return a.id;
  const { part, value, from } = a.params;
  return `${PART_NAMES[part] ?? part} = ${value}${from ? ` (${from} default)` : ""}`;
}

function computeEffective(
  written: BatchSetting[],
  semantics: BatchSemantics,
  options: DetectOptions,
): EffectiveResult & { assumed: DetectionReason[] } {
  const settings = applicable(written, semantics);
  const warnings: DetectionWarning[] = [];
  const unknown: UnknownPart[] = [];
  const first = (role: Role) => settings.find((s) => s.role === role);
  const values = new Map<Role, number | null>();
  for (const s of settings) if (!values.has(s.role)) values.set(s.role, typeof s.value === "number" ? s.value : null);
  const assumed: DetectionReason[] = [];
  const known = (role: Role): number | null | undefined => {
    const s = first(role);
    if (!s) {
      const d = semantics.defaults?.[role];
      // Accumulation 1 is no accumulation, said in the formula; any other default is an assumption.
      if (
        d !== undefined &&
        !(role === "grad_accum" && d === 1) &&
        !assumed.some((a) => a.id === "assumed.default" && a.params.part === role)
      ) {
        assumed.push({ id: "assumed.default", params: { part: role, value: d, from: semantics.defaultsFrom ?? "" } });
      }
      return d;
    }
    if (s.unknownReason) {
      const auto = semantics.autoMeans !== undefined && /^["']?auto["']?$/i.test(s.raw.trim());
      unknown.push({ key: s.key, reason: auto && semantics.autoMeans ? semantics.autoMeans : s.unknownReason });
      return null;
    }
    return typeof s.value === "number" ? s.value : null;
  };

  const tokens = known("tokens_per_batch");
  const unitOption = semantics.unit;
  const unit =
    typeof unitOption === "function"
      ? unitOption(values, settings)
      : (unitOption ?? (first("tokens_per_batch") ? "tokens" : "samples"));
  const micro = unit === "tokens" && first("tokens_per_batch") ? tokens : known("micro_batch");
  const accumSetting = first("grad_accum");
  // An unresolved global batch (Ludwig `effective_batch_size: auto`, DeepSpeed `train_batch_size: "auto"`)
  // is micro × accumulation × devices when both of those are written.
  const globalFromParts =
    first("global_batch")?.unknownReason !== undefined &&
    micro != null &&
    accumSetting !== undefined &&
    accumSetting.unknownReason === undefined;
  const global = globalFromParts ? undefined : known("global_batch");
  let accum = known("grad_accum");
  let accumWhy = accumSetting ? "accumulation" : "no accumulation";
  if (accum === undefined) {
    const implied = semantics.impliedAccum?.(values);
    accum = implied ? implied.accum : 1;
    if (implied) accumWhy = implied.why;
  }
  const dataParallel = dataParallelDevices({ settings, written, options, unknown, warnings, semantics, known });
  const devices = dataParallel.count;
  const dpLabel = dataParallel.label;

  const parts = { micro: micro ?? null, accum: accum ?? null, devices, seqLen: known("seq_len") ?? null };
  const seqLen = parts.seqLen;
  if (unit === "tokens" && seqLen == null && !first("tokens_per_batch"))
    unknown.push({ reason: { id: "part.notSet", params: { part: "seq_len" } } });

  // A framework default for the global batch (Ultralytics 16) counts like a written one.
  if (global !== undefined) {
    if (global === null)
      return { effective: { value: null, unit, formula: "global batch unknown", unknown, parts }, warnings, assumed };
    if (semantics.globalBeforeAccum) {
      parts.micro = devices ? global / devices : null;
      const value = accum == null ? null : global * accum;
      return {
        effective: {
          value,
          unit,
          formula: `${global} (global, over all devices) × ${fmt(accum)} (${accumWhy})`,
          unknown,
          parts,
        },
        warnings,
        assumed,
      };
    }
    const rescaled = semantics.rescaleGlobal?.({ global, devices, values });
    if (rescaled) {
      if (rescaled.value === null) unknown.push({ reason: rescaled.unknown });
      return { effective: { value: rescaled.value, unit, formula: rescaled.why, unknown, parts }, warnings, assumed };
    }
    if (micro != null && devices != null) {
      const derived = global / (micro * devices);
      if (accumSetting && accum != null && accum !== derived && !semantics.accumIsGlobal) {
        warnings.push({
          id: "warning.conflict",
          params: {
            globalKey: first("global_batch")!.key,
            global,
            microKey: first("micro_batch")?.key ?? "micro",
            accumKey: accumSetting.key,
            micro,
            accum,
            devices,
          },
        });
      } else if (!Number.isInteger(derived)) {
        warnings.push({ id: "warning.globalNotDivisibleByMicro", params: { global, micro, devices } });
      }
      parts.accum = accumSetting && accum != null ? accum : derived;
      const formula =
        `${global} (global) = ${micro} (per device) × ${fmt(parts.accum)} ` +
        `(accumulation${accumSetting && accum != null ? "" : ", derived"}) × ${devices} (${dpLabel})`;
      return fromGlobal(global, formula);
    }
    // A global batch split over known devices gives the per-device batch (DeepSpeed: only
    // train_batch_size → accumulation 1 and micro = global ÷ world; detectron2 IMS_PER_BATCH ÷ GPUs),
    // which is what memory grows with.
    if (micro == null && !first("micro_batch") && devices != null) {
      const splitAccum = accumSetting && accum != null ? accum : 1;
      parts.micro = global / (devices * splitAccum);
      parts.accum = splitAccum;
      if (!Number.isInteger(parts.micro))
        warnings.push({
          id: "warning.globalNotDivisibleByDevices",
          params: { global, devices, accum: splitAccum },
        });
      const formula =
        `${global} (global) = ${fmt(parts.micro)} (per device, derived) ` +
        `× ${splitAccum} (${accumSetting ? "accumulation" : "no accumulation"}) ` +
        `× ${devices} (${dpLabel})`;
      return fromGlobal(global, formula);
    }
    // Without the micro batch and the devices the accumulation inside the global batch is not known.
    if (!accumSetting) parts.accum = null;
    return {
      effective: {
        value: scaleTokens(global),
        unit,
        formula: `${global} (global batch)${tokenSuffix()}`,
        unknown,
        parts,
      },
      warnings,
      assumed,
    };
  }

  if (micro == null) {
    if (micro === undefined && !first("micro_batch"))
      unknown.push({ reason: { id: "part.notSet", params: { part: "micro_batch" } } });
    return { effective: { value: null, unit, formula: "per-device batch unknown", unknown, parts }, warnings, assumed };
  }
  const microLabel = unit === "tokens" && first("tokens_per_batch") ? "tokens per device" : "per device";
  if (semantics.accumIsGlobal) {
    // nanoGPT divides its accumulation by the world size, so devices cancel out: an unknown
    // device count is no unknown part of this batch.
    const value = accum == null ? null : micro * accum;
    const relevant = unknown.filter((u) => !("devicesFrom" in u));
    return {
      effective: {
        value: scaleTokens(value),
        unit,
        formula: `${micro} (${microLabel}) × ${fmt(accum)} (${accumWhy}, over all devices)${tokenSuffix()}`,
        unknown: relevant,
        parts,
      },
      warnings,
      assumed,
    };
  }
  const value = accum == null || devices == null ? null : micro * accum * devices;
  return {
    effective: {
      value: scaleTokens(value),
      unit,
      formula: `${micro} (${microLabel}) × ${fmt(accum)} (${accumWhy}) × ${fmt(devices)} (${dpLabel})${tokenSuffix()}`,
      unknown,
      parts,
    },
    warnings,
    assumed,
  };

  function scaleTokens(v: number | null): number | null {
    if (v == null || unit !== "tokens" || first("tokens_per_batch")) return v;
    return seqLen == null ? null : v * seqLen;
  }
  /** The answer from a global batch, its formula in tokens when the batch counts them. */
  function fromGlobal(global: number, formula: string) {
    const shown = tokenSuffix() ? `(${formula})${tokenSuffix()}` : formula;
    return { effective: { value: scaleTokens(global), unit, formula: shown, unknown, parts }, warnings, assumed };
  }
  function tokenSuffix(): string {
    return unit === "tokens" && !first("tokens_per_batch") ? ` × ${fmt(seqLen ?? null)} (sequence length)` : "";
  }
}

/**
 * The settings that take part: an explicit null (`max_seq_len: null`) and the framework's own
 * "not set" markers mean the default, so they are dropped; a per-device batch the framework counts
 * in tokens (OpenNMT `batch_type: tokens`) is read as tokens per device.
 */
function applicable(settings: BatchSetting[], semantics: BatchSemantics): BatchSetting[] {
  const inTokens = semantics.batchUnit?.(settings) === "tokens";
  return settings
    .filter((s) => !(s.value === null && /^(?:null|Null|NULL|~|None)?$/.test(s.raw.trim())))
    .filter((s) => !(typeof s.value === "number" && semantics.unsetValues?.[s.role]?.includes(s.value)))
    .map((s) => (inTokens && s.role === "micro_batch" ? { ...s, role: "tokens_per_batch" as const } : s));
}

/** The data-parallel count, and how the formula names it: `devices`, or the division that gives it. */
interface DataParallel {
  count: number | null;
  label: string;
}

/** Model-parallel dimensions: ranks that share one batch, so they divide the devices (framework-batch-keys.md §0.3). */
const MODEL_PARALLEL: Array<[Role, string]> = [
  ["tensor_parallel", "tensor"],
  ["pipeline_parallel", "pipeline"],
  ["context_parallel", "context"],
  ["sequence_parallel", "sequence"],
];

/**
 * Data-parallel copies of the model: a degree the framework states (nanotron `dp`, torchtitan
 * shard × replicate), else devices ÷ (tensor × pipeline × context × sequence parallel). A stated
 * degree that disagrees with the devices is a warning; the stated one is what the framework uses.
 */
function dataParallelDevices(args: {
  settings: BatchSetting[];
  written: BatchSetting[];
  options: DetectOptions;
  unknown: UnknownPart[];
  warnings: DetectionWarning[];
  semantics: BatchSemantics;
  known: (role: Role) => number | null | undefined;
}): DataParallel {
  const { settings, written, options, unknown, warnings, semantics, known } = args;
  const sizes = MODEL_PARALLEL.map(([role, name]) => {
    const s = settings.find((x) => x.role === role);
    const p = s ? known(role) : undefined;
    return { name, key: s?.key, size: typeof p === "number" && p >= 1 ? p : 1 };
  }).filter((m) => m.size > 1);
  const modelParallel = sizes.reduce((n, m) => n * m.size, 1);
  const stated = statedDataParallel(settings, written);
  if (stated !== undefined) {
    // Only to check the stated degree against: a device count that is unknown is no unknown part here.
    const value = (role: Role) => settings.find((s) => s.role === role)?.value;
    const perNode = options.devices ?? value("devices");
    const nodes = options.devices === undefined ? value("nodes") : 1;
    const total = typeof perNode === "number" ? perNode * (typeof nodes === "number" ? nodes : 1) : undefined;
    if (typeof total === "number" && total !== stated.count * modelParallel) {
      warnings.push({
        id: "warning.dataParallelConflict",
        params: { keys: stated.keys.join(" × "), stated: stated.count, devices: total, modelParallel },
      });
    }
    return { count: stated.count, label: `data-parallel, ${stated.keys.join(" × ")}` };
  }
  const devices = readDevices({ options, unknown, semantics, known });
  if (devices === null) return { count: null, label: "devices" };
  if (modelParallel === 1) return { count: devices, label: "devices" };
  // Megatron refuses to start then; a fractional data-parallel degree would only mislead.
  if (devices % modelParallel !== 0) {
    unknown.push({ reason: { id: "part.devicesIndivisible", params: { devices, parallel: modelParallel } } });
    return { count: null, label: "devices" };
  }
  return {
    count: devices / modelParallel,
    label: `data-parallel = ${devices} devices ÷ ${sizes.map((m) => `${m.size} ${m.name}`).join(" ÷ ")}`,
  };
}

/** A data-parallel degree written in full: every stated dimension a number ≥ 1 (a torchtitan -1 means "what is left").
 * */
function statedDataParallel(
  settings: BatchSetting[],
  written: BatchSetting[],
): { count: number; keys: string[] } | undefined {
  const stated = settings.filter((s) => s.role === "data_parallel");
  if (!stated.length || stated.length < written.filter((s) => s.role === "data_parallel").length) return undefined;
  if (!stated.every((s) => typeof s.value === "number" && s.value >= 1)) return undefined;
  return { count: stated.reduce((n, s) => n * (s.value as number), 1), keys: stated.map((s) => s.key) };
}

/** All devices of the run (per node × nodes), or null with the reason in `unknown`. */
function readDevices(args: {
  options: DetectOptions;
  unknown: UnknownPart[];
  semantics: BatchSemantics;
  known: (role: Role) => number | null | undefined;
}): number | null {
  const { options, semantics, unknown } = args;
  if (options.devices !== undefined) return options.devices;
  const d = args.known("devices");
  if (d === undefined) {
    unknown.push({ devicesFrom: semantics.devicesFrom ?? { id: "devices.launcher" } });
    return null;
  }
  if (d === null || d < 1) {
    if (d !== null) unknown.push({ reason: { id: "part.devicesAll", params: { value: d } } });
    return null;
  }
  return d * (args.known("nodes") ?? 1);
}

function fmt(n: number | null | undefined): string {
  if (n == null) return "?";
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, "");
}
