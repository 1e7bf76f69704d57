import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";
import { tokensWhenSeqLenKnown } from "./token-units.js";

/**
 * torchtitan TOML: `[training] local_batch_size` per device (`batch_size` before 2025),
 * `global_batch_size` (-1, the default, = local × data-parallel degree; larger values
 * accumulate), `seq_len`. Data-parallel degree = devices ÷ (tensor × pipeline × context); a shard
 * degree of -1 takes what is left (framework-batch-keys.md §21).
 */
export const torchtitan: Framework = {
  id: "torchtitan",
  name: "torchtitan",
  // torchtitan's job configs are TOML: `training.batch_size` in YAML or Python is anyone's section.
  recognise: (c) =>
    score(c, c.format === "toml" ? [["^training.batch_size", 4]] : []) +
    score(c, [
      ["^training.local_batch_size", 10],
      ["^parallelism.data_parallel_shard_degree", 8],
      ["^job.dump_folder", 6],
      ["^training.seq_len", 4],
    ]),
  rules: [
    { key: /^training\.(?:local_batch_size|batch_size)$/, role: "micro_batch" },
    { key: "^training.global_batch_size", role: "global_batch" },
    { key: "^training.seq_len", role: "seq_len" },
    { key: "^training.steps", role: "max_steps" },
    // Before 2025 the degrees sat in [training]; data-parallel degrees multiply to what is left.
    { key: /^(?:parallelism|training)\.tensor_parallel_degree$/, role: "tensor_parallel" },
    { key: /^(?:parallelism|training)\.pipeline_parallel_degree$/, role: "pipeline_parallel" },
    { key: /^(?:parallelism|training)\.context_parallel_degree$/, role: "context_parallel" },
    // Shard × replicate is the data-parallel degree when both are written; a shard degree of -1
    // ("what is left") leaves the division by the model-parallel degrees to say it.
    { key: /^(?:parallelism|training)\.data_parallel_(?:shard|replicate)_degree$/, role: "data_parallel" },
    { key: /^(?:profiling|metrics|checkpoint)\./, role: "ignore" },
    ...commonRules,
  ],
  semantics: {
    unsetValues: { global_batch: [-1], data_parallel: [-1] },
    unit: tokensWhenSeqLenKnown,
    devicesFrom: { id: "devices.torchtitan" },
  },
};
