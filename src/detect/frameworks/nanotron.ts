import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";
import { tokensWhenSeqLenKnown } from "./token-units.js";

/**
 * nanotron YAML: `tokens.micro_batch_size` per data-parallel replica ×
 * `tokens.batch_accumulation_per_replica` × `parallelism.dp`, in sequences of
 * `tokens.sequence_length`. The data-parallel degree is stated (`dp`); `tp` and `pp` divide the
 * devices beside it (world = dp × tp × pp).
 */
export const nanotron: Framework = {
  id: "nanotron",
  name: "nanotron",
  recognise: (c) =>
    score(c, [
      ["^tokens.batch_accumulation_per_replica", 10],
      ["^parallelism.dp", 4],
      ["^parallelism.pp_engine", 6],
      ["^parallelism.tp_mode", 6],
      ["^tokens.micro_batch_size", 4],
    ]),
  rules: [
    { key: "^tokens.micro_batch_size", role: "micro_batch" },
    { key: "^tokens.batch_accumulation_per_replica", role: "grad_accum" },
    { key: "^tokens.sequence_length", role: "seq_len" },
    { key: "^tokens.train_steps", role: "max_steps" },
    { key: "^parallelism.dp", role: "data_parallel" },
    { key: "^parallelism.tp", role: "tensor_parallel" },
    { key: "^parallelism.pp", role: "pipeline_parallel" },
    { key: /^tokens\.limit_/, role: "ignore" },
    { key: "^optimizer.learning_rate_scheduler.learning_rate", role: "learning_rate" },
    { key: "^optimizer.optimizer_factory.name", role: "optimizer" },
    { key: "^optimizer.learning_rate_scheduler.lr_warmup_steps", role: "warmup" },
    ...commonRules,
  ],
  semantics: {
    unit: tokensWhenSeqLenKnown,
    devicesFrom: { id: "devices.from", params: { what: "parallelism.dp × tp × pp" } },
  },
};
