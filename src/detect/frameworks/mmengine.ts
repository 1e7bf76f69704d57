import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";
import { devicesFromFileName } from "./openmmlab-file-name.js";
import { OPENMMLAB_SCRIPT, openmmlabLaunchRules } from "./openmmlab-launch-rules.js";

/**
 * OpenMMLab 2.0 configs on mmengine (mmdet 3.x, mmyolo, mmseg 1.x, mmpretrain): Python modules of
 * `dict(...)`. `train_dataloader.batch_size` is per GPU, `optim_wrapper.accumulative_counts`
 * accumulates, and the GPU count comes from the launcher (`tools/dist_train.sh CONFIG 8`) or, by
 * convention, the file name (`8xb32`) — framework-batch-keys.md §10. A script that only runs
 * `tools/dist_train.sh` is taken as mmengine's, the current OpenMMLab, unless mmcv keys say otherwise.
 */
export const mmengine: Framework = {
  id: "mmengine",
  name: "OpenMMLab (mmengine)",
  recognise: (c) =>
    (hasContext(c, OPENMMLAB_SCRIPT) ? 6 : 0) +
    score(c, [
      ["^train_dataloader.batch_size", 10],
      ["^optim_wrapper.optimizer.type", 6],
      ["^optim_wrapper.type", 4],
      ["^train_batch_size_per_gpu", 6],
      [/^train_cfg\.(?:type|max_epochs|max_iters|val_interval)$/, 4],
      ["^auto_scale_lr.base_batch_size", 3],
      [/^(?:default_hooks|param_scheduler|val_evaluator)\./, 2],
    ]),
  rules: [
    { key: "^train_dataloader.batch_size", role: "micro_batch" },
    // mmyolo states the per-GPU batch once as a variable and reuses it.
    { key: "^train_batch_size_per_gpu", role: "micro_batch" },
    { key: "^val_batch_size_per_gpu", role: "eval_batch" },
    { key: "^optim_wrapper.accumulative_counts", role: "grad_accum" },
    { key: "^optim_wrapper.optimizer.lr", role: "learning_rate" },
    { key: "^optim_wrapper.optimizer.type", role: "optimizer" },
    { key: "^auto_scale_lr.enable", role: "lr_scaling" },
    { key: "^auto_scale_lr.base_batch_size", role: "lr_scaling" },
    { key: /^train_cfg\.max_epochs$/, role: "epochs" },
    { key: /^train_cfg\.max_iters$/, role: "max_steps" },
    ...openmmlabLaunchRules,
    ...commonRules,
  ],
  derive: devicesFromFileName,
  semantics: {
    devicesFrom: { id: "devices.openmmlab", params: { example: "8xb32" } },
  },
};
