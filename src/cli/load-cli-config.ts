import { join } from "node:path";
import { defaultConfig, loadConfig, type LoadedConfig } from "../config.js";
import { BOT_CONFIG_PATH } from "../github/load-base-config.js";
import { readLocalFile } from "../source/read-local-file.js";
import type { ChangeSource } from "../source/types.js";

/**
 * The bot config for a CLI run: `--config FILE` if given; else `.github/batch-advisor.yml` at the
 * base revision (so a change cannot loosen its own budget), else in the working folder; else defaults.
 */
export async function loadCliConfig(args: { configPath?: string; source: ChangeSource; repo?: string; fromBase: boolean }): Promise<LoadedConfig> {
  if (args.configPath) {
    const text = await readLocalFile(args.configPath);
    if (text === null) return { config: defaultConfig(), errors: [{ key: "", message: `${args.configPath}: cannot be read; using the defaults` }] };
    return loadConfig(text, args.configPath);
  }
  const text = (args.fromBase ? await args.source.read("base", BOT_CONFIG_PATH) : null) ?? (await readLocalFile(join(args.repo ?? ".", BOT_CONFIG_PATH)));
  return text === null ? { config: defaultConfig(), errors: [] } : loadConfig(text, BOT_CONFIG_PATH);
}
