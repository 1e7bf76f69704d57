import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";
import { slurmRules } from "./slurm-rules.js";
import type { BatchSetting, ParsedConfig } from "../types.js";

/**
 * A flag as a shell word (`micro-batch-size`) or as a functional-test YAML key
 * (`MODEL_ARGS.--micro-batch-size`). Other YAML sections are anchor templates merged into MODEL_ARGS,
 * so reading them too would count a template value the merge overrode.
 */
const flag = (name: string) => new RegExp(`^(?:MODEL_ARGS\\.)?(?:--)?${name}$`);

/**
 * Megatron-LM launch scripts (`torchrun … pretrain_gpt.py --micro-batch-size 4 --global-batch-size 256`)
 * and functional-test YAMLs (flags as keys). `--global-batch-size` is the batch per step; the
 * number of micro-batches is derived as global / (micro × DP), with DP = GPUs ÷ (TP × PP × CP)
 * (framework-batch-keys.md §17). Expert parallelism is recorded nowhere: it does not divide the
 * data-parallel degree of dense layers.
 */
export const megatron: Framework = {
  id: "megatron",
  name: "Megatron-LM",
  recognise: (c) =>
    (hasContext(c, /pretrain_\w+\.py/) ? 6 : 0) +
    score(c, [
      [flag("micro-batch-size"), 10],
      [flag("global-batch-size"), 8],
      [flag("tensor-model-parallel-size"), 4],
      [flag("pipeline-model-parallel-size"), 4],
      [flag("seq-length"), 2],
    ]),
  rules: [
    { key: flag("micro-batch-size"), role: "micro_batch" },
    { key: flag("global-batch-size"), role: "global_batch" },
    { key: flag("rampup-batch-size"), role: "batch_rampup" },
    { key: flag("seq-length"), role: "seq_len" },
    { key: flag("tensor-model-parallel-size"), role: "tensor_parallel" },
    { key: flag("pipeline-model-parallel-size"), role: "pipeline_parallel" },
    { key: flag("context-parallel-size"), role: "context_parallel" },
    { key: flag("lr"), role: "learning_rate" },
    { key: flag("train-iters"), role: "max_steps" },
    { key: flag("lr-warmup-iters"), role: "warmup" },
    { key: flag("lr-warmup-fraction"), role: "warmup" },
    { key: flag("optimizer"), role: "optimizer" },
    {
      key: /^(?:nproc_per_node|nproc-per-node)$/,
      context: /^(?:torchrun|python -m torch\.distributed\.(?:run|launch))\b/,
      role: "devices",
    },
    { key: /^nnodes$/, context: /^(?:torchrun|python -m torch\.distributed\.(?:run|launch))\b/, role: "nodes" },
    ...slurmRules,
    ...commonRules,
  ],
  derive: devicesFromTestPath,
  semantics: { devicesFrom: { id: "devices.from", params: { what: "torchrun --nproc_per_node × --nnodes" } } },
};

/**
 * Functional tests live in folders named for their hardware (`gpt3_345m_…_1N8G_mcore_tp2_pp2`):
 * one node of eight GPUs.
 */
function devicesFromTestPath(config: Pick<ParsedConfig, "path">): BatchSetting[] {
  const m = /(?:^|[_/])(\d{1,4})N(\d{1,2})G(?=[_/]|$)/.exec(config.path);
  if (!m) return [];
  return [
    { role: "devices", key: "test name", value: Number(m[2]), raw: `${m[1]}N${m[2]}G`, line: 1 },
    { role: "nodes", key: "test name", value: Number(m[1]), raw: `${m[1]}N${m[2]}G`, line: 1 },
  ];
}
