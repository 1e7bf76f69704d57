import { commonRules } from "./common-rules.js";
import type { Framework } from "./framework.js";

/** Any config with a plain `batch_size`: per device unless a framework says otherwise. */
export const generic: Framework = {
  id: "generic",
  name: "Generic",
  recognise: () => 0.01,
  rules: [
    { key: /(?:^|\.)(?:batch_size|batch-size|train_batch_size|micro_batch_size|per_device_batch_size|bs|b)$/, role: "micro_batch" },
    { key: /(?:^|\.)(?:global_batch_size|global-batch-size|total_batch_size|effective_batch_size)$/, role: "global_batch" },
    { key: /(?:^|\.)(?:num_gpus|n_gpus|gpus|devices|num_devices|world_size|nproc_per_node|nproc-per-node|num_processes)$/, role: "devices" },
    { key: /(?:^|\.)(?:num_nodes|nnodes|num_machines)$/, role: "nodes" },
    { key: /(?:^|\.)(?:seq_len|seq_length|max_seq_len|max_seq_length|block_size|sequence_length|context_length)$/, role: "seq_len" },
    ...commonRules,
  ],
};
