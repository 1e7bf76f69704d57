import type { DetectionReason } from "../reason.js";
import { commonRules } from "./common-rules.js";
import { hasContext, lastSegment, score, type Framework } from "./framework.js";
import { tokensWhenPacked } from "./token-units.js";
import { visibleDevices } from "./generic.js";

/** Python callees whose keyword arguments are TrainingArguments (transformers, TRL, LLaMA-Factory). */
const ARGUMENT_CLASSES =
  /(?:^|\.)(?:Seq2Seq)?TrainingArguments$|(?:^|\.)(?:SFT|DPO|GRPO|KTO|ORPO|PPO|Reward|CPO)Config$/;

/**
 * Hugging Face Trainer `TrainingArguments`, and what builds on it (TRL, LLaMA-Factory): flat keys
 * in YAML/JSON, `--flags` (and their dashed aliases) on the command line, keyword arguments in
 * Python. Defaults from transformers: 8 per device, accumulation 1 (framework-batch-keys.md §1).
 * Devices come from the launcher on the same command line: torchrun and deepspeed count per
 * node (× nodes), `accelerate launch --num_processes` counts every machine already.
 */
export const huggingface: Framework = {
  id: "huggingface",
  name: "Hugging Face Trainer",
  recognise: (c) =>
    score(c, [
      [/(?:^|\.)per[_-]device[_-]train[_-]batch[_-]size$/, 10],
      [/(?:^|\.)per_gpu_train_batch_size$/, 8],
      [/(?:^|\.)(?:model_name_or_path|output_dir)$/, 1],
      // TrainingArguments fields few other tools spell this way.
      [
        lastSegment([
          "lr_scheduler_type",
          "save_strategy",
          "eval_strategy",
          "evaluation_strategy",
          "logging_strategy",
          "save_total_limit",
          "ddp_timeout",
          "dataloader_num_workers",
        ]),
        4,
      ],
      [/(?:^|\.)(?:cutoff_len|finetuning_type|template)$/, 1],
    ]) + (hasContext(c, ARGUMENT_CLASSES) ? 10 : 0),
  rules: [
    { key: /(?:^|\.)(?:per[_-]device[_-]train[_-]batch[_-]size|per_gpu_train_batch_size)$/, role: "micro_batch" },
    // The dashed alias HfArgumentParser registers (`--per-device-eval-batch-size`).
    { key: /(?:^|\.)per[_-]device[_-]eval[_-]batch[_-]size$/, role: "eval_batch" },
    { key: /(?:^|\.)(?:gradient[_-]accumulation[_-]steps)$/, role: "grad_accum" },
    // accelerate's --num_processes is already the total over machines (§2).
    { key: /(?:^|\.)num[_-]machines$/, role: "ignore", context: /accelerate/ },
    { key: /(?:^|\.)CUDA_VISIBLE_DEVICES$/, role: "devices", read: visibleDevices },
    {
      key: /(?:^|\.)(?:nproc[_-]per[_-]node|NPROC_PER_NODE|num[_-]processes|num[_-]gpus)$/,
      role: "devices",
      read: perNode,
    },
    { key: /(?:^|\.)(?:nnodes|num[_-]machines|num[_-]nodes)$/, role: "nodes" },
    // run_clm's --block_size is the sequence length its examples are cut to.
    {
      key: /(?:^|\.)(?:cutoff_len|max_seq_length|max_length|max_seq_len|max[_-]seq[_-]length|block[_-]size)$/,
      role: "seq_len",
    },
    { key: /(?:^|\.)(?:packing|neat_packing)$/, role: "batch_type" },
    { key: /(?:^|\.)(?:learning[_-]rate)$/, role: "learning_rate" },
    { key: /(?:^|\.)(?:optim|optimizer)$/, role: "optimizer" },
    { key: /(?:^|\.)(?:warmup[_-]steps|warmup[_-]ratio)$/, role: "warmup" },
    { key: /(?:^|\.)(?:num[_-]train[_-]epochs)$/, role: "epochs" },
    { key: /(?:^|\.)(?:max[_-]steps)$/, role: "max_steps" },
    { key: /(?:^|\.)(?:tensor_model_parallel_size)$/, role: "tensor_parallel" },
    { key: /(?:^|\.)(?:pipeline_model_parallel_size)$/, role: "pipeline_parallel" },
    ...commonRules,
  ],
  semantics: {
    defaults: { micro_batch: 8, grad_accum: 1 },
    defaultsFrom: "transformers TrainingArguments",
    unit: tokensWhenPacked,
    devicesFrom: {
      id: "devices.fromAny",
      params: { a: "torchrun --nproc_per_node", b: "accelerate launch --num_processes", c: "deepspeed --num_gpus" },
    },
  },
};

/** `torchrun --nproc_per_node gpu` starts one process per visible GPU. */
function perNode(value: unknown): { unknown: DetectionReason } | undefined {
  return typeof value === "string" && /^gpu$/i.test(value.trim())
    ? { unknown: { id: "value.gpuPerVisible" } }
    : undefined;
}
