import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";
import { tokensWhenPacked } from "./token-units.js";

/**
 * torchtune recipe YAML (`_component_` objects): "Total Batch Size = batch_size * number of GPUs *
 * gradient accumulation steps" (recipe docstrings). Devices come from `tune run --nproc_per_node`,
 * which configs only mention in their header comment (framework-batch-keys.md §7).
 */
export const torchtune: Framework = {
  id: "torchtune",
  name: "torchtune",
  recognise: (c) =>
    score(c, [
      [/(?:^|\.)_component_$/, 10],
      ["^tokenizer.max_seq_len", 3],
      ["^max_steps_per_epoch", 3],
      ["^enable_activation_checkpointing", 2],
    ]) + (hasContext(c, /^tune run\b/) ? 12 : 0),
  rules: [
    // The profiler's wait/warmup/active steps schedule tracing, not the learning rate.
    { key: /^profiler\./, role: "ignore" },
    // `tune run --nnodes 1 --nproc_per_node 8 <recipe> key=value …`: the launcher's own flags.
    { key: "^nproc_per_node", role: "devices", context: /^tune run$/ },
    { key: "^nnodes", role: "nodes", context: /^tune run$/ },
    { key: "^batch_size", role: "micro_batch" },
    { key: "^tokenizer.max_seq_len", role: "seq_len" },
    { key: /^dataset\.(?:\d+\.)?packed$/, role: "batch_type" },
    ...commonRules,
  ],
  semantics: {
    unit: tokensWhenPacked,
    devicesFrom: { id: "devices.from", params: { what: "tune run --nproc_per_node" } },
  },
};
