import { detectConfig, launchSearch } from "./detect-config.js";
import { diffSettings } from "./diff-settings.js";
import { findInheritors } from "./find-inheritors.js";
import { launchReferences } from "./launch-references.js";
import { formatOf, parseConfig } from "./parse/parse-config.js";
import { budgetReason, readBudget } from "./read-budget.js";
import type { ChangeSource, ChangedFile } from "../source/types.js";
import type { SkipReason, Skipped } from "./skip-reason.js";
import type { BatchChange, DetectOptions, Entry, FileReport } from "./types.js";

/** Bound on changed config files read per run; the rest are listed as skipped. */
export const MAX_CHANGED_CONFIGS = 300;

export interface DetectResult {
  /** Head-side report of every config that has batch settings or could not be read. */
  files: FileReport[];
  changes: BatchChange[];
  /** Base-side report of each head file that had a base, under the head's path (estimates read the old batch from it).
   * */
  baseFiles: FileReport[];
  /** Changed configs not analysed, with the reason (more than MAX_CHANGED_CONFIGS; the CLI adds unreadable files). A
   * binary file is in `files` with an error. */
  skipped: Skipped[];
  /** The parsed (inheritance-merged) entries of each reported file, by head path: the workload stage reads the model,
   * method and precision from them. */
  entries?: Map<string, { head: Entry[]; base?: Entry[] }>;
}

export interface DetectChangesOptions extends DetectOptions {
  /** Which changed paths to consider (the bot config's `files` globs); default: anything that parses as a config. */
  watch?: (path: string) => boolean;
  /** Bytes read for detection per run (default MAX_DETECT_BYTES, src/detect/read-budget.ts); past it, files are
   * skipped. */
  maxDetectBytes?: number;
}

/**
 * Every batch-size change between the two sides of a source, including changes to inherited
 * base files, reported on each config that inherits them.
 * @example const { changes } = await detectChanges(new GitSource({ repo: ".", base: "main", head: "HEAD" }));
 */
