import { lastSegment } from "./framework.js";
import type { KeyRule } from "./framework.js";

/**
 * Rules tried before any framework's own: keys that look like a batch size but are not the
 * training batch. Eval batches are recorded as eval settings; RoI sampling sizes and the like are
 * dropped (framework-batch-keys.md §0.6).
 */
export const decoyAndEvalRules: KeyRule[] = [
  { key: /(?:^|\.)(?:ROI_HEADS|RPN)\.BATCH_SIZE_PER_IMAGE$/, role: "ignore" },
  { key: /(?:^|\.)[^.]*eviction_batch_size$/, role: "ignore" },
  // mmyolo's optimizer uses batch_size_per_gpu only to scale weight decay.
  { key: /(?:^|\.)optim(?:izer|_wrapper)?(?:\.[^.]+)*\.batch_size_per_gpu$/, role: "ignore" },
  {
    key: lastSegment([
      "per_device_eval_batch_size",
      "per_gpu_eval_batch_size",
      "device_eval_batch_size",
      "eval_per_device_batch_size",
      "eval_batch_size",
      "val_batch_size",
      "valid_batch_size",
      "validation_batch_size",
      "test_batch_size",
      "batch_size_val",
      "batch_size_eval",
      "batch_size_test",
      "eval_micro_batch_size",
      "max_eval_batch_size",
      "valid-batch-size",
      "eval-batch-size",
      "val-batch-size",
      "test-batch-size",
      "max-sentences-valid",
      "batch-size-valid",
      "batch_size_valid",
      "max_tokens_valid",
      "max-tokens-valid",
    ]),
    role: "eval_batch",
  },
  // Anything batch-like under a validation/test/inference section.
  {
    key: new RegExp(
      "(?:^|\\.)(?:val|valid|validation|eval|evaluation|test|predict|inference|infer_eval|train_eval)(?:_[a-z]+)?" +
        "\\.(?:[^.]+\\.)*[^.]*(?:batch_size|samples_per_gpu|BATCH_SIZE)$",
      "i",
    ),
    role: "eval_batch",
  },
];

/** Settings read beside the batch in almost every framework; frameworks append these last. */
export const commonRules: KeyRule[] = [
  { key: /(?:^|\.)(?:learning_rate|lr|base_lr|BASE_LR|max_lr|lr0|base_learning_rate|peak_lr)$/, role: "learning_rate" },
  {
    key: lastSegment([
      "warmup_steps",
      "warmup_iters",
      "warmup_epochs",
      "warmup_ratio",
      "WARMUP_ITERS",
      "num_warmup_steps",
      "lr_warmup_steps",
      "warmup",
      "lr-warmup-iters",
      "warmup-updates",
      "warmup_updates",
    ]),
    role: "warmup",
  },
  {
    key: /(?:^|\.)(?:num_train_epochs|max_epochs|epochs|num_epochs|n_epochs|train_epochs|max-epoch|max_epoch)$/,
    role: "epochs",
  },
  {
    key: lastSegment([
      "max_steps",
      "max_iters",
      "MAX_ITER",
      "train_iters",
      "train-iters",
      "max_iter",
      "max-update",
      "max_update",
      "total_steps",
      "num_train_steps",
      "training_steps",
      "max_train_steps",
    ]),
    role: "max_steps",
  },
  // Decay points and eval/save intervals counted in steps scale with the batch like max_steps
  // (list items arrive as `milestones.0`, `milestones.1`, …).
  {
    key: lastSegment(
      [
        "milestones",
        "lr_steps",
        "lr_decay_iters",
        "lr-decay-iters",
        "lr_decay_steps",
        "decay_steps",
        "decay_iters",
        "SOLVER\\.STEPS",
        "boundaries",
      ],
      { suffix: "(?:\\.\\d+)?" },
    ),
    role: "decay_steps",
  },
  {
    key: lastSegment([
      "eval_steps",
      "save_steps",
      "eval_interval",
      "eval-interval",
      "save_interval",
      "save-interval",
      "checkpoint_interval",
      "eval_iters_interval",
      "validate_interval_updates",
      "save_interval_updates",
      "log_interval",
      "logging_steps",
    ]),
    role: "eval_interval",
  },
  { key: /(?:^|\.)(?:optimizer|optim)(?:\.(?:type|name|_component_|class_path))?$/, role: "optimizer" },
  {
    key: lastSegment([
      "gradient_accumulation_steps",
      "grad_accum_steps",
      "accumulate_grad_batches",
      "grad-accum-steps",
      "gradient-accumulation-steps",
    ]),
    role: "grad_accum",
  },
];
