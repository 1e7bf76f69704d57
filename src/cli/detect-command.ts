import { detectChanges, type DetectResult } from "../detect/detect-changes.js";
import { detectParsed } from "../detect/detect-file.js";
import { detectionJson } from "../detect/detection-json.js";
import { withInheritance } from "../detect/inheritance.js";
import { parseConfig } from "../detect/parse/parse-config.js";
import { FilePairSource } from "../source/file-pair-source.js";
import { GitSource } from "../source/git-source.js";
import { resolve } from "node:path";
import { rootForFile } from "../source/find-repo-root.js";
import { readRegularFile } from "../source/read-regular-file.js";
import type { ChangeSource } from "../source/types.js";
import { formatDetection } from "./format-detection.js";
import type { CliIO, DetectArgs } from "./parse-args.js";

/**
 * `batch-advisor detect`: settings in files, or changes between two revisions or two files.
 * Exit codes: 0 ok, 2 some input could not be read or was refused (what could be read is still
 * printed, each refusal named).
 */
export async function detectCommand(args: DetectArgs, io: CliIO): Promise<number> {
  const result = await runDetection(args);
  io.stdout(args.json ? `${JSON.stringify(detectionJson(result), null, 2)}\n` : formatDetection(result, { compared: Boolean((args.base && args.head) || (args.old && args.new)) }));
  // The JSON contract has no place for refused files; stderr names them.
  if (args.json) for (const s of result.skipped) io.stderr(`batch-advisor: skipped ${s.path}: ${s.reason}\n`);
  const unreadable = result.skipped.length > 0 || result.files.some((f) => f.errors.length > 0);
  return unreadable ? 2 : 0;
}

async function runDetection(args: DetectArgs): Promise<DetectResult> {
  const options = { devices: args.devices };
  if (args.base && args.head) return withSkips(new GitSource({ repo: args.repo ?? ".", base: args.base, head: args.head }), options);
  if (args.old && args.new) return withSkips(new FilePairSource({ base: args.old, head: args.new }), options);
  const result: DetectResult = { files: [], changes: [], baseFiles: [], skipped: [] };
  for (const path of args.files) {
    const file = await readRegularFile(path);
    if (!file.ok) {
      result.skipped.push({ path, reason: file.missing ? "cannot be read (missing, a folder, or no permission)" : file.reason });
      continue;
    }
    // The file was typed by the user; what it inherits stays inside its repository (or folder).
    const root = rootForFile(path);
    const readInherited = async (p: string) => {
      const inherited = await readRegularFile(resolve(p), { root });
      if (!inherited.ok && !inherited.missing && !result.skipped.some((s) => s.path === p)) result.skipped.push({ path: p, reason: inherited.reason });
      return inherited.ok ? inherited.text : null;
    };
    const { config, warnings } = await withInheritance(parseConfig(path, file.text), readInherited);
    const report = detectParsed(config, options);
    report.warnings.push(...warnings);
    result.files.push(report);
  }
  return result;
}

/** Changes from a source, with the files the source refused (a symlink, a FIFO, a path outside the repository) named. */
async function withSkips(source: ChangeSource, options: { devices?: number }): Promise<DetectResult> {
  const result = await detectChanges(source, options);
  for (const s of source.skipped ?? []) if (!result.skipped.some((r) => r.path === s.path)) result.skipped.push(s);
  return result;
}