export async function detectChanges(source: ChangeSource, options: DetectChangesOptions = {}): Promise<DetectResult> {
  const skipped: DetectResult["skipped"] = [];
  const changed = (await source.changedFiles()).filter((f) => isCandidate(f, options));
  const analysed = changed.slice(0, MAX_CHANGED_CONFIGS);
  for (const f of changed.slice(MAX_CHANGED_CONFIGS))
    skipped.push({
      path: f.path,
      reason: `more than ${MAX_CHANGED_CONFIGS} changed configs`,
      why: { id: "skip.tooManyConfigs", params: { max: MAX_CHANGED_CONFIGS } },
    });
  // Every read below goes through one budget of bytes; a config whose reads it cut short is dropped
  // whole and named, so no half-read config is reported as if it were read.
  const budget = readBudget(source, options.maxDetectBytes);
  const read = budget.read;

  const pairs: Array<{ path: string; basePath: string | null; launched?: boolean }> = analysed.map((f) => ({
    path: f.path,
    basePath: f.status === "added" ? null : (f.previousPath ?? f.path),
  }));
  // A base file that changed affects every config that inherits it. With no changed config there is
  // no base to look for, so the head tree (a GitHub API call, a `git ls-tree`) is not listed.
  const changedPaths = new Set(pairs.map((p) => p.path));
  let headFiles: Promise<string[]> | undefined;
  const listHead = () => (headFiles ??= source.list("head"));
  const inheritors = pairs.length
    ? await findInheritors({ changed: [...changedPaths], files: await listHead(), read: (p) => read("head", p) })
    : [];
  // Devices a config leaves to its launcher, from the launch scripts of each side, so a PR that
  // changes only a GPU count changes the effective batch. Both sides search the head's file list
  // (the base tree is not listed again: one more API call per run through the GitHub source).
  const launch = launchSearch({ files: listHead, read: (p) => read("head", p) });
  const baseLaunch = launchSearch({ files: listHead, read: (p) => read("base", p) });
  for (const path of inheritors) if (!changedPaths.has(path)) pairs.push({ path, basePath: path });
  // A changed launch script changes every config it runs, at either side of the PR.
  const launchers = new Map<string, string[]>();
  const scripts = analysed.filter((f) => formatOf(f.path, "") === "shell");
  if (scripts.length) {
    const tree = new Set(await listHead());
    for (const f of scripts) {
      const refusedBefore = budget.refusals();
      const sides = [
        await read("head", f.path),
        f.status === "added" ? null : await read("base", f.previousPath ?? f.path),
      ];
      if (budget.refusals() > refusedBefore) continue;
      const configs = new Set(
        sides.flatMap((text) =>
          text === null ? [] : launchReferences(parseConfig(f.path, text), tree).map((r) => r.config),
        ),
      );
      launchers.set(f.path, [...configs]);
      for (const config of configs) {
        if (pairs.some((p) => p.path === config)) continue;
        pairs.push({ path: config, basePath: config, launched: true });
        changedPaths.add(config);
      }
    }
  }

  const files: FileReport[] = [];
  const changes: BatchChange[] = [];
  const baseFiles: FileReport[] = [];
  const entries: NonNullable<DetectResult["entries"]> = new Map();
  const dropped: string[] = [];
  // Where the pair being read began, so one the budget cut short is taken back out (checked before the next).
  let open: { path: string; refused: number; files: number; changes: number; baseFiles: number } | undefined;
  const closeOpen = () => {
    if (open && budget.refusals() > open.refused) {
      files.length = open.files;
      changes.length = open.changes;
      baseFiles.length = open.baseFiles;
      entries.delete(open.path);
      dropped.push(open.path);
    }
    open = undefined;
  };
  for (const pair of pairs) {
    closeOpen();
    if (budget.spent()) {
      dropped.push(pair.path);
      continue;
    }
    const counts = { files: files.length, changes: changes.length, baseFiles: baseFiles.length };
    open = { path: pair.path, refused: budget.refusals(), ...counts };
    const head = await detectConfig({
      path: pair.path,
      read: (p) => read("head", p),
      launch,
      devices: options.devices,
      keep: (c) => entries.set(pair.path, { head: c.entries }),
    });
    if (!head) continue;
    // A file a changed script runs counts only when it sets a batch (an accelerate config sets devices).
    if (pair.launched && !setsBatch(head)) continue;
    if (head.settings.length || head.errors.length) files.push(head);
    // A head that does not parse at all is reported with its errors, not as every setting removed.
    if (head.errors.length && !head.settings.length) continue;
    // Both sides are read as the head's framework, so a key added in the PR cannot flip the meaning of
    // the others; the base's devices come from the head's launch scripts, under the head's path.
    if (!pair.basePath) continue;
    const base = await detectConfig({
      path: pair.basePath,
      read: (p) => read("base", p),
      launch: () => baseLaunch(pair.basePath ?? pair.path),
      devices: options.devices,
      frameworkId: head.framework,
      keep: (c) => {
        const kept = entries.get(pair.path);
        if (kept) kept.base = c.entries;
      },
    });
    if (!base) continue;
    const underHeadPath = { ...base, path: head.path };
    baseFiles.push(underHeadPath);
    changes.push(...diffSettings(underHeadPath, head));
  }
  closeOpen();
  const notRead = budgetReason(budget.maxBytes);
  const why: SkipReason = { id: "skip.runBudget", params: { max: Math.round(budget.maxBytes / 10485.76) / 100 } };
  for (const path of new Set([...dropped, ...budget.refused]))
    if (!skipped.some((s) => s.path === path)) skipped.push({ path, reason: notRead, why });
  return {
    files: files.filter((f) => !reportedThrough(f, launchers, files)),
    changes: changes.filter((c) => !reportedThrough(c, launchers, files)),
    baseFiles,
    skipped,
    entries,
  };
}

function isCandidate(file: ChangedFile, options: DetectChangesOptions): boolean {
  if (file.status === "removed") return false;
  if (/(^|\/)(node_modules|\.git)\//.test(file.path)) return false;
  if (options.watch) return options.watch(file.path);
  return formatOf(file.path, "") !== "text";
}

/**
 * A launch script that sets no batch itself, whose device change is reported on each config it runs:
 * the script's own reading (devices, batch unknown) would only repeat it without the batch.
 */
function reportedThrough(item: { path: string }, launchers: Map<string, string[]>, files: FileReport[]): boolean {
  const configs = launchers.get(item.path);
  if (!configs?.length) return false;
  const own = files.find((f) => f.path === item.path);
  if (own && setsBatch(own)) return false;
  return configs.some((c) => files.some((f) => f.path === c));
}

function setsBatch(report: FileReport): boolean {
  return report.settings.some(
    (s) => s.role === "micro_batch" || s.role === "global_batch" || s.role === "tokens_per_batch",
  );
}
