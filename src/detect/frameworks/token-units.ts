import type { BatchSetting, BatchUnit, Role } from "../types.js";

/**
 * Pretraining frameworks feed every example as a full sequence, so the batch that matters is in
 * tokens (framework-batch-keys.md §0.4) — but only when the file says how long a sequence is;
 * otherwise the batch stays in examples rather than becoming unknown.
 * @example tokensWhenSeqLenKnown(new Map([["seq_len", 2048]])) // "tokens"
 */
export function tokensWhenSeqLenKnown(values: Map<Role, number | null>): BatchUnit {
  return values.get("seq_len") != null ? "tokens" : "samples";
}

/**
 * Fine-tuning pads examples to different lengths, so tokens per step are only known when examples
 * are packed into full sequences (axolotl `sample_packing`, torchtune `dataset.packed`, TRL and
 * LLaMA-Factory `packing`); the packing switch is read as the `batch_type` role.
 * @example tokensWhenPacked(new Map([["seq_len", 4096]]), [{ role: "batch_type", value: true, … }]) // "tokens"
 */
export function tokensWhenPacked(values: Map<Role, number | null>, settings: BatchSetting[]): BatchUnit {
  const packed = settings.some(
    (s) =>
      s.role === "batch_type" &&
      (s.value === true || (typeof s.value === "string" && /^(?:true|tokens)$/i.test(s.value))),
  );
  return packed ? tokensWhenSeqLenKnown(values) : "samples";
}
