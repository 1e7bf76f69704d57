import { resolve } from "node:path";
import { detectFiles, detectGroups, detectionJson } from "../advisor.js";
import type { DetectResult } from "../detect/detect-changes.js";
import { FilePairSource } from "../source/file-pair-source.js";
import { findRepoRoot } from "../source/find-repo-root.js";
import { GitSource } from "../source/git-source.js";
import type { ChangeSource } from "../source/types.js";
import { formatDetection } from "./format-detection.js";
import { loadCliConfig, type CliConfigFrom } from "./load-cli-config.js";
import type { CliIO, DetectArgs } from "./parse-args.js";

/**
 * `batch-advisor detect`: settings in files, or changes between two revisions or two files, read
 * by the same detection `analyze` runs first (the bot config's `files`, `ignore` and `devices`,
 * inherited bases, launch-script devices). Exit codes: 0 ok, 2 some input (or the bot config)
 * could not be read or was refused (what could be read is still printed, each refusal named).
 */
export async function detectCommand(args: DetectArgs, io: CliIO): Promise<number> {
  const { result, configUnusable } = await runDetection(args, io);
  io.stdout(
    args.json
      ? `${JSON.stringify(detectionJson(result), null, 2)}\n`
      : formatDetection(result, { compared: Boolean((args.base && args.head) || (args.old && args.new)) }),
  );
  // The JSON contract has no place for refused files; stderr names them.
  if (args.json) for (const s of result.skipped) io.stderr(`batch-advisor: skipped ${s.path}: ${s.reason}\n`);
  const unreadable = configUnusable || result.skipped.length > 0 || result.files.some((f) => f.errors.length > 0);
  return unreadable ? 2 : 0;
}

async function runDetection(args: DetectArgs, io: CliIO): Promise<{ result: DetectResult; configUnusable: boolean }> {
  const source = sourceFor(args);
  if (!source) return { result: await detectFiles(args.files, { devices: args.devices }), configUnusable: false };
  // A comparison is step 1 of `analyze`, with the bot config `analyze` would read.
  const loaded = await loadCliConfig(configFrom(args, source));
  for (const e of loaded.errors) io.stderr(`batch-advisor: ${e.key ? `${e.key}: ` : ""}${e.message}\n`);
  const { detection } = await detectGroups(source, loaded.config, { devices: args.devices });
  // Files the source refused (a symlink, a FIFO, a path outside the repository) are named too.
  for (const s of source.skipped ?? [])
    if (!detection.skipped.some((r) => r.path === s.path)) detection.skipped.push(s);
  return { result: detection, configUnusable: loaded.unusable };
}

function sourceFor(args: DetectArgs): ChangeSource | undefined {
  if (args.base && args.head) return new GitSource({ repo: args.repo ?? ".", base: args.base, head: args.head });
  if (args.old && args.new) return new FilePairSource({ base: args.old, head: args.new });
  return undefined;
}

function configFrom(args: DetectArgs, source: ChangeSource): CliConfigFrom {
  if (source instanceof GitSource) return { kind: "git", source, base: args.base! };
  const root = args.repo ? resolve(args.repo) : (findRepoRoot(process.cwd()) ?? process.cwd());
  return { kind: "worktree", root };
}
