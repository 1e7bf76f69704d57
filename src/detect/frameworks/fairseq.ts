import { commonRules } from "./common-rules.js";
import { hasContext, score, type Framework } from "./framework.js";
import { slurmRules } from "./slurm-rules.js";

/** `fairseq-train`, `python fairseq_cli/train.py`, or a checkout's `python train.py` once the flags said fairseq. */
const FAIRSEQ = /fairseq|(?:^|[\s/])train\.py$/;

/**
 * fairseq: `fairseq-train` flags and the Hydra YAML of `fairseq-hydra-train`. `--max-tokens` is a
 * token budget per GPU per step, so the effective batch is counted in tokens
 * (max_tokens × update_freq × world, an upper bound); `--batch-size`/`--max-sentences` caps
 * sentences per GPU; `--update-freq` accumulates — framework-batch-keys.md §11.
 */
export const fairseq: Framework = {
  id: "fairseq",
  name: "fairseq",
  recognise: (c) =>
    (hasContext(c, /fairseq/) ? 10 : 0) +
    score(c, [
      ["^dataset.max_tokens", 6],
      [/^optimization\.update_freq(?:\.0)?$/, 6],
      ["^distributed_training.distributed_world_size", 6],
      [/^(?:criterion|task|lr_scheduler|optimizer)\._name$/, 2],
      [/(?:^|\.)(?:max-tokens|update-freq|tokens-per-sample|max-sentences)$/, 4],
    ]),
  rules: [
    { key: /(?:^|\.)max-tokens$/, context: FAIRSEQ, role: "tokens_per_batch" },
    { key: /(?:^|\.)(?:batch-size|max-sentences)$/, context: FAIRSEQ, role: "micro_batch" },
    { key: /(?:^|\.)update-freq$/, context: FAIRSEQ, role: "grad_accum" },
    { key: /(?:^|\.)distributed-world-size$/, context: FAIRSEQ, role: "devices" },
    { key: /(?:^|\.)tokens-per-sample$/, context: FAIRSEQ, role: "seq_len" },
    { key: /(?:^|\.)lr$/, context: FAIRSEQ, role: "learning_rate" },
    { key: /(?:^|\.)optimizer$/, context: FAIRSEQ, role: "optimizer" },
    { key: /(?:^|\.)max-epoch$/, context: FAIRSEQ, role: "epochs" },
    // Hydra form: the same settings grouped by dataclass; update_freq and lr are lists.
    { key: "^dataset.max_tokens", role: "tokens_per_batch" },
    { key: "^dataset.batch_size", role: "micro_batch" },
    { key: /^optimization\.update_freq(?:\.0)?$/, role: "grad_accum" },
    { key: /^optimization\.lr(?:\.0)?$/, role: "learning_rate" },
    { key: "^distributed_training.distributed_world_size", role: "devices" },
    { key: "^task.tokens_per_sample", role: "seq_len" },
    { key: "^optimizer._name", role: "optimizer" },
    { key: "^optimization.max_update", role: "max_steps" },
    ...slurmRules,
    ...commonRules,
  ],
  semantics: { devicesFrom: { id: "devices.orVisible", params: { what: "--distributed-world-size" } } },
};
