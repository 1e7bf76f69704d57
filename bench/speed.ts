// The advisor's speed: `analyze` on the bundled example (default and --quick, per phase), detection
// and proxy efficiency from their own suites, and how the cost grows with changed files and batch size.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { analyze } from "../src/advisor.js";
import { BUNDLED_EXAMPLE } from "../src/cli/bundled-example.js";
import { defaultConfig, loadConfig, type BotConfig } from "../src/config.js";
import type { AnalyzeOptions } from "../src/advisor/analyze-options.js";
import type { Report } from "../src/report/types.js";
import { FilePairSource } from "../src/source/file-pair-source.js";
import { MemorySource } from "../src/source/memory-source.js";
import type { ChangeSource } from "../src/source/types.js";
import { benchDetection, generatedChange } from "./detection.js";
import { machineInfo, median } from "./machine.js";
import { benchProxy } from "./proxy.js";

type Phase = keyof Report["timings"];
const PHASES: Phase[] = ["detect", "proxy", "estimate", "render", "total"];

async function timeAnalyze(make: () => ChangeSource, config: BotConfig, options: AnalyzeOptions, runs: number) {
  const timings: Report["timings"][] = [];
  let proxyRuns = 0;
  for (let r = 0; r < runs; r++) {
    const report = await analyze(make(), config, options);
    timings.push(report.timings);
    proxyRuns = report.measurements.length;
  }
  const perPhase = Object.fromEntries(PHASES.map((p) => [p, median(timings.map((t) => t[p]))])) as Record<
    Phase,
    number
  >;
  return { medianSeconds: perPhase.total, perPhase, runs: timings.map((t) => t.total), proxyRuns };
}

/** `count` copies of one YAML change: one distinct plan, so one proxy run however many files. */
function duplicatedChange(count: number, before = 32, after = 64): MemorySource {
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    base[`configs/${i}/train.yaml`] = `batch_size: ${before}\noptimizer: adam\n`;
    head[`configs/${i}/train.yaml`] = `batch_size: ${after}\noptimizer: adam\n`;
  }
  return new MemorySource({ base, head }, `${count} copies of ${before} → ${after}`);
}

function readResult<T>(name: string): T | undefined {
  const url = new URL(`./results/${name}.json`, import.meta.url);
  return existsSync(url) ? (JSON.parse(readFileSync(url, "utf8")) as T) : undefined;
}

/**
 * Speed benchmark (quick: fewer repeats, no growth curves with the proxy). Detection and proxy
 * numbers come from their suites' result files, run here only when missing.
 * @example (await benchSpeed({ quick: true })).analyzeSeconds.quick
 */
export async function benchSpeed(options: { quick?: boolean } = {}) {
  const quick = options.quick ?? false;
  const example = loadConfig(readFileSync(BUNDLED_EXAMPLE.config, "utf8"), BUNDLED_EXAMPLE.config).config;
  const bundled = () => new FilePairSource(BUNDLED_EXAMPLE);
  // The first analyze in a process also loads the backend and MNIST: a CLI run pays it every time.
  const coldStart = performance.now();
  const cold = await analyze(bundled(), example, { quick: true });
  const coldSeconds = (performance.now() - coldStart) / 1000;
  const analyzeDefault = await timeAnalyze(bundled, example, {}, quick ? 1 : 3);
  const analyzeQuick = await timeAnalyze(bundled, example, { quick: true }, quick ? 2 : 3);

  const growth: Record<string, unknown> = {};
  const config = defaultConfig();
  growth.filesWithoutProxy = [];
  for (const count of [1, 10, 100]) {
    const t = await timeAnalyze(() => generatedChange(count), config, { noProxy: true }, 3);
    (growth.filesWithoutProxy as unknown[]).push({
      files: count,
      medianSeconds: t.medianSeconds,
      perPhase: t.perPhase,
    });
  }
  if (!quick) {
    growth.filesWithOneProxyPlan = [];
    for (const count of [1, 10, 100]) {
      const t = await timeAnalyze(() => duplicatedChange(count), config, { quick: true }, 1);
      (growth.filesWithOneProxyPlan as unknown[]).push({
        files: count,
        seconds: t.medianSeconds,
        proxyRuns: t.proxyRuns,
        perPhase: t.perPhase,
      });
    }
    growth.batchSize = [];
    for (const before of [32, 256, 4096]) {
      const t = await timeAnalyze(() => duplicatedChange(1, before, 4 * before), config, {}, 1);
      (growth.batchSize as unknown[]).push({
        change: `${before} → ${4 * before}`,
        seconds: t.medianSeconds,
        perPhase: t.perPhase,
      });
    }
  }

  const detection =
    readResult<{ detectSecondsFor500Files: number; filesPerSecond: number }>("detection") ??
    (await benchDetection({ quick }));
  type ProxyResult = Awaited<ReturnType<typeof benchProxy>>;
  const proxy = readResult<ProxyResult>("proxy") ?? (await benchProxy({ quick }));
  const result = {
    name: "speed",
    machine: machineInfo(),
    goals: {
      analyzeDefault: "≤ 30 s",
      analyzeQuick: "≤ 10 s",
      detect500Files: "≤ 1 s",
      proxyMatmulFractionMlp256: "≥ 0.5",
    },
    analyzeSeconds: {
      default: analyzeDefault.medianSeconds,
      quick: analyzeQuick.medianSeconds,
      coldQuick: coldSeconds,
      coldProxyRuns: cold.measurements.length,
    },
    analyzePerPhase: { default: analyzeDefault.perPhase, quick: analyzeQuick.perPhase },
    analyzeRuns: { default: analyzeDefault.runs, quick: analyzeQuick.runs },
    detectSecondsFor500Files: detection.detectSecondsFor500Files,
    detectFilesPerSecond: detection.filesPerSecond,
    proxyMatmulFraction: {
      mlp256: proxy.mlpStepFractionOfMatmul.adam,
      mlp256Sgd: proxy.mlpStepFractionOfMatmul.sgd,
      matmulPeakGflops: proxy.mlpStepFractionOfMatmul.matmulPeakGflops,
    },
    proxyPlanSeconds: { default: proxy.defaultPlan.medianSeconds, quick: proxy.quickPlan.medianSeconds },
    wasmVsCpu: proxy.wasmVsCpu,
    growth,
  };
  writeFileSync(new URL("./results/speed.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** One line for the bench runner. */
export function summariseSpeed(r: Awaited<ReturnType<typeof benchSpeed>>): string {
  return (
    `analyze ${r.analyzeSeconds.default.toFixed(1)} s ` +
    `default, ${r.analyzeSeconds.quick.toFixed(1)} s --quick (goals ≤ 30 s, ≤ 10 ` +
    `s); mlp step at B=256 ${(100 * r.proxyMatmulFraction.mlp256).toFixed(0)} % of matmul FLOP/s`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSpeed({ quick: process.argv.includes("--quick") });
  console.log(`speed: ${summariseSpeed(r)}`);
}
