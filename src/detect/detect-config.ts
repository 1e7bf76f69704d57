import { detectParsed } from "./detect-file.js";
import { findLaunchDevices, type LaunchDevices } from "./find-launch-devices.js";
import { frameworkById, recogniseFramework } from "./frameworks/catalogue.js";
import { withInheritance, type ReadAt } from "./inheritance.js";
import { formatOf, parseConfig } from "./parse/parse-config.js";
import { readJsonnetImports } from "./parse/jsonnet-imports.js";
import { resolveInterpolations } from "./resolve-interpolation.js";
import type { DetectOptions, FileReport, ParsedConfig } from "./types.js";

/** The devices a launch script in the tree gives a config, searched once per config and run. */
export type LaunchSearch = (configPath: string) => Promise<LaunchDevices | undefined>;

export interface DetectConfigArgs extends DetectOptions {
  path: string;
  /** Reads a file of the same tree (the config itself, its bases, launch scripts). */
  read: ReadAt;
  /** Every file of the tree, for the launch-script search; without it no script is searched. */
  files?: () => Promise<string[]>;
  /** A memoised launch search shared by both sides of a change; defaults to searching `files`. */
  launch?: LaunchSearch;
  /** Read the file as this framework (the head's, so a key added in a PR cannot flip the base's meaning). */
  frameworkId?: string;
  /** Receives the merged config, for stages after detection (the workload reads the model from it). */
  keep?: (config: ParsedConfig) => void;
}

/**
 * Everything batch-advisor reads about one config in its tree: parsed, merged with the files it
 * inherits, its framework recognised, its settings and effective batch, and — when it leaves the
 * device count to its launcher — the devices of the launch script that names it. The one path
 * `batch-advisor detect`, `analyze`, the Action and the App share; null when the file is absent.
 * @example await detectConfig({ path: "configs/sft.yaml", read, files }) // FileReport, devices from scripts/train.sh
 */
export async function detectConfig(args: DetectConfigArgs): Promise<FileReport | null> {
  const { path, read } = args;
  const text = await read(path);
  if (text === null) return null;
  if (text.includes("\u0000"))
    return { ...emptyReport(path), errors: [{ message: "Binary file; not read", problem: { id: "parse.binary" } }] };
  // Jsonnet imports inside the repository are read first: the parser itself does no I/O.
  const jsonnetImports = formatOf(path, text) === "jsonnet" ? await readJsonnetImports(path, text, read) : undefined;
  const merged = await withInheritance(parseConfig(path, text, undefined, { jsonnetImports }), read);
  // `${…}` resolved over the composed config, so the workload stage reads the same values.
  const config = resolveInterpolations(merged.config);
  const { warnings } = merged;
  args.keep?.(config);
  const framework = (args.frameworkId && frameworkById(args.frameworkId)) || recogniseFramework(config);
  let report = detectParsed(config, { devices: args.devices, framework });
  // Only worth the search (reads of scripts) for a file that sets a batch at all.
  const setsBatch = report.settings.some(
    (s) => s.role === "micro_batch" || s.role === "global_batch" || s.role === "tokens_per_batch",
  );
  if (args.devices === undefined && report.effective.parts.devices == null && setsBatch && config.format !== "shell") {
    const launch = args.launch ?? (args.files ? launchSearch({ files: args.files, read }) : undefined);
    const found = await launch?.(path);
    if (found) {
      report = detectParsed(config, { devices: found.devices, framework });
      report.effective.formula += ` — devices from ${found.from}`;
      // The launcher's settings, under the script that writes them: a PR that edits only the GPU
      // count changes them, and the diff reports that change on this config.
      report.settings.push(...found.settings);
    }
  }
  report.warnings.push(...warnings);
  return report;
}

/** A launch-script search over one tree, each config searched once. */
export function launchSearch(args: { files: () => Promise<string[]>; read: ReadAt }): LaunchSearch {
  const memo = new Map<string, ReturnType<LaunchSearch>>();
  return (configPath) => {
    let found = memo.get(configPath);
    if (!found) {
      found = args.files().then((files) => findLaunchDevices({ configPath, files, read: args.read }));
      memo.set(configPath, found);
    }
    return found;
  };
}

export function emptyReport(path: string): FileReport {
  return {
    path,
    format: "text",
    framework: "generic",
    settings: [],
    effective: {
      value: null,
      unit: "samples",
      formula: "",
      unknown: [],
      parts: { micro: null, accum: null, devices: null },
    },
    warnings: [],
    errors: [],
  };
}
