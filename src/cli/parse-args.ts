import { parseArgs } from "node:util";
import type { BackendName } from "../proxy/types.js";
import { revisionProblem } from "../source/git-source.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal: progress bars instead of plain lines. */
  isTTY: boolean;
}

export interface DetectArgs {
  command: "detect";
  files: string[];
  base?: string;
  head?: string;
  repo?: string;
  old?: string;
  new?: string;
  devices?: number;
  json: boolean;
}

export interface AnalyzeArgs {
  command: "analyze";
  files: string[];
  base?: string;
  head?: string;
  repo?: string;
  devices?: number;
  json: boolean;
  out?: string;
  quick: boolean;
  lang?: string;
  backend?: BackendName;
  config?: string;
  proxyModel?: string;
  data?: string;
  /** A measurements file the user's training job wrote (docs/measurements.md). */
  measurements?: string;
}

export type CliArgs = DetectArgs | AnalyzeArgs | { command: "help" } | { command: "version" };

export class UsageError extends Error {}

export const USAGE = `Usage:
  batch-advisor                                   analyse the bundled example and print the report
  batch-advisor analyze --base REV --head REV [--repo DIR]
  batch-advisor analyze OLD_FILE NEW_FILE
  batch-advisor detect FILE...                    batch settings found in each file
  batch-advisor detect --base REV --head REV [--repo DIR]
  batch-advisor detect --old FILE --new FILE      changes between two files
  batch-advisor init [--fork-safe] [--force]      write the Action workflow and a commented bot config

Options:
  --json             print JSON instead of a table/report
  --devices N        data-parallel devices when the configs do not say
  --out FILE         (analyze) also write the JSON report to FILE
  --quick            (analyze) the short proxy plan
  --lang en|zh-TW    (analyze) report language
  --backend NAME     (analyze) tensorflow-gpu | tensorflow | wasm | cpu
  --config FILE      (analyze) bot config; default .github/batch-advisor.yml at the --base
                     revision (through git), or in the current repository for two files
  --proxy-model FILE (analyze) a Keras/TF.js model.json to train as the proxy
  --data FILE        (analyze) a CSV/JSONL sample to train the proxy on (a larger one
                     is sampled: a seeded sample of 50 000 rows)
  --measurements FILE (analyze) step times and peak memory your training job measured
                     (docs/measurements.md); used as is for the batches it covers

FILE paths given here are relative to the current folder (absolute paths work too).
Paths named inside a repository's files stay inside that repository.

Exit codes:
  0  done
  1  usage error (a bad option, or a revision starting with "-")
  2  an input could not be read or used: a missing, refused (not a regular file,
     too large, a symlink out of the repository) or malformed config, --config,
     --proxy-model or --data file, or a revision that is not a commit; each is
     named on stderr and the rest of the run still goes on
  3  (analyze) over the memory budget at level error
`;

const BACKENDS = ["tensorflow-gpu", "tensorflow", "wasm", "cpu"];

/** Parses argv (without node and script) into a command; throws UsageError with a message to print. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      repo: { type: "string" },
      old: { type: "string" },
      new: { type: "string" },
      devices: { type: "string" },
      json: { type: "boolean", default: false },
      out: { type: "string" },
      quick: { type: "boolean", default: false },
      lang: { type: "string" },
      backend: { type: "string" },
      config: { type: "string" },
      "proxy-model": { type: "string" },
      data: { type: "string" },
      measurements: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "v", default: false },
    },
  });
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [command = "analyze", ...files] = positionals;
  const devices = values.devices === undefined ? undefined : positiveInt(values.devices, "--devices");
  if ((values.base === undefined) !== (values.head === undefined))
    throw new UsageError("--base and --head go together");
  for (const side of ["base", "head"] as const) {
    const rev = values[side];
    const problem = rev === undefined ? null : revisionProblem(rev);
    if (problem) throw new UsageError(`--${side} ${JSON.stringify(rev)}: ${problem}`);
  }
  if (command === "detect") {
    if ((values.old === undefined) !== (values.new === undefined)) throw new UsageError("--old and --new go together");
    if (!files.length && !values.base && !values.old)
      throw new UsageError("detect needs FILE..., --base/--head or --old/--new");
    return {
      command,
      files,
      base: values.base,
      head: values.head,
      repo: values.repo,
      old: values.old,
      new: values.new,
      devices,
      json: values.json,
    };
  }
  if (command === "analyze") {
    if (files.length !== 0 && files.length !== 2)
      throw new UsageError("analyze takes OLD_FILE NEW_FILE, or --base/--head");
    if (values.backend !== undefined && !BACKENDS.includes(values.backend))
      throw new UsageError(`--backend must be one of: ${BACKENDS.join(", ")}`);
    if (values.lang !== undefined && !["en", "zh-TW"].includes(values.lang))
      throw new UsageError("--lang must be en or zh-TW");
    return {
      command,
      files,
      base: values.base,
      head: values.head,
      repo: values.repo,
      devices,
      json: values.json,
      out: values.out,
      quick: values.quick,
      lang: values.lang,
      backend: values.backend as BackendName | undefined,
      config: values.config,
      proxyModel: values["proxy-model"],
      data: values.data,
      measurements: values.measurements,
    };
  }
  throw new UsageError(`unknown command "${command}"; use analyze or detect`);
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got "${text}"`);
  return n;
}
