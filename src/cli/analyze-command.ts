import { detectChanges } from "../detect/detect-changes.js";
import { detectionJson } from "../detect/detection-json.js";
import { FilePairSource } from "../source/file-pair-source.js";
import { GitSource } from "../source/git-source.js";
import type { ChangeSource } from "../source/types.js";
import { BUNDLED_EXAMPLE } from "./bundled-example.js";
import { formatDetection } from "./format-detection.js";
import type { AnalyzeArgs, CliIO } from "./parse-args.js";

/** `batch-advisor analyze`: with no inputs, the bundled example. */
export async function analyzeCommand(args: AnalyzeArgs, io: CliIO): Promise<number> {
  const source = sourceFor(args);
  const result = await detectChanges(source, { devices: args.devices });
  io.stdout(args.json ? `${JSON.stringify(detectionJson(result), null, 2)}\n` : `batch-advisor: ${source.description}\n\n${formatDetection(result)}`);
  return result.skipped.length || result.files.some((f) => f.errors.length) ? 2 : 0;
}

export function sourceFor(args: Pick<AnalyzeArgs, "files" | "base" | "head" | "repo">): ChangeSource {
  if (args.base && args.head) return new GitSource({ repo: args.repo ?? ".", base: args.base, head: args.head });
  if (args.files.length === 2) return new FilePairSource({ base: args.files[0], head: args.files[1] });
  return new FilePairSource(BUNDLED_EXAMPLE);
}
