import { describeSource } from "../util/describe-source.js";
import type { Workload, WorkloadPrecision } from "../workload/types.js";
import type { DeviceModel } from "./analytical-memory.js";
import {
  checkpointedBytesPerExample,
  layerActivationBytes,
  logitBytesPerExample,
  loraDropoutBytesPerExample,
  type ActivationShape,
} from "./activations.js";
import {
  bitsandbytesKeepsInputs,
  quantizedInputBytesPerExample,
  retainedSteps,
  softcappedScoreBytesPerLayer,
} from "./memory-framework.js";
import { ASSUMPTIONS } from "./memory-assumptions.js";
import { quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";

/**
 * Korthikanti et al.'s count leaves out what frameworks add (Hugging Face's fp32 RMSNorm upcasts,
 * rotary tables, attention masks, temporaries of the step in flight) and counts some inputs that a
 * frozen layer does not keep: the activations' interval is 0.8× to 1.5× the count (0.6× for
 * LoRA and QLoRA, whose frozen linear layers keep no input for a weight gradient; bitsandbytes
 * before 0.43.2 did keep them for 4-bit layers, which widens the top, see `quantizedInputBytesPerExample`).
 */
export const ACTIVATION_SPREAD = { low: 0.8, lowAdapter: 0.6, high: 1.5 } as const;

/**
 * Hugging Face's causal-LM loss holds the 16-bit logits (2·s·v), their fp32 copy (4·s·v) and the
 * log-softmax it saves for backward (4·s·v) at once: up to 10·s·v, where the paper's 4·s·v is the
 * fp32 logits alone.
 */
export const LOGIT_HIGH = 10 / 4;

/**
 * Activations and logits per example on one device (Korthikanti et al. 2022, with checkpointing,
 * attention kernel, LoRA dropout, tensor/context parallel splits and the framework's own terms), or
 * nothing when the model's shape or the training length is unknown.
 */
export function addActivations(
  result: DeviceModel,
  w: Workload,
  o: { tp: number; cp: number; precision: WorkloadPrecision; framework?: string },
): void {
  const model = w.model.value!;
  const adapter = w.method.value === "lora" || w.method.value === "qlora";
  const quant = w.baseQuantization.value ?? "none";
  // A frozen 16-bit layer keeps no input for a weight gradient, and neither does a 4-bit one since bitsandbytes 0.43.2.
  const frozenKeepNoInputs = adapter;
  if (model.kind === "vision") {
    if (!model.activationBytesPerImage) return;
    // The catalogue's figure is fp32; autocast keeps most activations in 16 bits (half, up to all of it in fp32).
    const fp32 = model.activationBytesPerImage;
    const value = o.precision === "fp32" ? fp32 : fp32 / 2;
    result.activations = quantity(
      value,
      "bytes/example",
      `${SOURCES.visionActivations} (${describeSource(w.model.source)})`,
      { low: value * ACTIVATION_SPREAD.low, high: o.precision === "fp32" ? fp32 * ACTIVATION_SPREAD.high : fp32 },
    );
    return;
  }
  const { hidden, heads, layers } = model;
  if (!hidden || !heads || !layers) return;
  const seqLen = w.seqLen.value;
  if (!seqLen) {
    // The model's longest context is no stand-in for the training length: a fine-tune of a 128k-token model
    // mostly trains on a few hundred tokens. Without the length the per-example part stays unknown, and the
    // peak stays relative ("cannot check"), rather than a confident figure from the wrong length.
    result.notes.push({ id: "seq-len-unknown", params: { maxPositions: model.maxPositions ?? "?" } });
    return;
  }
  const s = seqLen / o.cp;
  const shape: ActivationShape = {
    hidden,
    heads,
    layers,
    seqLen: s,
    kvHeads: model.kvHeads,
    intermediate: model.experts?.intermediate ?? model.intermediate,
    gated: model.gated,
    activeExperts: model.experts?.active,
    bytesPerValue: o.precision === "fp32" ? 4 : 2,
    tensorParallel: o.tp,
    sequenceParallel: w.parallel.sequence.value ?? false,
  };
  const checkpointing = w.checkpointing.value ?? false;
  if (w.checkpointing.value === null) result.notes.push(ASSUMPTIONS.checkpointing);
  const lora = adapter ? w.lora.value : null;
  const dropout = lora?.dropout
    ? loraDropoutBytesPerExample({
        hidden,
        layers,
        seqLen: s,
        attentionWidth: heads * (model.headDim ?? hidden / heads),
        intermediate: model.experts?.intermediate ?? model.intermediate ?? 4 * hidden,
        activeExperts: model.experts?.active,
        modules: lora.modules,
        fusedQkv: lora.fusedQkv,
        bytesPerValue: shape.bytesPerValue,
        checkpointing,
      }) / o.tp
    : 0;
  // A soft-capped model (Gemma 2) makes LitGPT compute attention eagerly and keep its scores, whatever the kernel
  // setting; only the layer being recomputed holds them under checkpointing.
  const softcapped = softcappedScoreBytesPerLayer(o.framework, model, s) * (checkpointing ? 1 : layers);
  const count = (flash: boolean) =>
    dropout +
    (softcapped ? softcapped / o.tp : 0) +
    (checkpointing
      ? checkpointedBytesPerExample({ ...shape, flashAttention: flash || softcapped > 0 })
      : layers * layerActivationBytes({ ...shape, flashAttention: flash || softcapped > 0 }, 1));
  const attention = w.attention.value;
  if (attention === null && !softcapped) result.notes.push(ASSUMPTIONS.attention);
  const value = count(attention !== "eager");
  const withScores = count(false);
  // bitsandbytes before 0.43.2 also kept every 4-bit layer's input, for as many steps as the loop holds its graph.
  // A version the repository pins or the bot config states decides; without one the value is today's library and
  // the top of the interval the older one.
  const steps = quant === "nf4" || quant === "nf4-double" ? retainedSteps(o.framework) : 0;
  const keeps = steps ? bitsandbytesKeepsInputs(w.bitsandbytes?.value ?? null) : false;
  const what =
    (checkpointing ? SOURCES.checkpointedActivations : SOURCES.activations) +
    (softcapped
      ? ", attention soft-capping makes LitGPT keep its scores"
      : attention === "eager"
        ? ""
        : ", no stored attention scores") +
    (dropout ? `, LoRA dropout ${lora!.dropout} keeps each adapter's input` : "") +
    (keeps ? `, bitsandbytes ${w.bitsandbytes.value} keeps each 4-bit layer's input for ${steps} step(s)` : "");
  const kept = steps
    ? (steps *
        quantizedInputBytesPerExample({
          hidden,
          layers: checkpointing ? 1 : layers,
          seqLen: s,
          attentionWidth: heads * (model.headDim ?? hidden / heads),
          intermediate: model.experts?.intermediate ?? model.intermediate ?? 4 * hidden,
          activeExperts: model.experts?.active,
          quantizedHead: o.framework === "litgpt",
        })) /
      o.tp
    : 0;
  // Known old library: the kept inputs are part of the value. Known new one: they are nowhere. Unknown: the top.
  const keptInValue = keeps === true ? kept : 0;
  const keptOnTop = keeps === null ? kept : 0;
  result.activations = quantity(value + keptInValue, "bytes/example", what, {
    low: value * (frozenKeepNoInputs ? ACTIVATION_SPREAD.lowAdapter : ACTIVATION_SPREAD.low) + keptInValue,
    high: (attention === null ? withScores : value) * ACTIVATION_SPREAD.high + keptInValue + keptOnTop,
  });
  const logits = logitBytesPerExample({ seqLen: s, vocab: model.vocab }) / o.tp;
  if (logits > 0)
    result.logits = quantity(logits, "bytes/example", SOURCES.logits, { low: logits, high: logits * LOGIT_HIGH });
  result.dimensions = { hidden, layers, heads, seqLen, ...(model.vocab ? { vocab: model.vocab } : {}) };
}
