import { hasKeyIn, score, type Framework } from "./framework.js";

/** Globals of nanoGPT's train.py that few other scripts name this way. */
const TRAIN_PY_GLOBALS = [
  "block_size",
  "n_layer",
  "n_head",
  "n_embd",
  "init_from",
  "eval_iters",
  "max_iters",
  "lr_decay_iters",
  "decay_lr",
  "always_save_checkpoint",
  "eval_only",
];

/**
 * nanoGPT: Python config files that `configurator.py` executes over the globals of `train.py`,
 * and `--key=value` flags. `gradient_accumulation_steps` counts over all GPUs — train.py divides it
 * by the world size — so tokens per iteration = accumulation × batch_size × block_size whatever the
 * GPU count (framework-batch-keys.md §12). Defaults are train.py's (GPT-2 124M on OpenWebText).
 */
export const nanogpt: Framework = {
  id: "nanogpt",
  name: "nanoGPT",
  recognise: (c) =>
    // `torchrun train.py config/x.py --batch_size=32`: train.py's globals as underscore flags.
    (hasKeyIn(c, new RegExp(`^(?:${TRAIN_PY_GLOBALS.join("|")})$`), /(?:^|\s)train\.py$/) ? 8 : 0) +
    score(c, [
      ["^lr_decay_iters", 5],
      ["^always_save_checkpoint", 4],
      ["^block_size", 3],
      ["^eval_iters", 3],
      ["^init_from", 3],
      ["^decay_lr", 3],
      [/^(?:n_layer|n_head|n_embd)$/, 2],
      ["^max_iters", 2],
      ["^wandb_run_name", 1],
    ]),
  rules: [
    { key: "^batch_size", role: "micro_batch" },
    { key: "^gradient_accumulation_steps", role: "grad_accum" },
    { key: "^block_size", role: "seq_len" },
    { key: "^learning_rate", role: "learning_rate" },
    { key: "^max_iters", role: "max_steps" },
    { key: "^warmup_iters", role: "warmup" },
    { key: "^lr_decay_iters", role: "decay_steps" },
    { key: /^(?:eval_interval|log_interval)$/, role: "eval_interval" },
    { key: /^(?:nproc_per_node|nproc-per-node)$/, context: /^torchrun\b/, role: "devices" },
    { key: /^(?:nnodes)$/, context: /^torchrun\b/, role: "nodes" },
  ],
  // `eval_only = True`: train.py evaluates and exits, so its batch_size is an evaluation batch.
  refine: (settings, config) =>
    config.entries.some((e) => e.path.length === 1 && e.path[0] === "eval_only" && e.value === true)
      ? settings.map((s) => (s.role === "micro_batch" ? { ...s, role: "eval_batch" as const } : s))
      : settings,
  semantics: {
    unit: "tokens",
    accumIsGlobal: true,
    defaults: { micro_batch: 12, grad_accum: 5 * 8, seq_len: 1024 },
    defaultsFrom: "nanoGPT train.py",
    devicesFrom: { id: "devices.nanogpt" },
  },
};
