import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";
import { tokensWhenSeqLenKnown } from "./token-units.js";

/**
 * LitGPT YAML (`litgpt pretrain|finetune --config`): `train.global_batch_size` is the batch;
 * accumulation = global ÷ (devices × num_nodes) ÷ `train.micro_batch_size`
 * (framework-batch-keys.md §4, §21). `devices` defaults to "auto" for pretraining.
 */
export const litgpt: Framework = {
  id: "litgpt",
  name: "LitGPT",
  recognise: (c) =>
    score(c, [
      ["^train.global_batch_size", 10],
      ["^train.micro_batch_size", 10],
      ["^train.lr_warmup_steps", 4],
      ["^checkpoint_dir", 3],
      ["^tokenizer_dir", 3],
      ["^logger_name", 3],
      ["^out_dir", 2],
    ]),
  rules: [
    // eval.max_iters / eval.interval pace evaluation, not training.
    { key: /^eval\./, role: "ignore" },
    { key: "^train.global_batch_size", role: "global_batch" },
    { key: "^train.micro_batch_size", role: "micro_batch" },
    { key: "^train.max_seq_length", role: "seq_len" },
    { key: "^devices", role: "devices" },
    { key: "^num_nodes", role: "nodes" },
    { key: /^train\.lr_warmup_(?:steps|fraction)$/, role: "warmup" },
    { key: "^train.max_tokens", role: "ignore" },
    ...commonRules,
  ],
  semantics: {
    unit: tokensWhenSeqLenKnown,
    devicesFrom: { id: "devices.litgpt" },
    autoMeans: { id: "auto.litgpt" },
  },
};
