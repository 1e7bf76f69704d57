import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";

/**
 * Hugging Face Trainer `TrainingArguments`, and what builds on it (TRL, LLaMA-Factory): flat keys
 * in YAML/JSON, `--flags` on the command line, keyword arguments in Python.
 * Defaults from transformers: 8 per device, accumulation 1, learning rate 5e-5.
 */
export const huggingface: Framework = {
  id: "huggingface",
  name: "Hugging Face Trainer",
  recognise: (c) =>
    score(c, [
      [/(?:^|\.)per[_-]device[_-]train[_-]batch[_-]size$/, 10],
      [/(?:^|\.)per_gpu_train_batch_size$/, 8],
      [/(?:^|\.)(?:model_name_or_path|output_dir)$/, 1],
      [/(?:^|\.)(?:cutoff_len|finetuning_type|template)$/, 1],
    ]),
  rules: [
    { key: /(?:^|\.)(?:per[_-]device[_-]train[_-]batch[_-]size|per_gpu_train_batch_size)$/, role: "micro_batch" },
    { key: /(?:^|\.)(?:gradient[_-]accumulation[_-]steps)$/, role: "grad_accum" },
    { key: /(?:^|\.)(?:nproc[_-]per[_-]node|num[_-]processes|num_gpus|num-gpus)$/, role: "devices" },
    { key: /(?:^|\.)(?:nnodes|num[_-]machines|num_nodes|num-nodes)$/, role: "nodes" },
    { key: /(?:^|\.)(?:cutoff_len|max_seq_length|max_length|max_seq_len)$/, role: "seq_len" },
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
    devicesFrom: "torchrun --nproc_per_node, accelerate launch --num_processes or deepspeed --num_gpus",
  },
};
