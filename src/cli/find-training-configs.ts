import picomatch from "picomatch";
import { DEFAULT_FILES, DEFAULT_IGNORE } from "../config/schema.js";
import { detectFile } from "../advisor.js";
import type { BatchSetting, Role } from "../detect/types.js";
import { listWorkTree } from "../source/list-work-tree.js";
import { readRegularFile } from "../source/read-regular-file.js";

/** At most this many candidate files are read, nearest folders first: `init` answers in seconds. */
export const MAX_INIT_FILES = 1000;
/** A training config is small; a larger file is not read. */
export const MAX_INIT_FILE_BYTES = 1024 * 1024;

/** The roles that make a file a training config: a batch is set in it. */
const BATCH_ROLES: ReadonlySet<Role> = new Set(["micro_batch", "global_batch", "tokens_per_batch"]);

export interface FoundConfig {
  path: string;
  /** Framework id from the detection catalogue (`huggingface`, `deepspeed`, … or `generic`). */
  framework: string;
  /** The batch settings, with their lines. */
  settings: BatchSetting[];
}

export interface ConfigScan {
  found: FoundConfig[];
  /** Files the default `files`/`ignore` globs match. */
  matched: number;
  /** Files read (at most MAX_INIT_FILES). */
  read: number;
}

/**
 * The training configs of a repository as the bot would see them: the files its default globs
 * watch, recognised by the detection catalogue (content, not name), kept when they set a batch.
 * Files come from `git ls-files` (tracked and untracked, .gitignore respected), or a walk of the
 * folder outside git; nothing is executed, symlinks are not followed.
 * @example (await findTrainingConfigs("/repo")).found[0]
 *   // { path: "configs/ds.json", framework: "deepspeed", settings: [...] }
 */
export async function findTrainingConfigs(root: string): Promise<ConfigScan> {
  const watched = picomatch(DEFAULT_FILES, { ignore: DEFAULT_IGNORE, dot: true });
  // Paths with control characters could not be written into a YAML comment safely; no config is named so.
  const candidates = nearestFirst(
    (await listWorkTree(root)).filter((p) => watched(p) && !/[\u0000-\u001f\u007f]/.test(p)),
  );
  const found: FoundConfig[] = [];
  const toRead = candidates.slice(0, MAX_INIT_FILES);
  for (const path of toRead) {
    const file = await readRegularFile(path, { root, maxBytes: MAX_INIT_FILE_BYTES });
    if (!file.ok) continue;
    const report = detectFile(path, file.text);
    const settings = report.settings.filter((s) => BATCH_ROLES.has(s.role) && !s.source);
    if (settings.length) found.push({ path, framework: report.framework, settings });
  }
  return { found, matched: candidates.length, read: toRead.length };
}

/** Shallow paths first, then by name: a repository's own configs before deep vendored trees. */
function nearestFirst(paths: string[]): string[] {
  const depth = (p: string) => p.split("/").length;
  return [...paths].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}
