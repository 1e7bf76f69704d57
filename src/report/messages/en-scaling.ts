/**
 * How a framework scales the learning rate by itself (mmengine auto_scale_lr, timm, Ultralytics
 * nbs, …), said beside the rule.
 * Spread into en.ts; zh-TW-scaling.ts says the same ids.
 */
export const enScaling = {
  "scaling.mmengine-auto-scale-lr": "mmengine auto_scale_lr: lr × (effective batch ÷ base_batch_size)",
  "scaling.mmengine-auto-scale-lr-off":
    "mmengine auto_scale_lr is off: set auto_scale_lr.enable=True (or pass " +
    "--auto-scale-lr) to scale the LR linearly from base_batch_size",
  "scaling.timm-lr-base":
    "timm derives lr = lr_base × global batch ÷ lr_base_size (linear, or sqrt " +
    "for adaptive optimizers) while --lr is unset",
  "scaling.latent-diffusion-scale-lr":
    "latent-diffusion main.py --scale_lr (default True): lr = " +
    "accumulate_grad_batches × ngpu × batch_size × base_learning_rate",
  "scaling.detectron2-reference-world-size":
    "detectron2 REFERENCE_WORLD_SIZE={size} rescales IMS_PER_BATCH and BASE_LR linearly to the actual number of GPUs",
  "scaling.detectron2-reference-world-size-by-hand":
    "detectron2 REFERENCE_WORLD_SIZE only rescales for a different number of " +
    "GPUs; a batch edited by hand needs BASE_LR scaled by hand",
  "scaling.ludwig-lr-scaling": "Ludwig learning_rate_scaling={value} scales the LR with the number of workers",
  "scaling.ludwig-lr-scaling-by-hand": "Ludwig learning_rate_scaling follows the number of workers, not batch_size",
  "scaling.ultralytics-nbs":
    "Ultralytics accumulates up to the nominal batch nbs={nbs}, so below it the " +
    "effective batch and LR stay put; above it lr0 is not rescaled",
} as const;
