import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";
import { tokensWhenSeqLenKnown } from "./token-units.js";

/**
 * MaxText `base.yml` and its overrides: global batch = per_device_batch_size × every device ×
 * accumulation (`global_batch_size_to_train_on`). The per-device batch is a float and may be
 * below 1. Every chip counts, whatever the ici/dcn mesh, and the chips come from the TPU/GPU
 * topology, not the file (framework-batch-keys.md §16).
 */
export const maxtext: Framework = {
  id: "maxtext",
  name: "MaxText",
  recognise: (c) =>
    score(c, [
      ["^per_device_batch_size", 10],
      ["^max_target_length", 5],
      [/^(?:ici|dcn)_[a-z_]+_parallelism$/, 6],
      ["^base_output_directory", 4],
      ["^eval_per_device_batch_size", 4],
    ]),
  rules: [
    { key: "^per_device_batch_size", role: "micro_batch" },
    { key: "^max_target_length", role: "seq_len" },
    { key: /^(?:ici|dcn)_[a-z_]+_parallelism$/, role: "ignore" },
    { key: "^steps", role: "max_steps" },
    { key: "^warmup_steps_fraction", role: "warmup" },
    { key: "^opt_type", role: "optimizer" },
    ...commonRules,
  ],
  semantics: {
    unit: tokensWhenSeqLenKnown,
    devicesFrom: { id: "devices.topologySlices" },
  },
};
