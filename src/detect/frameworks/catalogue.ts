import type { ParsedConfig } from "../types.js";
import type { Framework } from "./framework.js";
import { deepspeed } from "./deepspeed.js";
import { generic } from "./generic.js";
import { huggingface } from "./huggingface.js";

/**
 * Every framework batch-advisor knows. Add a framework as one file beside this one and one line
 * here; `generic` stays last as the fallback for a plain `batch_size`.
 */
export const catalogue: Framework[] = [
  huggingface,
  deepspeed,
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
