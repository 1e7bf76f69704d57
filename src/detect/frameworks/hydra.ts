import { commonRules } from "./common-rules.js";
import { score, type Framework, type KeyRule } from "./framework.js";
import type { ParsedConfig } from "../types.js";

/**
 * Signals any Hydra/OmegaConf config carries: a `defaults:` list, `_target_`, `hydra:`, `# @package`;
 * in a shell script, `key.sub=value` overrides, which the shell parser splits on dots while it keeps
 * a LightningCLI flag (`--trainer.devices 4`) whole.
 */
export function hydraScore(c: ParsedConfig): number {
  const packaged = c.comments.some((comment) => /^@package\b/.test(comment.text)) ? 5 : 0;
  const overrides = c.format === "shell" && c.entries.some((e) => e.context !== undefined && e.path.length > 1) ? 6 : 0;
  return (
    packaged +
    overrides +
    score(c, [
      [/^defaults\.\d+/, 5],
      [/(?:^|\.)_target_$/, 4],
      [/^hydra\./, 6],
      [/^(?:datamodule|data)\.batch_size$/, 1],
    ])
  );
}

/**
 * Rules shared with Hydra-based templates. Nesting is whatever the project chose, so the common
 * layouts are listed: `data.batch_size`, `datamodule.batch_size`, `loader.batch_size`, and the
 * bare `batch_size` of a file in the `data/` config group (§5).
 */
export const hydraRules: KeyRule[] = [
  { key: /(?:^|\.)callbacks\./, role: "ignore" },
  { key: /(?:^|\.)optimizer\._target_$/, role: "optimizer" },
  {
    key: /^(?:(?:data|datamodule|data_module|dataloader|loader|train)\.(?:[a-z_]+\.)?)?(?:train_)?batch_size$/,
    role: "micro_batch",
  },
  { key: /(?:^|\.)global_batch_size$/, role: "global_batch" },
  { key: /^(?:trainer\.)?(?:devices|gpus)$/, role: "devices" },
  { key: /^(?:trainer\.)?num_nodes$/, role: "nodes" },
  { key: /(?:^|\.)(?:seq_len|seq_length|max_seq_len|max_seq_length|block_size|max_length)$/, role: "seq_len" },
  ...commonRules,
];

/**
 * Generic Hydra/OmegaConf configs, including Hydra + Lightning projects: the batch is per device
 * (Lightning's DDP convention) unless a template says otherwise — see lightning-hydra-template.ts.
 * `${…}` interpolations are reported as unknown with what they point at.
 */
export const hydra: Framework = {
  id: "hydra",
  name: "Hydra / OmegaConf",
  recognise: hydraScore,
  rules: hydraRules,
  semantics: {
    defaults: { grad_accum: 1 },
    devicesFrom: { id: "devices.lightningOrLauncher" },
    autoMeans: { id: "auto.lightning" },
  },
};
