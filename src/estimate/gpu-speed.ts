import type { MeasurementsFile } from "../measurements/schema.js";
import { findGpu } from "../workload/catalogue/find-gpu.js";
import { gpuStepTime, type GpuStepTime, type StepShape } from "./gpu-step-time.js";
import { measuredStep, type MeasuredStep } from "./measured-speed.js";
import { combine, quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { SpeedGap, SpeedWorkload } from "./speed-workload.js";
import type { Note, Quantity, SpeedEstimate, SpeedSide } from "./types.js";

export interface GpuSpeedInput {
  /** Each side's workload on the GPU, or why there is none. */
  workload: { before: SpeedWorkload; after: SpeedWorkload } | SpeedGap | undefined;
  /** The key that named the GPU (`hardware.gpu`, the Action's `gpu` input). */
  gpuFrom: string;
  sides: { before: StepShape; after: StepShape };
  /** The user's measurements file, already checked against its schema. */
  measurements?: { file: MeasurementsFile; from: string };
  /** Training examples per epoch (`dataset.examples`). */
  datasetExamples?: number;
  /** The training length the config sets on both sides, when it has one. */
  length?: { kind: "steps" | "epochs"; key: string; before: number; after: number };
}

/**
 * Step time, throughput and time per epoch on the user's GPU before and after the change: the
 * user's own measurement where the measurements file covers a side (the highest-trust source),
 * else the analytical roofline (gpu-step-time.ts) — scaled to the measurement when the file covers
 * the other side. Proxy step times are never used here.
 * @example estimateGpuSpeed({ workload, gpuFrom: "hardware.gpu", sides }).stepTime.after
 *   // { value: 1.5, unit: "s", … }
 */
export function estimateGpuSpeed(input: GpuSpeedInput): { speed?: SpeedEstimate; notes: Note[] } {
  const notes: Note[] = [];
  const w = input.workload;
  const seqLen = w && "after" in w && w.after.network.kind === "transformer" ? w.after.network.seqLen : undefined;
  const measured = {
    before: measuredStep(input.measurements?.file, input.sides.before, seqLen),
    after: measuredStep(input.measurements?.file, input.sides.after, seqLen),
  };
  const analytical =
    w && "after" in w
      ? { before: gpuStepTime(w.before, input.sides.before), after: gpuStepTime(w.after, input.sides.after) }
      : undefined;
  if (!analytical && !(measured.before && measured.after)) {
    notes.push(gapNote(w && "missing" in w ? w : undefined, input.gpuFrom));
    return { notes };
  }
  const from = input.measurements?.from ?? "";
  const stepTime = stepTimes({ measured, analytical, from });
  for (const side of ["before", "after"] as const) {
    const m = measured[side];
    if (!m) continue;
    const { microBatch, accumulation } = input.sides[side];
    notes.push(
      m.scaledFrom
        ? {
            id: "speed-measured-scaled",
            params: { batch: microBatch, from, measuredAccumulation: m.scaledFrom, accumulation },
          }
        : { id: "speed-measured-on-job", params: { batch: microBatch, accumulation, from } },
    );
  }
  const fileGpu = input.measurements?.file.gpu;
  const gpu = w && "after" in w ? w.after.gpu : undefined;
  if (fileGpu && gpu && (measured.before || measured.after)) {
    const found = findGpu(fileGpu);
    if (!("id" in found) || found.id !== gpu.id)
      notes.push({ id: "speed-measured-other-gpu", params: { measuredOn: fileGpu, gpu: gpu.id } });
  }
  if (analytical?.after.utilization.basis === "assumed") {
    notes.push({
      id: "speed-utilization-assumed",
      params: { gpu: gpu?.id ?? "", anchoredOn: analytical.after.utilization.anchoredOn },
    });
  }

  const sides = {
    before: sideOf(input.sides.before, seqLen, analytical?.before, Boolean(measured.before)),
    after: sideOf(input.sides.after, seqLen, analytical?.after, Boolean(measured.after)),
  };
  const perSecond = (amount: number, t: Quantity): Quantity =>
    quantity(
      amount / t.value,
      seqLen ? "tokens/s" : "examples/s",
      t.source,
      t.low !== undefined && t.high !== undefined ? { low: amount / t.high, high: amount / t.low } : {},
    );
  const amount = (s: SpeedSide) => s.tokensPerStep ?? s.examplesPerStep;
  const throughput = {
    before: perSecond(amount(sides.before), stepTime.before),
    after: perSecond(amount(sides.after), stepTime.after),
  };
  // Time per epoch is steps per epoch × step time: the step-time ratio over the examples-per-step ratio.
  const epochTimeRatio = mapRatio(
    stepTime.ratio,
    (r) => (r * sides.before.examplesPerStep) / sides.after.examplesPerStep,
  );
  const speed: SpeedEstimate = {
    basis: measured.after ? "measured" : "analytical",
    ...(gpu && analytical ? { gpu: gpuOf(gpu, input.gpuFrom, analytical.after) } : {}),
    sides,
    stepTime,
    // Throughput ratio = amount ratio ÷ step-time ratio: the step-time ratio's narrow interval carries over.
    throughput: {
      ...throughput,
      ratio: mapRatio(stepTime.ratio, (r) => amount(sides.after) / amount(sides.before) / r),
    },
    epochTimeRatio,
    notes,
  };
  if (input.datasetExamples) {
    const epoch = (side: "before" | "after") =>
      scale(stepTime[side], Math.ceil(input.datasetExamples! / sides[side].examplesPerStep));
    speed.epochTime = { before: epoch("before"), after: epoch("after"), examples: input.datasetExamples };
  }
  if (input.length)
    speed.fixedLength = fixedLength({ length: input.length, speed, notes, datasetExamples: input.datasetExamples });
  return { speed, notes: [] };
}

/**
 * Wall time to the same loss: the convergence estimate's steps ratio × the step-time ratio, and
 * in seconds when the old run's length in steps is known.
 */
export function addWallTime(speed: SpeedEstimate, stepsRatio: Quantity): void {
  const ratio = combine(stepsRatio, speed.stepTime.ratio, { unit: "ratio", source: SOURCES.wallTime });
  const steps = baseSteps(speed);
  speed.wallTime = steps
    ? {
        ratio,
        steps,
        before: scale(speed.stepTime.before, steps),
        after: scale(combine(stepsRatio, speed.stepTime.after, { unit: "s", source: SOURCES.wallTime }), steps),
      }
    : { ratio };
}

/**
 * The step time as an affine line t(B) = t₀ + t₁·B through the two sides, in the frame the
 * convergence estimate uses (its own batch units), for the time column of its curve.
 */
export function stepTimeLine(
  speed: SpeedEstimate,
  frame: { before: number; after: number },
): { ratio: Quantity; t0: number; t1: number } {
  const tb = speed.stepTime.before.value;
  const ta = speed.stepTime.after.value;
  const t1 = frame.after === frame.before ? 0 : (ta - tb) / (frame.after - frame.before);
  return { ratio: speed.stepTime.ratio, t0: tb - t1 * frame.before, t1 };
}

function stepTimes(o: {
  measured: { before?: MeasuredStep; after?: MeasuredStep };
  analytical?: { before: GpuStepTime; after: GpuStepTime };
  from: string;
}): SpeedEstimate["stepTime"] {
  const { measured, analytical } = o;
  const job = `${SOURCES.measuredOnJob} (${o.from})`;
  const fromModel = (t: GpuStepTime) => quantity(t.value, "s", SOURCES.gpuStepTime, { low: t.low, high: t.high });
  // Before and after share the GPU and the utilization: their ratio is taken at the same utilization, so its interval
  // is narrow.
  const modelRatio = analytical
    ? ratioOf(
        [
          analytical.after.value / analytical.before.value,
          analytical.after.low / analytical.before.low,
          analytical.after.high / analytical.before.high,
        ],
        SOURCES.gpuStepTime,
      )
    : undefined;
  if (measured.before && measured.after) {
    const before = quantity(measured.before.seconds, "s", job);
    const after = quantity(measured.after.seconds, "s", job);
    return { before, after, ratio: quantity(after.value / before.value, "ratio", job) };
  }
  if (!analytical || !modelRatio)
    throw new Error("estimateGpuSpeed: no analytical step time and not both sides measured");
  const one = measured.after ?? measured.before;
  if (!one) return { before: fromModel(analytical.before), after: fromModel(analytical.after), ratio: modelRatio };
  // One side measured: the other is the measurement moved by the model's ratio.
  const calibrated = `${SOURCES.calibratedStepTime} (${o.from})`;
  const ratio = { ...modelRatio, source: calibrated };
  const known = quantity(one.seconds, "s", job);
  if (measured.after)
    return { before: combine(known, ratio, { unit: "s", source: calibrated, divide: true }), after: known, ratio };
  return { before: known, after: combine(known, ratio, { unit: "s", source: calibrated }), ratio };
}

function ratioOf(values: number[], source: string): Quantity {
  return quantity(values[0], "ratio", source, { low: Math.min(...values), high: Math.max(...values) });
}

function mapRatio(q: Quantity, f: (x: number) => number): Quantity {
  return quantity(
    f(q.value),
    "ratio",
    q.source,
    q.low !== undefined && q.high !== undefined ? { low: f(q.low), high: f(q.high) } : {},
  );
}

function scale(q: Quantity, factor: number): Quantity {
  return quantity(
    q.value * factor,
    q.unit,
    q.source,
    q.low !== undefined && q.high !== undefined ? { low: q.low * factor, high: q.high * factor } : {},
  );
}

function sideOf(
  shape: StepShape,
  seqLen: number | undefined,
  t: GpuStepTime | undefined,
  measured: boolean,
): SpeedSide {
  const examplesPerStep = shape.microBatch * shape.accumulation * shape.devices;
  return {
    ...shape,
    examplesPerStep,
    ...(seqLen ? { tokensPerStep: examplesPerStep * seqLen } : {}),
    ...(t
      ? {
          flopsPerStep: t.flops.hardware * shape.accumulation,
          bound: t.roofline.bound,
          modelFlopsUtilization: round(t.roofline.modelFlopsUtilization),
          exposedSyncSeconds: round(t.roofline.sync.exposed),
        }
      : {}),
    measured,
  };
}

function gpuOf(gpu: SpeedWorkload["gpu"], from: string, t: GpuStepTime): NonNullable<SpeedEstimate["gpu"]> {
  const u = t.utilization;
  return {
    id: gpu.id,
    from,
    precision: t.peak.precision,
    peakFlops: t.peak.flops,
    bandwidthBytesPerSecond: gpu.bandwidthBytesPerSecond,
    interconnect: {
      kind: gpu.interconnect.kind,
      bytesPerSecond: gpu.interconnect.bytesPerSecond,
      direction: gpu.interconnect.direction,
    },
    source: gpu.source,
    utilization: { value: round(u.value), low: round(u.low), high: round(u.high), basis: u.basis, source: u.source },
  };
}

/** Steps of the old run: max_steps, or epochs × steps per epoch when the dataset size is known. */
function baseSteps(speed: SpeedEstimate): number | undefined {
  const f = speed.fixedLength;
  if (!f) return undefined;
  if (f.kind === "steps") return f.value;
  const examples = speed.epochTime?.examples;
  return examples ? Math.ceil(f.value * Math.ceil(examples / speed.sides.before.examplesPerStep)) : undefined;
}

function fixedLength(o: {
  length: NonNullable<GpuSpeedInput["length"]>;
  speed: SpeedEstimate;
  notes: Note[];
  datasetExamples?: number;
}): SpeedEstimate["fixedLength"] {
  const { length, speed } = o;
  if (length.before !== length.after) return undefined;
  const { before, after } = speed.sides;
  const devices = { before: before.devices, after: after.devices };
  const hours = (t: Quantity, steps: number, n: number) => scale({ ...t, unit: "GPU-hours" }, (steps * n) / 3600);
  if (length.kind === "steps") {
    const examplesRatio = after.examplesPerStep / before.examplesPerStep;
    const gpuHours = {
      before: hours(speed.stepTime.before, length.before, devices.before),
      after: hours(speed.stepTime.after, length.before, devices.after),
    };
    const gpuHoursRatio = combine(gpuHours.after, gpuHours.before, {
      unit: "ratio",
      source: speed.stepTime.ratio.source,
      divide: true,
    });
    o.notes.push({
      id: "speed-fixed-steps",
      params: {
        key: length.key,
        steps: length.before,
        k: round(examplesRatio),
        unit: after.tokensPerStep ? "tokens" : "examples",
        ratio: round(gpuHoursRatio.value),
        before: round(gpuHours.before.value),
        after: round(gpuHours.after.value),
      },
    });
    return { kind: "steps", key: length.key, value: length.before, examplesRatio, gpuHours, gpuHoursRatio };
  }
  const deviceRatio = after.devices / before.devices;
  const gpuHoursRatio = quantity(
    speed.epochTimeRatio.value * deviceRatio,
    "ratio",
    speed.epochTimeRatio.source,
    speed.epochTimeRatio.low !== undefined
      ? { low: speed.epochTimeRatio.low * deviceRatio, high: speed.epochTimeRatio.high! * deviceRatio }
      : {},
  );
  const gpuHours = speed.epochTime
    ? {
        before: hours(speed.epochTime.before, length.before, devices.before),
        after: hours(speed.epochTime.after, length.before, devices.after),
      }
    : undefined;
  o.notes.push({
    id: "speed-fixed-epochs",
    params: { key: length.key, epochs: length.before, ratio: round(gpuHoursRatio.value) },
  });
  return {
    kind: "epochs",
    key: length.key,
    value: length.before,
    examplesRatio: 1,
    ...(gpuHours ? { gpuHours } : {}),
    gpuHoursRatio,
  };
}

function gapNote(gap: SpeedGap | undefined, gpuFrom: string): Note {
  if (!gap || gap.missing === "gpu") {
    return { id: "speed-no-gpu", params: { key: gpuFrom } };
  }
  return { id: "speed-no-model", params: { reason: gap.reason, ...(gap.model ? { model: gap.model } : {}) } };
}

function round(x: number): number {
  return Number(x.toPrecision(3));
}
