import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";

/**
 * `accelerate config` YAML. It holds no batch size: it supplies the device count (and sometimes
 * the accumulation) for a training config elsewhere. `num_processes` is the total over all
 * machines, so `num_machines` must not multiply it (framework-batch-keys.md §2).
 */
export const accelerate: Framework = {
  id: "accelerate",
  name: "Hugging Face accelerate config",
  recognise: (c) =>
    score(c, [
      ["^compute_environment", 10],
      ["^distributed_type", 6],
      ["^machine_rank", 4],
      ["^main_training_function", 4],
      ["^num_processes", 2],
      ["^deepspeed_config.zero_stage", 2],
    ]),
  rules: [
    { key: "^num_processes", role: "devices" },
    { key: "^num_machines", role: "ignore" },
    { key: "^deepspeed_config.gradient_accumulation_steps", role: "grad_accum" },
    { key: /^parallelism_config\.parallelism_config_tp_size$/, role: "tensor_parallel" },
    { key: /^parallelism_config\.parallelism_config_cp_size$/, role: "context_parallel" },
    { key: /^parallelism_config\.parallelism_config_sp_size$/, role: "sequence_parallel" },
    // The data-parallel degree stated outright; it can be smaller than num_processes (framework-batch-keys.md §2).
    { key: /^parallelism_config\.parallelism_config_dp_(?:shard|replicate)_size$/, role: "data_parallel" },
    ...commonRules,
  ],
  semantics: { devicesFrom: { id: "devices.from", params: { what: "accelerate launch --num_processes" } } },
};
