import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";
import { tokensWhenSeqLenKnown } from "./token-units.js";

/**
 * NeMo 1.x Megatron YAML: `model.global_batch_size` is the batch; accumulation is implicit,
 * global ÷ (micro × data-parallel), with data-parallel = trainer.devices × num_nodes ÷ (tensor ×
 * pipeline × context parallel). `trainer.accumulate_grad_batches` must stay 1, and the data
 * sections repeat the batch through `${model.global_batch_size}` (framework-batch-keys.md §18).
 */
export const nemo: Framework = {
  id: "nemo",
  name: "NVIDIA NeMo",
  recognise: (c) =>
    score(c, [
      [/^exp_manager\./, 8],
      ["^model.micro_batch_size", 8],
      ["^model.global_batch_size", 6],
      ["^model.tensor_model_parallel_size", 4],
      ["^model.optim.name", 3],
    ]),
  rules: [
    { key: "^model.micro_batch_size", role: "micro_batch" },
    { key: "^model.global_batch_size", role: "global_batch" },
    { key: /^model\.data\.(?:[^.]+\.)*(?:micro_batch_size|global_batch_size|batch_size)$/, role: "ignore" },
    { key: "^model.rampup_batch_size", role: "ignore" },
    { key: "^trainer.accumulate_grad_batches", role: "ignore" },
    { key: "^trainer.devices", role: "devices" },
    { key: "^trainer.num_nodes", role: "nodes" },
    { key: "^model.tensor_model_parallel_size", role: "tensor_parallel" },
    { key: "^model.pipeline_model_parallel_size", role: "pipeline_parallel" },
    { key: "^model.context_parallel_size", role: "context_parallel" },
    // NeMo 2 recipes set the sizes on the Megatron strategy.
    { key: /^trainer\.strategy\.tensor_model_parallel_size$/, role: "tensor_parallel" },
    { key: /^trainer\.strategy\.pipeline_model_parallel_size$/, role: "pipeline_parallel" },
    { key: /^trainer\.strategy\.context_parallel_size$/, role: "context_parallel" },
    { key: /^model\.(?:encoder_seq_length|seq_length)$/, role: "seq_len" },
    { key: "^model.optim.lr", role: "learning_rate" },
    ...commonRules,
  ],
  semantics: {
    unit: tokensWhenSeqLenKnown,
    devicesFrom: { id: "devices.from", params: { what: "trainer.devices × trainer.num_nodes" } },
  },
};
