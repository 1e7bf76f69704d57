/**
 * English words for the estimate stage's Notes and Risks, by id: the only English copy (the
 * stages emit ids and numbers). A template fills `{name}` from the Note's params; a function
 * words a Note whose sentence depends on a parameter. zh-TW-notes.ts has the same ids (a test checks).
 */
import type { MessageId } from "./en.js";
import type { NoteMessage } from "./note-message.js";
import type { Params, Translator } from "./translate.js";

export const enNotes: Record<string, NoteMessage> = {
  "budget-ok": "Predicted peak {predicted} at {batch} per device fits the memory budget {budget} ({key}).",
  "budget-near":
    "Predicted peak {predicted} at {batch} per device is within {margin}% of the memory budget {budget} ({key}).",
  "budget-may-exceed":
    "Predicted peak {predicted} at {batch} per device is within the memory " +
    "budget {budget} ({key}), but the top of its interval ({high}) is not.",
  "budget-over": "Predicted peak {predicted} at {batch} per device is over the memory budget {budget} ({key}).",
  "budget-unknown":
    "Cannot check the memory budget {budget} ({key}): it needs a peak in bytes " +
    "(a model the catalogue knows, model size hints or memory.calibration).",
  "budget-unknown-relative": "Cannot check the memory budget {budget} ({key}): it needs the peak at both batch sizes.",
  "convergence-position-perfect":
    "B_crit ≈ {bCrit} {unit}; the batch goes from {before}× to {after}× B_crit: " +
    "near-perfect scaling, doubling the batch nearly halves the steps.",
  "convergence-position-diminishing":
    "B_crit ≈ {bCrit} {unit}; the batch goes from {before}× to {after}× B_crit: " +
    "diminishing returns begin, steps fall less than the batch grows.",
  "convergence-position-past":
    "B_crit ≈ {bCrit} {unit}; the batch goes from {before}× to {after}× B_crit: " +
    "past the critical batch, more examples buy few fewer steps.",
  "noise-unresolved":
    "The proxy's gradients were all noise at loss {loss}, so no critical batch " +
    "could be measured; steps and epochs to the same loss are not predicted.",
  "ratio-from-setting":
    "The effective batch is not fully known; its ratio is taken from {key} " +
    "({before} → {after}), assuming the other parts stay.",
  "seq-len-unknown":
    "Sequence length not set, so the activations per example cannot be sized (the model takes up to {maxPositions} " +
    "tokens, rarely what a fine-tune trains on): set the config's sequence length or model.seqLen in the bot config.",
  "seq-len-assumed": "Sequence length not set: assumed the model's maximum, {seqLen} tokens.",
  "devices-assumed": "Device count unknown: memory is per device and ZeRO sharding assumes 1 device.",
  "lr-k-unknown": "The effective batch ratio is unknown, so no learning-rate rule can be applied.",
  "lr-not-needed": (p, t) =>
    `The effective batch does not change` +
    `${p.mechanism ? ` (${t.t(`scaling.${p.mechanism}` as MessageId, p)})` : ""}; the learning rate can stay.`,
  "lr-framework-scales": (p, t) => `No change needed: ${t.t(`scaling.${p.mechanism}` as MessageId, p)}.`,
  "lr-optimizer-unknown":
    "Optimizer unknown: multiply the learning rate by {linear} for SGD (linear " +
    "rule) or by {sqrt} for Adam-family optimizers (square-root rule).",
  "lr-past-critical":
    "Past the critical batch the best learning rate stops growing (McCandlish et " +
    "al. 2018, eq. 2.6): treat the rule as an upper bound.",
  "lr-value-unknown": (p, t) =>
    `Multiply the learning rate by ${p.factor} (${ruleName(p, t)}); its value could not be read.`,
  "lr-unchanged": (p, t) =>
    `The batch changes ×${p.k} but the learning rate does not: ` +
    `with ${p.optimizer} the ${ruleName(p, t)} suggests ×${p.factor}, i.e. ${p.suggested}.`,
  "lr-matches": (p, t) => `The learning rate changes ×${p.changed}, in line with the ${ruleName(p, t)} (×${p.factor}).`,
  "lr-differs": (p, t) =>
    `The learning rate changes ×${p.changed}, but the ${ruleName(p, t)} suggests ×${p.factor} (${p.suggested}).`,
  "lr-capped":
    "Past the critical batch (≈ {bCrit}) the best learning rate stops growing " +
    "(McCandlish et al. 2018, eq. 2.6): ×{factor} instead of the uncapped ×{uncapped}.",
  "memory-activations-only":
    "Without the model's size only bounds are known: peak memory per device " +
    "grows between ×1 (if weights and optimizer states dominate) and ×{k} (if " +
    "activations do); give model size hints or memory.calibration for bytes on your devices.",
  "memory-proxy-only":
    "Only the proxy's memory growth is known; give model size hints or memory.calibration for bytes on your devices.",
  "memory-micro-unchanged": "The per-device batch stays {micro}: activation memory per device does not change.",
  "memory-model-unknown":
    "Peak memory in bytes is not known: the model is not in the bundled " +
    "catalogue or not named. Add a model: block to .github/batch-advisor.yml " +
    "(parameters, hidden, layers, heads, vocab) or a catalogue entry. Closest " +
    "catalogue names: {closest}.",
  "memory-model-unnamed":
    "Peak memory in bytes is not known: the model's size could not be read. Add " +
    "a model: block to .github/batch-advisor.yml (parameters, hidden, layers, heads, vocab).",
  "memory-max-batch": "Fits up to {max} per device on {budget} (the PR sets {micro}).",
  "memory-max-batch-split":
    "Fits up to {max} per device on {budget}: use {micro} per device × " +
    "accumulation {accumulation} to keep the effective batch.",
  "memory-max-batch-none":
    "Not even one example per device fits {budget}: shard the model states " +
    "(ZeRO/FSDP), checkpoint activations, or train fewer parameters.",
  "memory-assumed-precision":
    "The precision is not known from the config: counted as mixed precision (16 " +
    "bytes per trained parameter with Adam).",
  "memory-assumed-optimizer":
    "The optimizer is not known from the config: counted as AdamW, the most common and among the largest.",
  "memory-assumed-devices": "The device count is not known: counted as 1 device, so nothing is sharded.",
  "memory-assumed-checkpointing":
    "The config does not say whether activations are checkpointed: counted without checkpointing (the larger count).",
  "memory-assumed-attention":
    "The config does not say which attention kernel runs: counted as one that " +
    "does not store the attention scores (SDPA/FlashAttention); the top of the " +
    "interval stores them.",
  "workload-unknown-model":
    "The model {model} ({key}, line {line}) is not in the bundled catalogue; " +
    "closest: {closest}. If it is one of those (a local checkpoint or a copy), name it as model.name in " +
    ".github/batch-advisor.yml; otherwise, to size its memory, add a model: block there or a catalogue entry.",
  "workload-unknown-model-name":
    "model.name {model} in .github/batch-advisor.yml is not in the bundled catalogue; closest: {closest}.",
  "workload-config-json-missing": "{path} (named by {key}) was not found, so the model's shape is not known from it.",
  "workload-config-json-invalid": (p) =>
    `${p.path} (named by ${p.key}) cannot be read as a model config: ` +
    (p.problem === "json"
      ? `it is not valid JSON (${p.error}).`
      : "it has no hidden size, layer count and head count."),
  "workload-lora-target-unknown":
    "The LoRA target {target} ({key}, line {line}) names no module of {model}; " +
    "it is left out of the trainable parameters.",
  "workload-deepspeed-missing": "{path} ({key}, line {line}) was not found, so the ZeRO stage is not known.",
  "workload-deepspeed-invalid": (p) =>
    `${p.path} (${p.key}, line ${p.line}) ` +
    (p.error ? `does not parse (${p.errorLine ? `line ${p.errorLine}: ` : ""}${p.error})` : "holds no settings") +
    "; the ZeRO stage is not known.",
  "past-critical-batch":
    "The new batch is {times}× the critical batch: diminishing returns — " +
    "×{examples} the examples for {steps}× fewer steps.",
  "generalisation-gap":
    "Very large batches were seen to generalise worse (Keskar et al. 2017: 2–5 " +
    "points on CIFAR and TIMIT); later work traces much of the gap to an untuned " +
    "learning rate and too few updates (Hoffer et al. 2017, Goyal et al. 2017), " +
    "so compare validation metrics, not only training loss.",
  "very-small-batch":
    "A per-device batch of {micro} gives noisy updates and can leave the " +
    "accelerator idle; small batches can still train well (Masters & Luschi 2018 " +
    "found 2–32 best) with a smaller learning rate.",
  "batchnorm-statistics": (p) =>
    `The model uses BatchNorm, whose statistics come from each device's batch (${p.before} → ${p.after}), ` +
    `not the effective batch${
      Number(p.small)
        ? `; below ${p.threshold} per device they get noisy and accuracy drops (Wu & He 2018): ` +
          "consider SyncBatchNorm or GroupNorm"
        : ""
    }.`,
  "over-budget": "Predicted peak {predicted} is over or close to the memory budget {budget}.",
  "unknown-batch-parts": "Part of the effective batch is unknown: ratios assume the unknown parts stay the same.",
  "proxy-missing":
    "No proxy run: speed and convergence are not predicted; memory comes from " +
    "the workload the config describes (model, method, GPU), the model hints and " +
    "the calibration point, without the proxy's fit.",
  "proxy-partial": "The proxy run stopped early: its measurements are partial (why: see How this was measured).",
  "noise-scale-early":
    "The noise scale was taken at loss {atLoss} (from {initialLoss} at the " +
    "start): early in training it can be an order of magnitude too small, which " +
    "makes the critical batch look small.",
  "speed-negative-slope":
    "The proxy's step time falls as the batch grows (fit slope {slope} ms per " +
    "example), which no real run does: speed is not measurable from these " +
    "timings, so step time, time per epoch and wall time are not predicted.",
  "speed-nonpositive-time":
    "Extrapolating the proxy's step times to batch {batch} gives {ms} ms, which " +
    "is not a time: speed is not measurable from these timings, so step time, " +
    "time per epoch and wall time are not predicted.",
  "speed-extreme-ratio":
    "The proxy's timings give a time ratio of {ratio}, beyond 1000× either way, " +
    "which a batch change cannot cause: speed is not measurable from these " +
    "timings, so step time, time per epoch and wall time are not predicted.",
  "speed-measured-on-job":
    "Step time at {batch} per device × accumulation {accumulation} measured on your job ({from}); used as is.",
  "speed-measured-scaled":
    "Step time at {batch} per device measured on your job ({from}) at " +
    "accumulation {measuredAccumulation}, scaled to accumulation {accumulation}.",
  "speed-measured-other-gpu":
    "The measurements were taken on {measuredOn}, but the config names {gpu}: " +
    "the measured step times are for {measuredOn}.",
  "speed-utilization-assumed":
    "No published training utilization for {gpu}: the {anchoredOn}'s curve is " +
    "assumed, so its step times are less certain.",
  "speed-fixed-steps":
    "{key} stays {steps}: the new batch processes ×{k} the {unit} in ×{ratio} the GPU-hours ({before} → {after}).",
  "speed-fixed-epochs": "{key} stays {epochs}: the same examples in ×{ratio} the GPU-hours.",
  "speed-no-gpu":
    "Step time and time per epoch need the GPU: set {key} (for example " +
    "A100-80GB), or give a measurements file from your job.",
  "speed-no-model": (p) =>
    "Step time on the GPU is not " +
    `predicted: ${
      SPEED_GAP_EN[String(p.reason)]?.replace("{model}", String(p.model ?? "?")) ??
      "the model's FLOPs per step are not known"
    }.`,
  "speed-batch-unknown": "The per-device batch is not known on both sides, so step time on the GPU is not predicted.",
  "speed-not-transferable":
    "Timed on the {backend} backend, which barely speeds up with batch size; a GPU's speed-up will differ.",
  "speed-proxy-backend":
    "Timed on the {backend} backend, which barely speeds up with batch size; a " +
    "GPU's speed-up will differ, so do not read these ratios as GPU ratios.",
  "schedule-k-unknown": "The effective batch ratio is unknown; check step-counted settings by hand.",
  "schedule-epochs":
    "Training length is counted in epochs (or not set here): the examples seen stay the same, no step count to change.",
  "schedule-same-batch": "The effective batch does not change: the schedule stays as it is.",
  "schedule-scale":
    "Counted in steps: at ×{k} the batch, the same steps see ×{k} the examples. " +
    "To keep the examples (epochs) the same: {list}. Decay milestones counted in " +
    "steps scale the same way.",
  "schedule-scale-both":
    "Counted in steps (max_steps, when set, usually overrides the epoch count): " +
    "at ×{k} the batch, the same steps see ×{k} the examples. To keep the " +
    "examples (epochs) the same: {list}. Decay milestones counted in steps scale the same way.",
  "schedule-unscaled": "The batch changes but the step-counted schedule does not: {list}.",
  "convergence-stand-in":
    "On a stand-in task ({task}), B_crit ≈ {bCrit} examples; your task's may " +
    "differ by {spread}× either way, so where your batch sits against it is not known.",
  "convergence-lower-bound":
    "B_crit ≥ {bCrit} {unit}: the batch stays well below it, so steps scale almost perfectly with the batch.",
  "convergence-fine-tuning":
    "Fine-tuning is its own regime: no published law gives its critical batch; a " +
    "measurement from your own job would (docs/measurements.md).",
};

/** Why no step time: the model's FLOPs per step could not be worked out (SpeedGap.reason). */
const SPEED_GAP_EN: Record<string, string> = {
  "model-unknown": "the model is not known, so its FLOPs per step are not either",
  "no-vision-flops": "{model} has no published FLOPs per image in the catalogue",
  "shape-incomplete": "{model}: layers, width or sequence length unknown",
};

/** "square-root rule (Malladi et al. 2022)", "… capped at the critical batch". */
function ruleName(p: Params, t: Translator): string {
  return t.t(p.capped === "yes" ? "lr.ruleCited.capped" : "lr.ruleCited", {
    rule: t.t(`lr.ruleCited.${p.rule}` as MessageId),
  });
}
