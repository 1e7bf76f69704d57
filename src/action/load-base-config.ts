import * as core from "@actions/core";
import { loadConfig, type LoadedConfig } from "../config.js";
import type { ChangeSource } from "../source/types.js";

/**
 * `.github/batch-advisor.yml` as it is at the pull request's base, never its head: a pull
 * request cannot loosen the budget it is checked against. Missing → every default.
 * Problems are logged as annotations on the config's lines and returned for the report.
 * @example (await loadBaseConfig(source, ".github/batch-advisor.yml")).config.memory.level // "warn"
 */
export async function loadBaseConfig(source: ChangeSource, path: string): Promise<LoadedConfig> {
  const text = await source.read("base", path);
  if (text === null) {
    core.info(`No ${path} at the base commit; using the defaults (docs/configuration.md)`);
    return loadConfig("", path);
  }
  const loaded = loadConfig(text, path);
  for (const e of loaded.errors) core.warning(e.message, { file: path, startLine: e.line, title: "batch-advisor config" });
  return loaded;
}
