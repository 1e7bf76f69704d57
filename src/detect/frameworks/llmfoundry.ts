import type { DetectionReason } from "../reason.js";
import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";
import { tokensWhenSeqLenKnown } from "./token-units.js";
import type { Scalar } from "../types.js";

/**
 * MosaicML llm-foundry / Composer YAML: `global_train_batch_size` is the batch over all devices;
 * `device_train_microbatch_size` (an int or "auto") only splits each device's share, so it sets
 * the accumulation and never the effective batch (framework-batch-keys.md §0.2, §21).
 */
export const llmfoundry: Framework = {
  id: "llmfoundry",
  name: "llm-foundry",
  recognise: (c) =>
    score(c, [
      ["^global_train_batch_size", 10],
      ["^device_train_microbatch_size", 10],
      ["^max_duration", 3],
      ["^device_eval_batch_size", 3],
      ["^train_loader.name", 3],
    ]),
  rules: [
    { key: /^(?:eval_loader|icl_tasks|eval_gauntlet|callbacks)\./, role: "ignore" },
    { key: "^global_train_batch_size", role: "global_batch" },
    { key: "^device_train_microbatch_size", role: "micro_batch" },
    // The sequence length is set once (top level or `variables:`) and interpolated elsewhere.
    { key: /^(?:variables\.)?max_seq_len$/, role: "seq_len" },
    { key: /(?:^|\.)max_seq_len$/, role: "ignore" },
    { key: "^scheduler.t_warmup", role: "warmup", read: batches },
    { key: "^max_duration", role: "max_steps", read: batches },
    ...commonRules,
  ],
  semantics: {
    unit: tokensWhenSeqLenKnown,
    devicesFrom: { id: "devices.composer" },
    autoMeans: { id: "auto.composer" },
  },
};

/** Composer time strings: `4800ba` is 4800 steps; epochs, tokens and fractions are not steps. */
function batches(value: Scalar): number | { unknown: DetectionReason } | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^\s*(\d+)\s*ba\s*$/.exec(value);
  if (m) return Number(m[1]);
  return /^\s*[\d.]+\s*(?:ep|tok|sp|dur)\s*$/.test(value)
    ? { unknown: { id: "value.notInSteps", params: { value } } }
    : undefined;
}
