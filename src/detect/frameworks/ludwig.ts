import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";

/**
 * Ludwig YAML: `trainer.batch_size` per worker (default `auto`, tuned to memory),
 * `trainer.effective_batch_size` = batch × accumulation × workers (default `auto`), workers from
 * the Ray backend. `learning_rate_scaling` (default linear) scales the rate with the workers
 * (framework-batch-keys.md §19).
 */
export const ludwig: Framework = {
  id: "ludwig",
  name: "Ludwig",
  recognise: (c) =>
    score(c, [
      [/^input_features\./, 10],
      [/^output_features\./, 10],
      ["^combiner.type", 3],
      ["^backend.type", 3],
      ["^model_type", 2],
      ["^trainer.batch_size", 2],
    ]),
  rules: [
    { key: "^trainer.batch_size", role: "micro_batch" },
    { key: "^trainer.effective_batch_size", role: "global_batch" },
    { key: "^trainer.max_batch_size", role: "ignore" },
    { key: "^trainer.learning_rate_scaling", role: "lr_scaling" },
    { key: "^trainer.train_steps", role: "max_steps" },
    { key: /^trainer\.learning_rate_scheduler\.warmup_(?:fraction|evaluations)$/, role: "warmup" },
    { key: "^backend.trainer.num_workers", role: "devices" },
    { key: "^preprocessing.global_max_sequence_length", role: "seq_len" },
    ...commonRules,
  ],
  semantics: {
    devicesFrom: { id: "devices.ludwig" },
    autoMeans: { id: "auto.ludwig" },
  },
};
