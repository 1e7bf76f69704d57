import { join, resolve } from "node:path";
import { defaultConfig, loadConfig, type LoadedConfig } from "../config.js";
import { BOT_CONFIG_PATH } from "../github/load-base-config.js";
import type { GitSource } from "../source/git-source.js";
import { readRegularFile } from "../source/read-regular-file.js";

/** Where a CLI run's bot config comes from. */
export type CliConfigFrom =
  /** `--config FILE` (or the bundled example's): a path the user typed, relative to the current folder. */
  | { kind: "file"; path: string }
  /** `--base/--head`: `.github/batch-advisor.yml` at the base revision, through git only, so a change cannot loosen its
   * own budget. */
  | { kind: "git"; source: GitSource; base: string }
  /** Two plain files: `.github/batch-advisor.yml` in the working tree of `root`, a regular file inside it. */
  | { kind: "worktree"; root: string };

/**
 * The bot config for a CLI run, never from a symlink out of the repository nor, for a git run,
 * from the working tree. A config that exists but cannot be used is an error on the whole file
 * and `unusable` is set (the CLI exits 2); a missing one gives every default.
 * @example await loadCliConfig({ kind: "git", source, base: "main" })
 */
export async function loadCliConfig(from: CliConfigFrom): Promise<LoadedConfig & { unusable: boolean }> {
  if (from.kind === "file") {
    const file = await readRegularFile(resolve(from.path));
    if (!file.ok) return refused(`${from.path}: ${file.reason}; using the defaults`);
    return { ...loadConfig(file.text, from.path), unusable: false };
  }
  if (from.kind === "git") {
    const file = await from.source.readFile("base", BOT_CONFIG_PATH);
    if ("text" in file) return { ...loadConfig(file.text, BOT_CONFIG_PATH), unusable: false };
    if (file.missing) return { config: defaultConfig(), errors: [], unusable: false };
    return refused(`${BOT_CONFIG_PATH} at ${from.base}: ${file.reason}; the config was refused and the defaults apply`);
  }
  const file = await readRegularFile(join(from.root, BOT_CONFIG_PATH), { root: from.root });
  if (file.ok) return { ...loadConfig(file.text, BOT_CONFIG_PATH), unusable: false };
  if (file.missing) return { config: defaultConfig(), errors: [], unusable: false };
  return refused(`${BOT_CONFIG_PATH}: ${file.reason}; the config was refused and the defaults apply`);
}

function refused(message: string): LoadedConfig & { unusable: boolean } {
  return { config: defaultConfig(), errors: [{ key: "", message }], unusable: true };
}
