import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";

/**
 * PyTorch Lightning: LightningCLI YAML (`class_path`/`init_args`), plain Trainer configs and the
 * latent-diffusion OmegaConf layout (`data.params.batch_size`, `lightning.trainer.*`,
 * `model.base_learning_rate`). The datamodule's batch size is per device under DDP; devices
 * default to "auto", every visible device (framework-batch-keys.md §4).
 */
export const lightning: Framework = {
  id: "lightning",
  name: "PyTorch Lightning",
  recognise: (c) =>
    score(c, [
      [/^(?:model|data)\.class_path$/, 6],
      [/^(?:model|data)\.init_args\./, 6],
      ["^seed_everything", 6],
      [/^lightning\.trainer\./, 8],
      ["^model.base_learning_rate", 6],
      [/^(?:model|data)\.target$/, 3],
      [/^data\.params\./, 3],
      ["^trainer.accumulate_grad_batches", 2],
      [/^trainer\.(?:devices|num_nodes|accelerator|strategy)$/, 2],
      ["^ckpt_path", 1],
    ]),
  rules: [
    // A callback's own `lr` (LearningRateFinder, StochasticWeightAveraging) is another knob (§0.6).
    { key: /^(?:lightning\.)?trainer\.(?:init_args\.)?callbacks\./, role: "ignore" },
    { key: /^data\.(?:init_args\.|params\.)?(?:train_)?batch_size$/, role: "micro_batch" },
    { key: /^(?:lightning\.)?trainer\.(?:init_args\.)?(?:devices|gpus)$/, role: "devices" },
    { key: /^(?:lightning\.)?trainer\.(?:init_args\.)?num_nodes$/, role: "nodes" },
    { key: /(?:^|\.)warm_up_steps$/, role: "warmup" },
    ...commonRules,
  ],
  semantics: {
    defaults: { grad_accum: 1 },
    devicesFrom: { id: "devices.lightning" },
    autoMeans: { id: "auto.lightning" },
  },
};
