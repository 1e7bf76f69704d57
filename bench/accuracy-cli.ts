// One prediction through the real CLI: `batch-advisor analyze old.yaml new.yaml --proxy-model M.json
// --data D.csv --json`, old.yaml and new.yaml generated with the pair's two batch sizes. The CLI is
// started from its source (src/cli.ts through tsx: what `npx batch-advisor` is built from), as a
// child process, so nothing of the bench's own process state reaches the prediction.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./accuracy-tasks.js";

export interface CliPrediction {
  bOld: number;
  bNew: number;
  quick: boolean;
  /** groups[0].estimate.convergence.stepsRatio. */
  stepsRatio: { value: number; low: number; high: number };
  /** groups[0].estimate.convergence.basis: "your-proxy" when the CLI trained the task's own files. */
  basis: string;
  bCrit: { value: number; low: number; high: number; source: string };
  /** Only a lower bound on B_crit was resolved. */
  lowerBound: boolean;
  /** The regime the comment names (convergence-position note), or null when it names none. */
  regime: Regime | null;
  /** The proxy's own wall time and the whole CLI call's (start-up, data loading, report). */
  proxySeconds: number;
  cliSeconds: number;
  partial: boolean;
}

export type Regime = "near-perfect scaling" | "diminishing returns begin" | "past the critical batch";
const REGIMES: Regime[] = ["near-perfect scaling", "diminishing returns begin", "past the critical batch"];

/** The bot config the bench passes (a time budget no phase reaches; see the file). */
export const BENCH_CONFIG = "bench/tasks/batch-advisor.yml";

/** The command, as a reader would type it, for the docs. */
export function cliCommand(files: { model: string; data: string }, quick: boolean): string {
  return (
    `npx batch-advisor analyze old.yaml new.yaml --proxy-model ${files.model} ` +
    `--data ${files.data} --config ${BENCH_CONFIG} --json${quick ? " --quick" : ""}`
  );
}

/**
 * Runs the CLI on one pair and reads the convergence estimate of the first group.
 * @example (await predictThroughCli({ model: "bench/tasks/chars-mlp/model.json", data:
 * "bench/tasks/chars-mlp/sample.csv", optimizer: "adam" }, [32, 64], { quick: true })).stepsRatio.value
 */
export async function predictThroughCli(
  files: { model: string; data: string; optimizer: string },
  pair: [number, number],
  options: { quick: boolean },
): Promise<CliPrediction> {
  const [bOld, bNew] = pair;
  const dir = mkdtempSync(join(tmpdir(), "batch-advisor-bench-"));
  try {
    const config = (b: number) => `batch_size: ${b}\noptimizer: ${files.optimizer}\n`;
    writeFileSync(join(dir, "old.yaml"), config(bOld));
    writeFileSync(join(dir, "new.yaml"), config(bNew));
    const args = [
      "--import",
      "tsx",
      "src/cli.ts",
      "analyze",
      join(dir, "old.yaml"),
      join(dir, "new.yaml"),
      "--proxy-model",
      files.model,
      "--data",
      files.data,
      "--config",
      BENCH_CONFIG,
      "--json",
      ...(options.quick ? ["--quick"] : []),
    ];
    const started = performance.now();
    const stdout = await run(process.execPath, args);
    const cliSeconds = (performance.now() - started) / 1000;
    return readPrediction(JSON.parse(stdout), { bOld, bNew, quick: options.quick, cliSeconds });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The prediction in the CLI's JSON report. Throws when the report has no convergence estimate,
 * naming the proxy's notes (why the noise scale was not measured).
 */
export function readPrediction(
  report: any,
  context: { bOld: number; bNew: number; quick: boolean; cliSeconds: number },
): CliPrediction {
  const c = report.groups?.[0]?.estimate?.convergence;
  const m = report.measurements?.[0];
  if (!c)
    throw new Error(
      `${context.bOld} → ${context.bNew}${context.quick ? " (--quick)" : ""}: no ` +
        `convergence estimate in the report (${(m?.notes ?? []).join("; ")})`,
    );
  const span = (q: { value: number; low?: number; high?: number }) => ({
    value: q.value,
    low: q.low ?? q.value,
    high: q.high ?? q.value,
  });
  const position = (c.notes ?? []).find((n: { id: string }) => n.id.startsWith("convergence-position")) as
    | { id: string; text?: string }
    | undefined;
  return {
    bOld: context.bOld,
    bNew: context.bNew,
    quick: context.quick,
    stepsRatio: span(c.stepsRatio),
    basis: c.basis,
    bCrit: { ...span(c.bCrit), source: c.bCrit.source },
    lowerBound: c.lowerBound === true,
    regime: position ? regimeOf(position) : null,
    proxySeconds: m?.wallSeconds ?? NaN,
    cliSeconds: context.cliSeconds,
    partial: Boolean(m?.partial),
  };
}

/** The note's id names the regime (convergence-position-perfect|diminishing|past); an older report's text said it in
 * words. */
function regimeOf(note: { id: string; text?: string }): Regime | null {
  const byId: Record<string, Regime> = { perfect: REGIMES[0], diminishing: REGIMES[1], past: REGIMES[2] };
  const suffix = note.id.slice("convergence-position-".length);
  return byId[suffix] ?? REGIMES.find((r) => note.text?.includes(`(${r}`)) ?? null;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit 3 is "over the memory budget": the report is still complete.
      if (error && error.code !== 3)
        reject(
          new Error(
            "batch-advisor analyze failed " +
              `(${error.code ?? error.signal}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`,
          ),
        );
      else resolve(stdout);
    });
  });
}
