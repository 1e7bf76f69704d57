import type { BotConfig } from "../config/schema.js";
import type { BatchChange, BatchSetting, FileReport } from "../detect/types.js";
import type { MeasurementsFile } from "../measurements/schema.js";
import type { Workload } from "../workload/types.js";
import type { ChangeContext } from "./change-context.js";
import { estimateGpuSpeed, type GpuSpeedInput } from "./gpu-speed.js";
import type { ProxySpeed } from "./speed.js";
import { fromWorkload, speedGpu } from "./speed-workload.js";
import type { Note, SpeedEstimate } from "./types.js";

export interface SpeedForChangeInput {
  change: BatchChange;
  file: FileReport;
  baseFile?: FileReport;
  config: BotConfig;
  ctx: ChangeContext;
  workload: { before?: Workload; after: Workload };
  /** The user's measurements file, checked. */
  measurements?: { file: MeasurementsFile; from: string };
  /** The proxy's own speed; used only as a check of the curve's shape, and only on a GPU backend. */
  proxy?: ProxySpeed;
}

/**
 * The speed part of one change's estimate: reads the per-device batch, accumulation and devices
 * of each side, the GPU, the dataset size and the training length, and hands them to
 * `estimateGpuSpeed`. Returns notes saying what is missing when no speed can be given.
 * @example speedForChange({ change, file, baseFile, config, ctx, workload }).speed?.stepTime.after.unit // "s"
 */
export function speedForChange(input: SpeedForChangeInput): { speed?: SpeedEstimate; notes: Note[] } {
  const { ctx, file, baseFile, change, config } = input;
  const micro = ctx.microBatch;
  if (micro.before === null || micro.after === null) {
    return { notes: [{ id: "speed-batch-unknown" }] };
  }
  const accumAfter = positive(file.effective.parts.accum) ?? 1;
  const accumBefore = baseFile
    ? (positive(baseFile.effective.parts.accum) ?? 1)
    : change.role === "grad_accum"
      ? (positive(change.before) ?? accumAfter)
      : accumAfter;
  const sides = {
    before: { microBatch: micro.before, accumulation: accumBefore, devices: ctx.devices.before },
    after: { microBatch: micro.after, accumulation: accumAfter, devices: ctx.devices.after },
  };
  const gpu = speedGpu({ workload: input.workload.after, config });
  let workload: GpuSpeedInput["workload"];
  if (gpu) {
    const before = fromWorkload(input.workload.before ?? input.workload.after, gpu);
    const after = fromWorkload(input.workload.after, gpu);
    workload = "missing" in after ? after : "missing" in before ? before : { before, after };
  } else workload = { missing: "gpu" };
  const result = estimateGpuSpeed({
    workload,
    gpuFrom: "hardware.gpu",
    sides,
    measurements: input.measurements,
    datasetExamples: config.dataset?.examples,
    length: trainingLength(file.settings, baseFile?.settings),
  });
  if (result.speed && input.proxy?.transferable)
    result.speed.proxyCheck = { backend: input.proxy.backend, stepTimeRatio: input.proxy.stepTime.ratio };
  return result;
}

/** `max_steps` (or `epochs`) on both sides, the key as the config writes it. */
function trainingLength(head: BatchSetting[], base: BatchSetting[] | undefined): GpuSpeedInput["length"] {
  for (const [role, kind] of [
    ["max_steps", "steps"],
    ["epochs", "epochs"],
  ] as const) {
    const after = head.find((s) => s.role === role);
    const value = positive(after?.value);
    if (!after || value === undefined) continue;
    const before = positive(base?.find((s) => s.role === role)?.value) ?? value;
    return { kind, key: after.key, before, after: value };
  }
  return undefined;
}

function positive(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined;
}
