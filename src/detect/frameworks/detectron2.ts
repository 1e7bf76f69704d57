import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";
import { slurmRules } from "./slurm-rules.js";

/**
 * detectron2: yacs YAML (`SOLVER.IMS_PER_BATCH`, `_BASE_` inheritance) and LazyConfig Python
 * (`dataloader.train.total_batch_size = 64`). Both batches are global: images per iteration over
 * all GPUs, with no accumulation. With `SOLVER.REFERENCE_WORLD_SIZE` set, the trainer rescales
 * the batch (and LR, iterations) to the real GPU count
 * (detectron2/engine/defaults.py `auto_scale_workers`; framework-batch-keys.md §9).
 */
export const detectron2: Framework = {
  id: "detectron2",
  name: "detectron2",
  recognise: (c) =>
    score(c, [
      ["SOLVER.IMS_PER_BATCH", 10],
      ["SOLVER.BASE_LR", 4],
      [/^(?:MODEL\.META_ARCHITECTURE|MODEL\.ROI_HEADS\.\w+|DATASETS\.TRAIN|INPUT\.MIN_SIZE_TRAIN)$/, 3],
      ["^_BASE_", 2],
      ["^dataloader.train.total_batch_size", 10],
      [/^(?:train\.max_iter|train\.init_checkpoint|lr_multiplier\.\w+|dataloader\.train\.mapper\.\w+)/, 3],
    ]) + (hasContext(c, /(?:^|[\s/])(?:train_net|lazyconfig_train_net|plain_train_net)\.py$/) ? 8 : 0),
  rules: [
    { key: "SOLVER.IMS_PER_BATCH", role: "global_batch" },
    { key: "^dataloader.train.total_batch_size", role: "global_batch" },
    { key: "SOLVER.REFERENCE_WORLD_SIZE", role: "lr_scaling" },
    { key: "SOLVER.BASE_LR", role: "learning_rate" },
    { key: "^optimizer.lr", role: "learning_rate" },
    { key: "SOLVER.MAX_ITER", role: "max_steps" },
    { key: "^train.max_iter", role: "max_steps" },
    { key: "SOLVER.WARMUP_ITERS", role: "warmup" },
    { key: "SOLVER.OPTIMIZER", role: "optimizer" },
    // tools/train_net.py flags in a launch script.
    { key: "^num-gpus", context: /train_net\.py/, role: "devices" },
    { key: "^num-machines", context: /train_net\.py/, role: "nodes" },
    ...slurmRules,
    ...commonRules,
  ],
  semantics: {
    devicesFrom: { id: "devices.fromBoth", params: { a: "tools/train_net.py --num-gpus", b: "--num-machines" } },
    rescaleGlobal: ({ global, devices, values }) => {
      const reference = values.get("lr_scaling");
      if (!reference || reference <= 0 || reference === devices) return undefined;
      if (devices === null) {
        return {
          value: null,
          why:
            `SOLVER.REFERENCE_WORLD_SIZE = ${reference}: IMS_PER_BATCH ${global} is ` +
            "rescaled to the real GPU count, which this file does not give",
          unknown: { id: "part.rescaled", params: { reference, global } },
        };
      }
      const value = Math.round((global * devices) / reference);
      return {
        value,
        why: `${value} = round(${global} (IMS_PER_BATCH) × ${devices} (devices) / ${reference} (REFERENCE_WORLD_SIZE))`,
      };
    },
  },
};
