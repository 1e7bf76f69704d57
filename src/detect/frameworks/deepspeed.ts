import { score, type Framework } from "./framework.js";

/**
 * DeepSpeed `ds_config.json`: train_batch_size = micro × accumulation × data-parallel world
 * (deepspeed/runtime/config.py::_set_batch_related_parameters); any two imply the third, and a
 * missing accumulation is 1. `"auto"` values are filled by the Hugging Face / accelerate / axolotl
 * integration from the training arguments, so here they are unknown, with that said
 * (framework-batch-keys.md §3).
 */
export const deepspeed: Framework = {
  id: "deepspeed",
  name: "DeepSpeed",
  // A top-level `train_batch_size` is DeepSpeed's own key in a JSON config; as a script's flag
  // (`--train_batch_size`) it is anyone's.
  recognise: (c) =>
    (c.format === "json" ? score(c, [["^train_batch_size", 4]]) : 0) +
    score(c, [
      ["^train_micro_batch_size_per_gpu", 10],
      ["^train_batch_size", 3],
      ["^zero_optimization.stage", 8],
      ["^steps_per_print", 3],
      ["^wall_clock_breakdown", 3],
      ["^zero_allow_untested_optimizer", 3],
      ["^fp16.enabled", 1],
      ["^bf16.enabled", 1],
    ]),
  rules: [
    { key: "^train_micro_batch_size_per_gpu", role: "micro_batch" },
    { key: "^train_batch_size", role: "global_batch" },
    { key: "^gradient_accumulation_steps", role: "grad_accum" },
    { key: "^optimizer.params.lr", role: "learning_rate" },
    { key: "^optimizer.type", role: "optimizer" },
    { key: /^scheduler\.params\.(?:warmup_num_steps)$/, role: "warmup" },
    { key: /^scheduler\.params\.(?:total_num_steps)$/, role: "max_steps" },
    { key: /^scheduler\.params\.warmup_max_lr$/, role: "learning_rate" },
    // Ulysses sequence parallelism and AutoTP training: these ranks share one batch, so the
    // data-parallel world that train_batch_size counts is the devices divided by them.
    { key: "^sequence_parallel_size", role: "sequence_parallel" },
    { key: "^tensor_parallel.autotp_size", role: "tensor_parallel" },
  ],
  semantics: {
    devicesFrom: { id: "devices.orVisible", params: { what: "deepspeed --num_gpus/--num_nodes" } },
    autoMeans: { id: "auto.deepspeed" },
  },
};
