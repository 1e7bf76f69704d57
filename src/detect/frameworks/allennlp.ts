import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";

/**
 * AllenNLP training configs (Jsonnet or JSON): `data_loader.batch_size` (or its `batch_sampler`'s)
 * is the batch of one worker; without a `distributed` section `allennlp train` runs one worker, with
 * one it runs one per `distributed.cuda_devices` entry; `trainer.num_gradient_accumulation_steps`
 * multiplies it.
 */
export const allennlp: Framework = {
  id: "allennlp",
  name: "AllenNLP",
  recognise: (c) =>
    score(c, [
      ["^dataset_reader.type", 6],
      [/^distributed\.cuda_devices(?:\.\d+)?$/, 6],
      ["^train_data_path", 4],
      [/^data_loader\.(?:batch_sampler\.)?batch_size$/, 4],
      ["^trainer.num_gradient_accumulation_steps", 4],
      ["^trainer.num_epochs", 2],
    ]),
  rules: [
    { key: /^validation_data_loader\./, role: "ignore" },
    { key: /^data_loader\.(?:batch_sampler\.)?batch_size$/, role: "micro_batch" },
    { key: "^distributed.cuda_devices", role: "devices" },
    { key: "^trainer.num_gradient_accumulation_steps", role: "grad_accum" },
    { key: "^trainer.num_epochs", role: "epochs" },
    ...commonRules,
  ],
  semantics: {
    defaults: { devices: 1, grad_accum: 1 },
    defaultsFrom: "AllenNLP",
    devicesFrom: { id: "devices.from", params: { what: "distributed.cuda_devices" } },
  },
};
