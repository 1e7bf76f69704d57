import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";

/**
 * JAX trainers configured by an ml_collections `get_config()` (big_vision, scenic, flax examples,
 * vit_jax): the config's `batch_size` (vit_jax: `batch`) is the batch over all devices — the trainer
 * checks it divides `jax.device_count()` and splits it — while `per_device_batch_size` (flax lm1b,
 * MaxText-style) is per device. vit_jax's `accum_steps` splits the batch into micro-batches without
 * changing it. Recognised by the `get_config()` that returns the config.
 */
export const jax: Framework = {
  id: "jax",
  name: "JAX (ml_collections get_config)",
  recognise: (c) =>
    (hasContext(c, /^get_config$/) ? 8 : 0) +
    score(c, [
      [/^(?:input\.batch_size|per_device_batch_size|optax_name|lr_configs\.\w+|total_epochs|num_train_steps)$/, 2],
    ]),
  rules: [
    { key: /^(?:batch_eval|eval_batch|batch_size_eval)$/, role: "eval_batch" },
    { key: /^(?:per_device_batch_size|per_device_train_batch_size)$/, role: "micro_batch" },
    { key: /(?:^|\.)(?:batch_size|batch)$/, role: "global_batch" },
    { key: /^(?:accum_steps|grad_accum_steps|gradient_accumulation_steps)$/, role: "grad_accum" },
    { key: /^(?:total_epochs|num_epochs|num_training_epochs)$/, role: "epochs" },
    { key: /^(?:num_train_steps|total_steps)$/, role: "max_steps" },
    { key: /^(?:max_target_length|seq_len|max_len)$/, role: "seq_len" },
    { key: /^(?:lr_configs\.base_learning_rate|base_lr|lr|learning_rate)$/, role: "learning_rate" },
    { key: /^(?:optax_name|optimizer)$/, role: "optimizer" },
    ...commonRules,
  ],
  semantics: {
    defaults: { grad_accum: 1 },
    devicesFrom: { id: "devices.jax" },
  },
};
