import { commentConflicts } from "./comment-conflicts.js";
import { effectiveBatch } from "./effective-batch.js";
import { extractSettings } from "./extract-settings.js";
import type { Framework } from "./frameworks/framework.js";
import { recogniseFramework } from "./frameworks/catalogue.js";
import { generic } from "./frameworks/generic.js";
import { parseConfig } from "./parse/parse-config.js";
import { resolveInterpolations } from "./resolve-interpolation.js";
import type { BatchSetting, DetectOptions, FileReport, ParsedConfig } from "./types.js";

const BATCH_ROLES = new Set(["micro_batch", "global_batch", "tokens_per_batch"]);

/**
 * Everything batch-advisor can tell about one config file without running it: its framework,
 * batch settings with lines, and the effective batch.
 * @example detectFile("ds.json", '{"train_batch_size": 64}').effective.value // 64
 */
export function detectFile(
  path: string,
  text: string,
  options: DetectOptions & { framework?: Framework } = {},
): FileReport {
  return detectParsed(parseConfig(path, text), options);
}

/**
 * As `detectFile`, from an already parsed (and possibly inheritance-merged) config. When the chosen
 * framework's rules find no training batch but the generic rules do, the generic reading stands: a
 * framework claims a file by its evidence, but only its rules can say what a key means.
 */
export function detectParsed(
  parsed: ParsedConfig,
  options: DetectOptions & { framework?: Framework } = {},
): FileReport {
  const config = resolveInterpolations(parsed);
  let framework = options.framework ?? recogniseFramework(config);
  let settings = settingsOf(config, framework);
  if (framework !== generic && !settings.some((s) => BATCH_ROLES.has(s.role))) {
    // The generic reading, refined by the chosen framework (nanoGPT's eval_only still makes a batch an eval batch).
    const plain = settingsOf(config, generic);
    const fallback = framework.refine ? framework.refine(plain, config) : plain;
    if (fallback.some((s) => BATCH_ROLES.has(s.role))) {
      framework = generic;
      settings = fallback;
    }
  }
  const { effective, warnings } = effectiveBatch(settings, framework.semantics, options);
  return {
    path: config.path,
    format: config.format,
    framework: framework.id,
    settings,
    effective,
    warnings: [...warnings, ...commentConflicts(settings, config.comments)],
    errors: config.errors,
  };
}

/**
 * The framework's settings, refined by its own hook; a per-device batch its framework counts in
 * tokens (OpenNMT `batch_type: tokens`) is reported as tokens per device.
 */
function settingsOf(config: ParsedConfig, framework: Framework): BatchSetting[] {
  const found = framework.refine
    ? framework.refine(extractSettings(config, framework), config)
    : extractSettings(config, framework);
  const inTokens = framework.semantics?.batchUnit?.(found) === "tokens";
  return inTokens
    ? found.map((s) => (s.role === "micro_batch" ? { ...s, role: "tokens_per_batch" as const } : s))
    : found;
}
