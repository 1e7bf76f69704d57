import { describeSource } from "../util/describe-source.js";
import type { OptimizerKind, Workload, WorkloadPrecision } from "../workload/types.js";
import {
  separateHeadParameters,
  stableEmbeddingGradientBytes,
  unquantizedParameters,
  workloadFramework,
} from "./memory-framework.js";
import { deepSpeedEstimate, frozenBytes, trainedBytes, type StateBytes } from "./model-states.js";
import { addActivations } from "./activations-per-example.js";
import { assumed } from "./memory-assumptions.js";
import { quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { AnalyticalMemory, MemoryParts, Note, OptimizerFamily, Quantity } from "./types.js";

const GiB = 2 ** 30;

/**
 * CUDA context and library workspaces (cuBLAS, NCCL): device memory outside PyTorch's tensors.
 * PyTorch's forum measures the context alone at 723 MiB after the first CUDA call and "~700+ MB
 * depending on the CUDA version and device" (discuss.pytorch.org threads 73021 and 81330):
 * 0.75 GiB, between 0.5 and 1 GiB.
 */
export const CUDA_CONTEXT = { value: 0.75 * GiB, low: 0.5 * GiB, high: 1 * GiB } as const;

/** One side's memory model: fixed bytes per device and bytes per example, each part with its interval. */
export interface DeviceModel {
  parameters: number;
  trainable: number;
  bytes: StateBytes;
  frozen?: number;
  precision: WorkloadPrecision;
  optimizer: OptimizerKind;
  zeroStage: 0 | 1 | 2 | 3;
  devices: number;
  shardedOver: number;
  weights: Quantity;
  gradients: Quantity;
  optimizerStates: Quantity;
  reserve: Quantity;
  /** Per example; absent when the sequence length or shape is unknown. */
  activations?: Quantity;
  logits?: Quantity;
  dimensions?: AnalyticalMemory["dimensions"];
  notes: Note[];
}

/**
 * The memory model of one side's workload: model states by method, precision and optimizer, split
 * by tensor/pipeline parallelism and sharded by ZeRO/FSDP over the data-parallel ranks, the CUDA
 * context, and per-example activations and logits. Undefined when the model is unknown.
 * @example deviceModel(workload)?.weights.value // 2.47e9 for Llama-3.2-1B in mixed precision
 */
export function deviceModel(w: Workload): DeviceModel | undefined {
  const model = w.model.value;
  const counted = w.parameters.value ?? model?.parameters;
  if (!model || !counted) return undefined;
  const notes: Note[] = [];
  const framework = workloadFramework(w);
  // A framework that unties a tied checkpoint's output head holds it as parameters of its own.
  const separateHead = separateHeadParameters(framework, model);
  const parameters = counted + separateHead;
  const precision = w.precision.value ?? assumed(notes, "precision", "mixed");
  const optimizer = w.optimizer.value ?? assumed(notes, "optimizer", "adamw");
  const listed = w.trainableParameters.value ?? (w.method.value === "full" ? counted : undefined);
  if (listed === undefined) return undefined;
  const trainable = listed === counted ? parameters : listed;
  const frozenCount = Math.max(0, parameters - trainable);
  const bytes = trainedBytes(optimizer, precision);
  const quant = w.baseQuantization.value ?? "none";
  const frozenWidth = frozenBytes(quant, precision);
  // What stays 16-bit in a 4-bit or 8-bit base: the embedding, and the output head unless the framework quantizes it.
  const unquantized =
    quant === "none" ? 0 : Math.min(frozenCount, unquantizedParameters(framework, model, separateHead));
  const frozenWeightBytes = (frozenCount - unquantized) * frozenWidth + unquantized * 2;
  const strayGradient = stableEmbeddingGradientBytes(framework, quant, model);

  const tp = w.parallel.tensor.value ?? 1;
  const pp = w.parallel.pipeline.value ?? 1;
  const cp = w.parallel.context.value ?? 1;
  const devices = w.devices.value ?? assumed(notes, "devices", 1);
  const dp = Math.max(1, Math.floor(devices / (tp * pp * cp)));
  const fsdp = w.fsdp.value ?? "no-shard";
  const fsdpStage = fsdp === "full" || fsdp === "hybrid" ? 3 : fsdp === "shard-grad-op" ? 2 : 0;
  const zero = w.zero.value;
  const stage = Math.max(zero?.stage ?? 0, fsdpStage) as 0 | 1 | 2 | 3;
  // HYBRID_SHARD shards within a node and replicates across nodes; a node is taken as 8 GPUs.
  const shardedOver = stage === 0 ? 1 : fsdp === "hybrid" && fsdpStage >= (zero?.stage ?? 0) ? Math.min(dp, 8) : dp;
  const split = tp * pp;
  const shard = (bytesTotal: number, from: 1 | 2 | 3) => bytesTotal / split / (stage >= from ? shardedOver : 1);

  const statesSource = `${SOURCES.modelStates}; parameters: ${describeSource(w.parameters.source)}`;
  const weightsValue =
    zero?.offloadParameters && stage === 3 ? 0 : shard(trainable * bytes.weights + frozenWeightBytes, 3);
  const gradientsValue = shard(trainable * bytes.gradients, 2) + strayGradient / split;
  const optimizerValue = zero?.offloadOptimizer ? 0 : shard(trainable * bytes.optimizer, 1);
  // DeepSpeed's own estimator keeps a full 16-bit gradient buffer beside the partitions: the top of the gradients'
  // interval.
  const dsExtra = deepSpeedExtra({
    stage,
    precision,
    optimizer,
    trainable,
    shardedOver,
    largestLayer: model.hidden ? Math.max((model.vocab ?? 0) * model.hidden, 12 * model.hidden ** 2) : undefined,
    split,
  });
  const states = (value: number, high = value) => quantity(value, "bytes", statesSource, { low: value, high });

  const result: DeviceModel = {
    parameters,
    trainable,
    bytes,
    ...(frozenCount > 0 ? { frozen: frozenWidth } : {}),
    precision,
    optimizer,
    zeroStage: stage,
    devices,
    shardedOver,
    weights: states(weightsValue),
    gradients: states(gradientsValue, gradientsValue + dsExtra),
    optimizerStates: states(optimizerValue),
    reserve: quantity(CUDA_CONTEXT.value, "bytes", SOURCES.cudaContext, {
      low: CUDA_CONTEXT.low,
      high: CUDA_CONTEXT.high,
    }),
    notes,
  };
  addActivations(result, w, { tp, cp, precision, framework });
  return result;
}

/** Extra bytes DeepSpeed's estimator counts over the paper for mixed-precision Adam at ZeRO-2/3. */
function deepSpeedExtra(o: {
  stage: number;
  precision: WorkloadPrecision;
  optimizer: OptimizerKind;
  trainable: number;
  shardedOver: number;
  largestLayer?: number;
  split: number;
}): number {
  if (o.stage < 2 || o.precision !== "mixed" || (o.optimizer !== "adamw" && o.optimizer !== "paged-adamw-32bit"))
    return 0;
  const paper = (2 * o.trainable) / (o.stage >= 3 ? o.shardedOver : 1) + (14 * o.trainable) / o.shardedOver;
  const ds = deepSpeedEstimate({
    parameters: o.trainable,
    stage: o.stage as 2 | 3,
    devices: o.shardedOver,
    largestLayer: o.largestLayer,
  });
  return ds !== undefined && ds > paper ? (ds - paper) / o.split : 0;
}

/**
 * The parts of the peak per device at a per-device batch: model states and the context are fixed,
 * activations and logits grow with the batch.
 * @example partsAt(model, 8).activations.value // 8 × activations per example
 */
export function partsAt(m: DeviceModel, micro: number): MemoryParts | undefined {
  if (!m.activations) return undefined;
  const times = (q: Quantity) =>
    quantity(q.value * micro, "bytes", q.source, {
      low: (q.low ?? q.value) * micro,
      high: (q.high ?? q.value) * micro,
    });
  const zero = quantity(0, "bytes", SOURCES.logits, { low: 0, high: 0 });
  return {
    weights: m.weights,
    gradients: m.gradients,
    optimizer: m.optimizerStates,
    activations: times(m.activations),
    logits: m.logits ? times(m.logits) : zero,
    reserve: m.reserve,
  };
}

/** The sum of the parts, lows with lows and highs with highs. */
export function sumParts(parts: MemoryParts, source: string): Quantity {
  const list = Object.values(parts) as Quantity[];
  const sum = (f: (q: Quantity) => number) => list.reduce((t, q) => t + f(q), 0);
  return quantity(
    sum((q) => q.value),
    "bytes",
    source,
    { low: sum((q) => q.low ?? q.value), high: sum((q) => q.high ?? q.value) },
  );
}

/** M₀ (states + context) and m (activations + logits per example) of M(B) = M₀ + m·B. */
export function memoryLine(m: DeviceModel): { fixed: Quantity; perExample?: Quantity } {
  const fixedParts = [m.weights, m.gradients, m.optimizerStates, m.reserve];
  const sum = (qs: Quantity[], f: (q: Quantity) => number) => qs.reduce((t, q) => t + f(q), 0);
  const fixed = quantity(
    sum(fixedParts, (q) => q.value),
    "bytes",
    SOURCES.memoryModel,
    { low: sum(fixedParts, (q) => q.low ?? q.value), high: sum(fixedParts, (q) => q.high ?? q.value) },
  );
  if (!m.activations) return { fixed };
  const per = [m.activations, ...(m.logits ? [m.logits] : [])];
  return {
    fixed,
    perExample: quantity(
      sum(per, (q) => q.value),
      "bytes/example",
      SOURCES.memoryModel,
      { low: sum(per, (q) => q.low ?? q.value), high: sum(per, (q) => q.high ?? q.value) },
    ),
  };
}

/**
 * The analytical peak per device at the old and new batch: the base side's workload at the old
 * per-device batch, the head side's at the new one, with their parts.
 * @example analyticalMemory({ before: baseWorkload, after: headWorkload, microBatch: { before: 8, after: 32 }
 * })?.model.after?.value
 */
export function analyticalMemory(input: {
  before?: Workload;
  after: Workload;
  microBatch: { before: number | null; after: number | null };
}):
  | {
      model: AnalyticalMemory;
      parts: { before?: MemoryParts; after?: MemoryParts };
      notes: Note[];
      line: ReturnType<typeof memoryLine>;
    }
  | undefined {
  const after = deviceModel(input.after);
  if (!after) return undefined;
  const before = (input.before && deviceModel(input.before)) ?? after;
  const { microBatch } = input;
  const partsBefore = microBatch.before !== null ? partsAt(before, microBatch.before) : undefined;
  const partsAfter = microBatch.after !== null ? partsAt(after, microBatch.after) : undefined;
  const line = memoryLine(after);
  const model: AnalyticalMemory = {
    parameters: after.parameters,
    trainableParameters: after.trainable,
    method: input.after.method.value ?? "full",
    precision: after.precision,
    optimizer: family(after.optimizer),
    optimizerKind: after.optimizer,
    bytesPerParameter: after.bytes.weights + after.bytes.gradients + after.bytes.optimizer,
    bytesPerParameterWhy: after.bytes.why,
    ...(after.frozen !== undefined ? { frozenBytesPerParameter: after.frozen } : {}),
    zeroStage: after.zeroStage,
    devices: after.devices,
    shardedOver: after.shardedOver,
    weights: after.weights,
    gradients: after.gradients,
    optimizerStates: after.optimizerStates,
    modelStates: sumStates(after),
    fixedBytes: line.fixed,
    ...(line.perExample ? { activationsPerExample: line.perExample } : {}),
    ...(after.dimensions ? { dimensions: after.dimensions } : {}),
    microBatch,
    ...(partsBefore ? { before: sumParts(partsBefore, SOURCES.memoryModel) } : {}),
    ...(partsAfter ? { after: sumParts(partsAfter, SOURCES.memoryModel) } : {}),
  };
  const notes = [...after.notes, ...before.notes.filter((n) => !after.notes.some((a) => a.id === n.id))];
  return {
    model,
    parts: { ...(partsBefore ? { before: partsBefore } : {}), ...(partsAfter ? { after: partsAfter } : {}) },
    notes,
    line,
  };
}

function sumStates(m: DeviceModel): Quantity {
  const qs = [m.weights, m.gradients, m.optimizerStates];
  const sum = (f: (q: Quantity) => number) => qs.reduce((t, q) => t + f(q), 0);
  return quantity(
    sum((q) => q.value),
    "bytes",
    m.weights.source,
    { low: sum((q) => q.low ?? q.value), high: sum((q) => q.high ?? q.value) },
  );
}

function family(kind: OptimizerKind): OptimizerFamily {
  return kind === "sgd" ? "sgd" : kind === "sgd-momentum" ? "sgd-momentum" : "adam";
}
