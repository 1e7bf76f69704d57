import { writeFile } from "node:fs/promises";
import { analyze } from "../advisor.js";
import { renderJson } from "../report/render-json.js";
import { FilePairSource } from "../source/file-pair-source.js";
import { GitSource } from "../source/git-source.js";
import type { ChangeSource } from "../source/types.js";
import { BUNDLED_EXAMPLE } from "./bundled-example.js";
import { loadCliConfig } from "./load-cli-config.js";
import type { AnalyzeArgs, CliIO } from "./parse-args.js";
import { progressPrinter } from "./progress-printer.js";

/**
 * `batch-advisor analyze`: the full report for two revisions, two files, or (no inputs) the
 * bundled example. Exit codes: 0 ok, 2 some input could not be read, 3 over the memory budget
 * at level error.
 */
export async function analyzeCommand(args: AnalyzeArgs, io: CliIO): Promise<number> {
  const example = !args.base && args.files.length === 0;
  const source = sourceFor(args);
  const { config, errors } = await loadCliConfig({
    configPath: args.config ?? (example ? BUNDLED_EXAMPLE.config : undefined),
    source,
    repo: args.repo,
    fromBase: Boolean(args.base),
  });
  const progress = progressPrinter(io.stderr, io.isTTY);
  const report = await analyze(source, config, {
    language: args.lang as "en" | "zh-TW" | undefined,
    quick: args.quick,
    backend: args.backend,
    devices: args.devices,
    proxyModelPath: args.proxyModel,
    dataPath: args.data,
    baseDir: args.repo ?? process.cwd(),
    configErrors: errors,
    onProgress: progress.handler,
  });
  progress.done();
  if (args.out) await writeFile(args.out, renderJson(report));
  io.stdout(args.json ? renderJson(report) : `${report.markdown}\n`);
  io.stderr(`${report.summary} (${report.timings.total.toFixed(1)} s)\n`);
  if (report.overBudget) return 3;
  return report.skipped.length || report.files.some((f) => f.errors.length) ? 2 : 0;
}

function sourceFor(args: Pick<AnalyzeArgs, "files" | "base" | "head" | "repo">): ChangeSource {
  if (args.base && args.head) return new GitSource({ repo: args.repo ?? ".", base: args.base, head: args.head });
  if (args.files.length === 2) return new FilePairSource({ base: args.files[0], head: args.files[1] });
  return new FilePairSource(BUNDLED_EXAMPLE);
}
