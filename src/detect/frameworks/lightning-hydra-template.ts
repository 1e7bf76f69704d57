import { dotted, type Framework } from "./framework.js";
import { hydraRules, hydraScore } from "./hydra.js";
import type { ParsedConfig } from "../types.js";

/**
 * ashleve/lightning-hydra-template (v2, 2023+): its datamodules divide `data.batch_size` by
 * `trainer.world_size`, so the written batch is over all devices and accumulation multiplies it
 * (framework-batch-keys.md §0.1, §4). Told apart from plain Hydra by the template's own marks:
 * `_target_: src.data.…`/`src.models.…`, `${paths.…}`, `override /data:` in `defaults`, and the
 * comment it ships beside `batch_size` ("Needs to be divisible by the number of devices"). The v1
 * template (`datamodule:`, `src.datamodules.…`) did not divide, so it stays plain Hydra.
 */
export const lightningHydraTemplate: Framework = {
  id: "lightning-hydra-template",
  name: "lightning-hydra-template",
  recognise: (c) => {
    const marks = templateMarks(c);
    return marks > 0 ? hydraScore(c) + marks : 0;
  },
  rules: [{ key: /^(?:data\.)?batch_size$/, role: "global_batch" }, ...hydraRules],
  semantics: {
    globalBeforeAccum: true,
    defaults: { grad_accum: 1 },
    devicesFrom: { id: "devices.lightningHydraTemplate" },
  },
};

function templateMarks(c: ParsedConfig): number {
  let marks = 0;
  if (c.entries.some((e) => /(?:^|\.)_target_$/.test(dotted(e)) && /^src\.(?:data|models)\./.test(String(e.value))))
    marks += 12;
  if (c.entries.some((e) => /^defaults\.\d+\.override \/data$/.test(dotted(e)))) marks += 8;
  if (c.entries.some((e) => e.raw.includes("${paths."))) marks += 6;
  if (c.comments.some((comment) => /divisible by the number of devices/i.test(comment.text))) marks += 12;
  return marks;
}
