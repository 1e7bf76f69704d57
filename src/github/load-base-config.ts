import { loadConfig, type LoadedConfig } from "../config.js";
import type { ChangeSource } from "../source/types.js";

/** Where a front sends what loading the config found: the Actions log with annotations, or the App's logger. */
export interface ConfigLog {
  info(message: string): void;
  warning(message: string, at: { file: string; line?: number }): void;
}

/** Where the bot config lives unless the Action's `config` input says otherwise. */
export const BOT_CONFIG_PATH = ".github/batch-advisor.yml";

const SILENT: ConfigLog = { info: () => {}, warning: () => {} };

/**
 * `.github/batch-advisor.yml` as it is at the pull request's base, never its head: a pull
 * request cannot loosen the budget it is checked against. Missing → every default.
 * Problems are logged on the config's lines and returned for the report.
 * @example (await loadBaseConfig(source, ".github/batch-advisor.yml")).config.memory.level // "warn"
 */
export async function loadBaseConfig(
  source: ChangeSource,
  path: string,
  log: ConfigLog = SILENT,
): Promise<LoadedConfig> {
  const text = await source.read("base", path);
  if (text === null) {
    log.info(`No ${path} at the base commit; using the defaults (docs/configuration.md)`);
    return loadConfig("", path);
  }
  const loaded = loadConfig(text, path);
  for (const e of loaded.errors) log.warning(e.message, { file: path, line: e.line });
  return loaded;
}
