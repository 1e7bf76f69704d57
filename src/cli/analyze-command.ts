import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { analyze } from "../advisor.js";
import { PROXY_DATA, PROXY_MODELS } from "../config/schema.js";
import { renderJson } from "../report/render-json.js";
import { FilePairSource } from "../source/file-pair-source.js";
import { findRepoRoot } from "../source/find-repo-root.js";
import { GitSource } from "../source/git-source.js";
import { openRegularFile } from "../source/read-regular-file.js";
import type { ChangeSource } from "../source/types.js";
import { BUNDLED_EXAMPLE } from "./bundled-example.js";
import { loadCliConfig, type CliConfigFrom } from "./load-cli-config.js";
import type { AnalyzeArgs, CliIO } from "./parse-args.js";
import { progressPrinter } from "./progress-printer.js";

/** Keys under which the advisor reports a file the run was asked to use and could not. */
const UNUSABLE_KEYS = new Set(["proxy", "proxy.model", "proxy.data", "model.configJson"]);

/**
 * `batch-advisor analyze`: the full report for two revisions, two files, or (no inputs) the
 * bundled example. Exit codes: 0 ok, 2 some input could not be read or used (each named on
 * stderr; the report still says what could be done), 3 over the memory budget at level error.
 */
export async function analyzeCommand(args: AnalyzeArgs, io: CliIO): Promise<number> {
  const example = !args.base && args.files.length === 0;
  const repoRoot = args.repo ? resolve(args.repo) : (findRepoRoot(process.cwd()) ?? process.cwd());
  const source = sourceFor(args);
  const loaded = await loadCliConfig(configFrom({ args, source, example, repoRoot }));
  // Paths typed on the command line are the user's: resolved against the current folder, read wherever they are.
  // A built-in name (`--data mnist`) is passed as is.
  const proxyModelPath = typedPath(args.proxyModel, PROXY_MODELS);
  const dataPath = typedPath(args.data, PROXY_DATA);
  const measurementsPath = args.measurements === undefined ? undefined : resolve(args.measurements);
  const requested = await checkRequested({
    "--measurements": [args.measurements, measurementsPath],
    "--proxy-model": [args.proxyModel, PROXY_MODELS.some((m) => m === args.proxyModel) ? undefined : proxyModelPath],
    "--data": [args.data, PROXY_DATA.some((d) => d === args.data) ? undefined : dataPath],
  });
  const progress = progressPrinter(io.stderr, io.isTTY);
  const report = await analyze(source, loaded.config, {
    language: args.lang as "en" | "zh-TW" | undefined,
    quick: args.quick,
    backend: args.backend,
    devices: args.devices,
    proxyModelPath,
    dataPath,
    measurementsPath,
    baseDir: repoRoot,
    configErrors: loaded.errors,
    onProgress: progress.handler,
  });
  progress.done();
  if (args.out) await writeFile(args.out, renderJson(report));
  io.stdout(args.json ? renderJson(report) : `${report.markdown}\n`);

  // What could not be used goes to stderr too, so a script sees it without parsing the report.
  const added = report.configErrors.slice(loaded.errors.length);
  for (const e of loaded.errors) io.stderr(`batch-advisor: ${e.message}\n`);
  for (const e of added) io.stderr(`batch-advisor: ${e.key ? `${e.key}: ` : ""}${e.message}\n`);
  const proxyFailed = added.some((e) => e.key.startsWith("proxy"));
  for (const problem of requested) if (!proxyFailed) io.stderr(`batch-advisor: ${problem}\n`);
  for (const s of report.skipped) io.stderr(`batch-advisor: skipped ${s.path}: ${s.reason}\n`);
  io.stderr(`${report.summary} (${report.timings.total.toFixed(1)} s)\n`);

  if (report.overBudget) return 3;
  const unusable = loaded.unusable || requested.length > 0 || added.some((e) => UNUSABLE_KEYS.has(e.key));
  return unusable || report.skipped.length || report.files.some((f) => f.errors.length) ? 2 : 0;
}

function sourceFor(args: Pick<AnalyzeArgs, "files" | "base" | "head" | "repo">): ChangeSource {
  if (args.base && args.head) return new GitSource({ repo: args.repo ?? ".", base: args.base, head: args.head });
  if (args.files.length === 2) return new FilePairSource({ base: args.files[0], head: args.files[1] });
  return new FilePairSource(BUNDLED_EXAMPLE);
}

function configFrom(args: {
  args: AnalyzeArgs;
  source: ChangeSource;
  example: boolean;
  repoRoot: string;
}): CliConfigFrom {
  const { args: cli, source, example, repoRoot } = args;
  if (cli.config !== undefined) return { kind: "file", path: cli.config };
  if (example) return { kind: "file", path: BUNDLED_EXAMPLE.config };
  if (source instanceof GitSource) return { kind: "git", source, base: cli.base! };
  return { kind: "worktree", root: repoRoot };
}

function typedPath(value: string | undefined, builtIn: readonly string[]): string | undefined {
  if (value === undefined || value === "auto") return undefined;
  if (builtIn.includes(value)) return value;
  return resolve(value);
}

/**
 * The files the user asked for by flag, checked at once (exists, a regular file), before any
 * training: one sentence per flag that cannot be used. The proxy reads them again and names
 * any problem with their contents.
 */
async function checkRequested(
  flags: Record<string, [typed: string | undefined, path: string | undefined]>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [flag, [typed, path]] of Object.entries(flags)) {
    if (path === undefined) continue;
    const opened = await openRegularFile(path, { maxBytes: Number.MAX_SAFE_INTEGER });
    if (opened.ok) await opened.handle.close();
    else problems.push(`${flag} ${typed}: ${opened.reason}`);
  }
  return problems;
}
