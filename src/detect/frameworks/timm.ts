import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";
import { runsScript } from "./script-context.js";
import { slurmRules } from "./slurm-rules.js";

/** train.py, or a copy renamed for the project (`train_timm.py`), and distributed_train.sh. */
const TIMM = /(?:^|[\s/])(?:train(?:_[\w-]+)?\.py|[\w-]+_train\.py|distributed_train\.sh)\b/;
/** `distributed_train.sh NUM_PROC …` runs `torchrun --nproc-per-node=$1 train.py "$@"`. */
const DISTRIBUTED_TRAIN = runsScript("distributed_train.sh");

/**
 * timm (pytorch-image-models) `train.py`: `-b/--batch-size` per GPU (128 by default),
 * `--grad-accum-steps`, and, when `--lr` is unset, lr = `--lr-base` × global batch / `--lr-base-size`
 * (linear, or sqrt for adaptive optimizers; `--lr-base-scale`). `--config args.yaml` and the
 * `args.yaml` dumped into each run use the argparse dests as keys (framework-batch-keys.md §14).
 */
export const timm: Framework = {
  id: "timm",
  name: "timm (pytorch-image-models)",
  recognise: (c) =>
    (hasContext(c, DISTRIBUTED_TRAIN) ? 10 : 0) +
    score(c, [
      [/^lr[-_]base(?:[-_]size|[-_]scale)?$/, 5],
      [/^grad[-_]accum[-_]steps$/, 3],
      // Random-erasing and AutoAugment flags are spelled this way only by timm's argparse.
      [/^(?:reprob|remode|recount|aa|smoothing|train[-_]interpolation)$/, 4],
      [/^(?:drop[-_]path|model[-_]ema|model[-_]ema[-_]decay|mixup|cutmix|sched|opt[-_]eps|warmup[-_]lr)$/, 1],
    ]),
  rules: [
    { key: /^(?:b|batch-size)$/, context: TIMM, role: "micro_batch" },
    {
      key: /^(?:nproc_per_node|nproc-per-node)$/,
      context: /^(?:torchrun|python -m torch\.distributed\.(?:run|launch))\b/,
      role: "devices",
    },
    { key: "^#1", context: DISTRIBUTED_TRAIN, role: "devices" },
    { key: "^batch_size", role: "micro_batch" },
    { key: /^(?:validation[-_]batch[-_]size|vb)$/, role: "eval_batch" },
    { key: /^grad[-_]accum[-_]steps$/, role: "grad_accum" },
    // `lr: null` in an args file: the LR is derived from lr_base and the global batch.
    {
      key: "^lr",
      role: "learning_rate",
      read: (v) => (v === null || v === "" ? { unknown: { id: "value.timmLrDerived" } } : undefined),
    },
    { key: /^lr[-_]base(?:[-_]size|[-_]scale)?$/, role: "lr_scaling" },
    { key: "^opt", role: "optimizer" },
    { key: /^warmup[-_]epochs$/, role: "warmup" },
    ...slurmRules,
    ...commonRules,
  ],
  semantics: {
    defaults: { micro_batch: 128, grad_accum: 1 },
    defaultsFrom: "timm train.py",
    devicesFrom: {
      id: "devices.fromEither",
      params: { a: "./distributed_train.sh <gpus>", b: "torchrun --nproc_per_node" },
    },
  },
};
