import type { BatchSetting } from "../detect/types.js";
import type { OptimizerFamily } from "./types.js";

/** Optimizers frameworks use when the config names none. */
const FRAMEWORK_DEFAULTS: Record<string, string> = {
  huggingface: "adamw_torch",
  nanogpt: "adamw",
  megatron: "adam",
  timm: "sgd",
  detectron2: "sgd-momentum",
};

/**
 * Groups an optimizer name the way the learning-rate rules need: adaptive (Adam, AdamW, LAMB,
 * Adafactor, RMSprop, Lion… — square-root rule) or SGD (linear rule).
 * @example optimizerFamily("paged_adamw_8bit") // "adam"
 * @example optimizerFamily(undefined, "detectron2") // "sgd-momentum"
 */
export function optimizerFamily(
  name: string | null | undefined,
  framework?: string,
): { family: OptimizerFamily; name: string | null; fromDefault: boolean } {
  const given = typeof name === "string" && name.trim() !== "" && name.toLowerCase() !== "auto" ? name : undefined;
  const resolved = given ?? (framework ? FRAMEWORK_DEFAULTS[framework] : undefined);
  if (!resolved) return { family: "unknown", name: typeof name === "string" ? name : null, fromDefault: false };
  const n = resolved.toLowerCase();
  const family: OptimizerFamily =
    /adam|lamb|lars?\b|adafactor|rmsprop|adagrad|adadelta|lion|sophia|nadam|radam|came|shampoo/.test(n)
      ? "adam"
      : /momentum|nesterov|sgd-momentum/.test(n)
        ? "sgd-momentum"
        : /sgd/.test(n)
          ? "sgd"
          : "unknown";
  return { family, name: resolved, fromDefault: given === undefined };
}

/**
 * The optimizer a config file trains with: its own optimizer setting, else `model.optimizer` from
 * `.github/batch-advisor.yml`, else the framework's default.
 * @example fileOptimizer({ settings: file.settings, hint: "sgd", framework: "huggingface" }).family
 */
export function fileOptimizer(options: {
  settings: BatchSetting[];
  hint?: string;
  framework: string;
}): ReturnType<typeof optimizerFamily> {
  const value = options.settings.find((s) => s.role === "optimizer")?.value;
  return optimizerFamily(typeof value === "string" ? value : options.hint, options.framework);
}
