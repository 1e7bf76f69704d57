import { detectChanges, type DetectResult } from "../detect/detect-changes.js";
import { detectParsed } from "../detect/detect-file.js";
import { detectionJson } from "../detect/detection-json.js";
import { withInheritance } from "../detect/inheritance.js";
import { parseConfig } from "../detect/parse/parse-config.js";
import { FilePairSource } from "../source/file-pair-source.js";
import { GitSource } from "../source/git-source.js";
import { readLocalFile } from "../source/read-local-file.js";
import { formatDetection } from "./format-detection.js";
import type { CliIO, DetectArgs } from "./parse-args.js";

/**
 * `batch-advisor detect`: settings in files, or changes between two revisions or two files.
 * Exit codes: 0 ok, 2 some input could not be read (what could be read is still printed).
 */
export async function detectCommand(args: DetectArgs, io: CliIO): Promise<number> {
  const result = await runDetection(args);
  io.stdout(args.json ? `${JSON.stringify(detectionJson(result), null, 2)}\n` : formatDetection(result, { compared: Boolean((args.base && args.head) || (args.old && args.new)) }));
  const unreadable = result.skipped.length > 0 || result.files.some((f) => f.errors.length > 0);
  return unreadable ? 2 : 0;
}

async function runDetection(args: DetectArgs): Promise<DetectResult> {
  const options = { devices: args.devices };
  if (args.base && args.head) return detectChanges(new GitSource({ repo: args.repo ?? ".", base: args.base, head: args.head }), options);
  if (args.old && args.new) return detectChanges(new FilePairSource({ base: args.old, head: args.new }), options);
  const result: DetectResult = { files: [], changes: [], baseFiles: [], skipped: [] };
  for (const path of args.files) {
    const text = await readLocalFile(path);
    if (text === null) {
      result.skipped.push({ path, reason: "cannot be read (missing, a folder, or no permission)" });
      continue;
    }
    const { config, warnings } = await withInheritance(parseConfig(path, text), readLocalFile);
    const report = detectParsed(config, options);
    report.warnings.push(...warnings);
    result.files.push(report);
  }
  return result;
}
