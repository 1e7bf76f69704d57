import { score, type Framework } from "./framework.js";

/**
 * DeepSpeed `ds_config.json`: train_batch_size = micro × accumulation × data-parallel world
 * (deepspeed/runtime/config.py::_set_batch_related_parameters). `"auto"` values are filled by the
 * Hugging Face / accelerate integration and are unknown here.
 */
export const deepspeed: Framework = {
  id: "deepspeed",
  name: "DeepSpeed",
  recognise: (c) =>
    score(c, [
      ["^train_micro_batch_size_per_gpu", 10],
      ["^train_batch_size", 3],
      ["^zero_optimization.stage", 8],
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
  ],
  semantics: { devicesFrom: "deepspeed --num_gpus/--num_nodes or the visible GPUs" },
};
