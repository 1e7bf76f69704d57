import type { ParsedConfig } from "../types.js";
import type { Framework } from "./framework.js";
import { deepspeed } from "./deepspeed.js";
import { generic } from "./generic.js";
import { huggingface } from "./huggingface.js";
import { accelerate } from "./accelerate.js";
import { lightning } from "./lightning.js";
import { hydra } from "./hydra.js";
import { lightningHydraTemplate } from "./lightning-hydra-template.js";
import { axolotl } from "./axolotl.js";
import { torchtune } from "./torchtune.js";
import { nemo } from "./nemo.js";
import { maxtext } from "./maxtext.js";
import { ludwig } from "./ludwig.js";
import { opennmt } from "./opennmt.js";
import { litgpt } from "./litgpt.js";
import { llmfoundry } from "./llmfoundry.js";
import { torchtitan } from "./torchtitan.js";
import { ultralytics } from "./ultralytics.js";
import { detectron2 } from "./detectron2.js";
import { mmengine } from "./mmengine.js";
import { mmcv } from "./mmcv.js";
import { fairseq } from "./fairseq.js";
import { nanogpt } from "./nanogpt.js";
import { megatron } from "./megatron.js";
import { t5x } from "./t5x.js";
import { timm } from "./timm.js";
import { keras } from "./keras.js";
import { jax } from "./jax.js";
import { allennlp } from "./allennlp.js";
import { nanotron } from "./nanotron.js";

/**
 * Every framework batch-advisor knows. Add a framework as one file beside this one and one line
 * here; `generic` stays last as the fallback for a plain `batch_size`.
 */
export const catalogue: Framework[] = [
  huggingface,
  deepspeed,
  accelerate,
  lightning,
  hydra,
  lightningHydraTemplate,
  axolotl,
  torchtune,
  nemo,
  maxtext,
  ludwig,
  opennmt,
  litgpt,
  llmfoundry,
  torchtitan,
  nanotron,
  ultralytics,
  detectron2,
  mmengine,
  mmcv,
  fairseq,
  nanogpt,
  megatron,
  t5x,
  timm,
  keras,
  jax,
  allennlp,
  generic,
];

/** The framework a config most looks like; `generic` when none claims it. */
export function recogniseFramework(config: ParsedConfig, frameworks: Framework[] = catalogue): Framework {
  let best = generic;
  let bestScore = 0;
  for (const f of frameworks) {
    const s = f.recognise(config);
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  return best;
}

/** Looks a framework up by id, for configs that name theirs (`framework: deepspeed` in the bot config). */
export function frameworkById(id: string): Framework | undefined {
  return catalogue.find((f) => f.id === id);
}
