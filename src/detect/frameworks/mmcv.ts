import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";
import { devicesFromFileName } from "./openmmlab-file-name.js";
import { OPENMMLAB_SCRIPT, openmmlabLaunchRules } from "./openmmlab-launch-rules.js";

/**
 * OpenMMLab 1.x configs on mmcv (mmdet 2.x, mmcls 0.x, mmseg 0.x): `data.samples_per_gpu` per GPU,
 * accumulation through `GradientCumulativeOptimizerHook(cumulative_iters=N)`, GPUs from
 * `tools/dist_train.sh CONFIG 8` or the file name (`8x2`, `b32x8`) — framework-batch-keys.md §10.
 */
export const mmcv: Framework = {
  id: "mmcv",
  name: "OpenMMLab (mmcv 1.x)",
  recognise: (c) =>
    // One less than mmengine: the shared launch scripts alone say OpenMMLab, not which generation.
    (hasContext(c, OPENMMLAB_SCRIPT) ? 5 : 0) +
    score(c, [
      ["^data.samples_per_gpu", 10],
      ["^data.workers_per_gpu", 4],
      ["^optimizer_config.cumulative_iters", 6],
      [/^optimizer_config\.(?:grad_clip|type)/, 3],
      [/^lr_config\.(?:policy|warmup|step)/, 3],
      [/^runner\.(?:type|max_epochs|max_iters)$/, 3],
      ["^total_epochs", 2],
      ["^evaluation.interval", 1],
    ]),
  rules: [
    { key: "^data.samples_per_gpu", role: "micro_batch" },
    { key: /^data\.(?:train_dataloader|train)\.samples_per_gpu$/, role: "micro_batch" },
    { key: "^optimizer_config.cumulative_iters", role: "grad_accum" },
    { key: "^optimizer.lr", role: "learning_rate" },
    { key: "^optimizer.type", role: "optimizer" },
    { key: "^lr_config.warmup_iters", role: "warmup" },
    // `warmup='linear'` names the shape and `warmup_ratio` the starting LR factor, not a length.
    { key: /^lr_config\.(?:warmup|warmup_ratio)$/, role: "ignore" },
    { key: "^runner.max_epochs", role: "epochs" },
    { key: "^runner.max_iters", role: "max_steps" },
    { key: "^total_epochs", role: "epochs" },
    { key: "^auto_scale_lr.base_batch_size", role: "lr_scaling" },
    ...openmmlabLaunchRules,
    ...commonRules,
  ],
  derive: devicesFromFileName,
  semantics: {
    devicesFrom: { id: "devices.openmmlab", params: { example: "8x2" } },
  },
};
