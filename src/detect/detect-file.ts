import { commentConflicts } from "./comment-conflicts.js";
import { effectiveBatch } from "./effective-batch.js";
import { extractSettings } from "./extract-settings.js";
import type { Framework } from "./frameworks/framework.js";
import { recogniseFramework } from "./frameworks/catalogue.js";
import { parseConfig } from "./parse/parse-config.js";
import type { DetectOptions, FileReport, ParsedConfig } from "./types.js";

/**
 * Everything batch-advisor can tell about one config file without running it: its framework,
 * batch settings with lines, and the effective batch.
 * @example detectFile("ds.json", '{"train_batch_size": 64}').effective.value // 64
 */
export function detectFile(path: string, text: string, options: DetectOptions & { framework?: Framework } = {}): FileReport {
  return detectParsed(parseConfig(path, text), options);
}

/** As `detectFile`, from an already parsed (and possibly inheritance-merged) config. */
export function detectParsed(config: ParsedConfig, options: DetectOptions & { framework?: Framework } = {}): FileReport {
  const framework = options.framework ?? recogniseFramework(config);
  const settings = extractSettings(config, framework);
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
