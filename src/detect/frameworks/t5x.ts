import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";

/**
 * t5x gin configs: `BATCH_SIZE = 128` bound into `train/utils.DatasetConfig.batch_size` is the
 * global batch over all TPU/GPU cores. `trainer.Trainer.num_microbatches` splits that batch into
 * sequential micro-batches (accumulation inside it), so it changes memory, not the effective batch
 * (framework-batch-keys.md §15). `train_eval/` and `infer_eval/` scopes are evaluation.
 */
export const t5x: Framework = {
  id: "t5x",
  name: "t5x (gin)",
  // Only gin: an upper-case BATCH_SIZE in a Python script is no t5x macro.
  recognise: (c) =>
    c.format !== "gin"
      ? 0
      : score(c, [
          [/(?:^|[/.])DatasetConfig\.batch_size$/, 10],
          [/(?:^|[/.])Trainer\.num_microbatches$/, 6],
          [/^(?:MIXTURE_OR_TASK_NAME|TASK_FEATURE_LENGTHS)(?:\.|$)/, 4],
          [/(?:^|[/.])PjitPartitioner\.\w+$/, 4],
          ["^BATCH_SIZE", 2],
        ]),
  rules: [
    { key: /^(?:train_eval|infer_eval|eval|infer|validation)\/.*batch_size$/i, role: "eval_batch" },
    { key: "^BATCH_SIZE", role: "global_batch" },
    { key: /(?:^|[/.])DatasetConfig\.batch_size$/, role: "global_batch" },
    // None or 0: no micro-batching, the whole batch in one pass.
    {
      key: /(?:^|[/.])Trainer\.num_microbatches$/,
      role: "grad_accum",
      read: (v) => (v === null || v === 0 ? 1 : undefined),
    },
    { key: /^TASK_FEATURE_LENGTHS\.(?:inputs|targets)$/, role: "seq_len" },
    { key: "^TRAIN_STEPS", role: "max_steps" },
    ...commonRules,
  ],
  semantics: { devicesFrom: { id: "devices.topology" } },
};
