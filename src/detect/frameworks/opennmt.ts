import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";

/**
 * OpenNMT-py YAML: `batch_size` per GPU, counted in sentences or, with `batch_type: tokens`, in
 * tokens; effective = batch_size × accum_count × world_size (framework-batch-keys.md §20).
 * `world_size` (default 1) is the number of processes; `gpu_ranks` only says which GPUs this node
 * uses — onmt/bin/train.py starts one process per rank when world_size > 1 and a single process
 * otherwise, so the rank count is never the device count by itself. With `decay_method: noam` the
 * learning rate is a multiplier, recorded as the LR scaling.
 */
export const opennmt: Framework = {
  id: "opennmt",
  name: "OpenNMT-py",
  recognise: (c) =>
    score(c, [
      [/^accum_count(?:\.\d+)?$/, 8],
      [/^data\.[^.]+\.path_src$/, 8],
      ["^batch_type", 6],
      [/^gpu_ranks\.\d+$/, 6],
      ["^src_vocab", 6],
      ["^save_model", 4],
      ["^decay_method", 3],
    ]),
  rules: [
    { key: "^batch_size", role: "micro_batch" },
    { key: "^batch_type", role: "batch_type" },
    // accum_count: [4, 8] with accum_steps: [0, 10000] schedules it; training starts with the first.
    { key: /^accum_count(?:\.0)?$/, role: "grad_accum" },
    { key: /^(?:accum_count\.\d+|accum_steps(?:\.\d+)?)$/, role: "ignore" },
    { key: "^world_size", role: "devices" },
    { key: /^gpu_ranks(?:\.\d+)?$/, role: "ignore" },
    { key: "^train_steps", role: "max_steps" },
    { key: "^decay_method", role: "lr_scaling" },
    { key: /^(?:max_generator_batches|bucket_size|queue_size)$/, role: "ignore" },
    ...commonRules,
  ],
  semantics: {
    batchUnit: (settings) => (settings.find((s) => s.role === "batch_type")?.value === "tokens" ? "tokens" : "samples"),
    defaults: { devices: 1, grad_accum: 1 },
    defaultsFrom: "OpenNMT-py",
    devicesFrom: { id: "devices.from", params: { what: "world_size" } },
  },
};
