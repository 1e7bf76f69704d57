import type { BotConfig } from "../config/schema.js";
import type { BatchChange, FileReport, Role } from "../detect/types.js";
import { modelDimensions, type ModelDimensions } from "./model-dimensions.js";
import type { Note } from "./types.js";

/** Settings whose ratio is the effective batch's ratio when everything else stays. */
const FACTOR_ROLES: Role[] = ["micro_batch", "global_batch", "grad_accum", "devices", "nodes", "tokens_per_batch"];

export interface ChangeContext {
  /** Effective batch new ÷ old. */
  k: number | null;
  /** Per-device micro batch in examples (sequences) on each side. */
  microBatch: { before: number | null; after: number | null };
  devices: { before: number; after: number };
  seqLen?: number;
  /** The effective batch in tokens on each side, for Kaplan's tokens. */
  tokens?: { before: number; after: number };
  dims: ModelDimensions;
  notes: Note[];
}

/**
 * Everything the estimators need to know about the user's side of a change: the batch ratio,
 * the per-device batch on each side, devices, sequence length and model dimensions, each from
 * the config file first, then `.github/batch-advisor.yml`, then a Hugging Face config.json.
 * @example changeContext({ change, file, config }).k // 2
 */
export function changeContext(options: {
  change: BatchChange;
  file: FileReport;
  baseFile?: FileReport;
  config: BotConfig;
  modelConfig?: unknown;
}): ChangeContext {
  const { change, file, baseFile, config } = options;
  const notes: Note[] = [];
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : null);
  let k = change.effective.ratio;
  if (k === null && FACTOR_ROLES.includes(change.role) && num(change.before) && num(change.after)) {
    k = num(change.after)! / num(change.before)!;
    notes.push({
      id: "ratio-from-setting",
      params: { key: change.key, before: String(change.before), after: String(change.after) },
    });
  }

  const dims = { ...modelDimensions(options.modelConfig), ...definedDims(config) };
  const settingSeq = num(file.effective.parts.seqLen) ?? num(file.settings.find((s) => s.role === "seq_len")?.value);
  const seqLen = settingSeq ?? config.model.seqLen ?? dims.maxPositions;
  if (!settingSeq && !config.model.seqLen && dims.maxPositions) {
    notes.push({ id: "seq-len-assumed", params: { seqLen: dims.maxPositions } });
  }

  const inTokens = (f: FileReport) =>
    f.effective.unit === "tokens" && f.settings.some((s) => s.role === "tokens_per_batch");
  const sequences = (f: FileReport, micro: number | null) =>
    micro !== null && inTokens(f) ? (seqLen ? micro / seqLen : null) : micro;
  const microAfter = sequences(file, num(file.effective.parts.micro));
  let microBefore: number | null;
  if (baseFile) microBefore = sequences(baseFile, num(baseFile.effective.parts.micro));
  else if (change.role === "micro_batch" || change.role === "tokens_per_batch")
    microBefore = sequences(file, num(change.before));
  else if (
    change.role === "global_batch" &&
    !file.settings.some((s) => s.role === "micro_batch") &&
    microAfter !== null &&
    num(change.before) &&
    num(change.after)
  ) {
    microBefore = (microAfter * num(change.before)!) / num(change.after)!; // the global batch is split over devices
  } else microBefore = microAfter;

  const devicesAfter = num(file.effective.parts.devices) ?? config.devices ?? null;
  const devicesBefore =
    (baseFile ? num(baseFile.effective.parts.devices) : change.role === "devices" ? num(change.before) : null) ??
    devicesAfter;
  if (devicesAfter === null) notes.push({ id: "devices-assumed" });

  const tokens = tokenBatches(file, change, seqLen);
  return {
    k,
    microBatch: { before: microBefore, after: microAfter },
    devices: { before: devicesBefore ?? 1, after: devicesAfter ?? 1 },
    seqLen,
    tokens,
    dims,
    notes,
  };
}

function tokenBatches(file: FileReport, change: BatchChange, seqLen: number | undefined): ChangeContext["tokens"] {
  const { before, after } = change.effective;
  if (before === null || after === null) return undefined;
  if (file.effective.unit === "tokens") return { before, after };
  return seqLen ? { before: before * seqLen, after: after * seqLen } : undefined;
}

function definedDims(config: BotConfig): ModelDimensions {
  const { hidden, layers, heads, vocab } = config.model;
  return Object.fromEntries(Object.entries({ hidden, layers, heads, vocab }).filter(([, v]) => v !== undefined));
}
