import type { Message } from "../util/message.js";

type None = Record<string, never>;

/**
 * Why a workload field holds what it holds when no config key set it — a framework's default, a
 * derivation, or why it is unknown — as message ids that src/report/messages words in each
 * language. Parameters are keys, names and numbers; the report escapes those that come from the PR.
 */
export interface WorkloadReasons {
  // ---- a framework's or the workload's own default
  /** "{key} defaults to {value}" — a documented default of one key. */
  "default.key": { key: string; value: string };
  /** "{key} is not set" — a switch left off. */
  "default.unset": { key: string };
  "default.precision.transformers": None;
  "default.precision.axolotl": None;
  "default.precision.nanogpt": None;
  "default.precision.torchtune": None;
  "default.precision.megatron": None;
  "default.optimizer.nanogpt": None;
  "default.optimizer.timm": None;
  "default.optimizer.detectron2": None;
  "default.checkpointing.llamaFactory": None;
  "default.checkpointing.nanogpt": None;
  "default.attention.transformers": None;
  /** "{who} calls PyTorch scaled_dot_product_attention" — torchtune, nanoGPT's model.py, LitGPT. */
  "default.attention.sdpa": { who: string };
  "default.packing": None;
  "default.fullFineTune": None;
  "default.quantization.none": None;
  "default.loraRank": { rank: number };
  "default.model.nanogpt": None;
  "default.zero.noSection": { file: string };
  "default.zero.none": None;
  "default.fsdp.none": None;
  /** No tensor, pipeline or context parallel size is set (role: "tensor_parallel" …). */
  "default.parallel.none": { role: "tensor_parallel" | "pipeline_parallel" | "context_parallel" };
  "default.sequenceParallel.none": None;
  // ---- computed from other fields
  "derived.modelParameters": None;
  "derived.lora": { rank: number; modules: string; model: string };
  "derived.frozenLayers": { trainable: number; layers: number; key: string };
  "derived.frozenLayersDefault": { trainable: number; layers: number };
  "derived.devicesFrom": { file: string };
  "derived.devicesEffective": None;
  // ---- unknown
  "unknown.noGpu": None;
  "unknown.gpuNotInCatalogue": { name: string };
  "unknown.modelUnknown": None;
  "unknown.loraUnsized": None;
  "unknown.layersUnknown": None;
  "unknown.noLora": None;
  "unknown.modelNotInCatalogue": { name: string };
  "unknown.fileNotFound": { file: string };
  "unknown.fileNotParsed": { file: string };
  "unknown.devices": None;
  "unknown.noPrecision": None;
  "unknown.optimizerUnknown": { name: string };
  "unknown.noOptimizer": None;
  "unknown.noSeqLen": None;
  "unknown.checkpointing": None;
  "unknown.attention": None;
  "unknown.noModel": None;
  // ---- what to add so an unknown field becomes known
  "hint.addModel": None;
  "hint.setGpu": None;
}

/** One workload reason: `{ id, params }`. */
export type WorkloadReason = Message<WorkloadReasons>;
