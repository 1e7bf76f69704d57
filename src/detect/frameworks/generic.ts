import { commonRules } from "./common-rules.js";
import { type Framework, lastSegment } from "./framework.js";
import type { BatchSetting, ParsedConfig } from "../types.js";

/** Keys a training batch goes by when no framework claims the file, at any nesting (`training.batch_size`,
 * `recipe.data.micro_batch_size`). */
const PER_DEVICE = lastSegment([
  "(?:train(?:ing)?_)?batch_size(?:_train(?:ing)?)?",
  "batch-size",
  "train-batch-size",
  "micro_batch_size",
  "micro-batch-size",
  "micro_train_batch_size",
  "per_device_batch_size",
  "per_device_train_batch_size",
  "batch_size_per_(?:gpu|device|replica)",
  "per_gpu_batch_size",
  "device_batch_size",
  "device_train_batch_size",
  "local_batch_size",
  "bs",
  "b",
]);

/** Any config with a plain `batch_size`: per device unless a framework says otherwise. */
export const generic: Framework = {
  id: "generic",
  name: "Generic",
  recognise: () => 0.01,
  rules: [
    { key: PER_DEVICE, role: "micro_batch" },
    {
      key: lastSegment([
        "global_batch_size",
        "global-batch-size",
        "global_train_batch_size",
        "total_batch_size",
        "total-batch-size",
        "effective_batch_size",
      ]),
      role: "global_batch",
    },
    { key: /(?:^|\.)CUDA_VISIBLE_DEVICES$/, role: "devices", read: visibleDevices },
    {
      key: lastSegment([
        "num_gpus",
        "n_gpus",
        "gpus",
        "devices",
        "num_devices",
        "world_size",
        "nproc_per_node",
        "nproc-per-node",
        "NPROC_PER_NODE",
        "num_processes",
      ]),
      role: "devices",
    },
    { key: /(?:^|\.)(?:num_nodes|nnodes|num_machines)$/, role: "nodes" },
    {
      key: /(?:^|\.)(?:seq_len|seq_length|max_seq_len|max_seq_length|block_size|sequence_length|context_length)$/,
      role: "seq_len",
    },
    ...commonRules,
  ],
  refine: (settings, config) => evaluationOnly(microBesideTotal(settings), config),
};

/**
 * A run that only evaluates (`eval_only = True`, `do_train: false`) trains on no batch: its batch
 * sizes are evaluation batches.
 */
export function evaluationOnly(settings: BatchSetting[], config: ParsedConfig): BatchSetting[] {
  const evaluates = config.entries.some(
    (e) =>
      (e.path[e.path.length - 1] === "eval_only" && e.value === true) ||
      (e.path[e.path.length - 1] === "do_train" && e.value === false),
  );
  return evaluates
    ? settings.map((s) =>
        s.role === "micro_batch" || s.role === "global_batch" ? { ...s, role: "eval_batch" as const } : s,
      )
    : settings;
}

/**
 * Where a file names both a micro batch and a plain one (`--micro_train_batch_size 1
 * --train_batch_size 128`, `optimizer.micro_batch_size` and `optimizer.total_batch_size`), the
 * plain one is the batch over all devices: the convention of DeepSpeed, Megatron and the trainers
 * built on them.
 * @example microBesideTotal([micro "micro_batch_size" 2, micro "train_batch_size" 128])
 *   // the second becomes global_batch
 */
export function microBesideTotal(settings: BatchSetting[]): BatchSetting[] {
  const micro = (s: BatchSetting) => /(?:^|[._-])micro[._-]/.test(s.key) || /(?:^|\.)micro/.test(s.key);
  if (!settings.some((s) => s.role === "micro_batch" && micro(s))) return settings;
  return settings.map((s) =>
    s.role === "micro_batch" && !micro(s) && !/per[_-](?:device|gpu)|local/.test(s.key)
      ? { ...s, role: "global_batch" as const }
      : s,
  );
}

/** `CUDA_VISIBLE_DEVICES=0` is one device (the id 0), `0,1` two; a count elsewhere is read as written. */
export function visibleDevices(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return 1;
  if (typeof value === "string" && /^\s*\d+(\s*,\s*\d+)*\s*,?\s*$/.test(value))
    return value.split(",").filter((x) => x.trim() !== "").length;
  return undefined;
}
