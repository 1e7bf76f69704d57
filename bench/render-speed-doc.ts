// The speed part of docs/accuracy.md: analyze wall time per phase, proxy efficiency, detection,
// and how the advisor's cost grows with changed files and batch size.
import type { benchDetection } from "./detection.js";
import { met, num, pct, seconds, table } from "./doc-format.js";
import type { benchProxy } from "./proxy.js";
import type { benchSpeed } from "./speed.js";

export interface SpeedInputs {
  speed?: Awaited<ReturnType<typeof benchSpeed>>;
  proxy?: Awaited<ReturnType<typeof benchProxy>>;
  detection?: Awaited<ReturnType<typeof benchDetection>>;
}

/** Goal rows for the summary table (absent results are said to be absent). */
export function speedGoals(input: SpeedInputs): string[][] {
  const { speed, proxy, detection } = input;
  const missing = ["not measured yet", "—"];
  const fraction = proxy?.mlpStepFractionOfMatmul;
  return [
    [
      "`analyze` on the bundled example, default",
      "≤ 30 s",
      ...(speed ? [seconds(speed.analyzeSeconds.default), met(speed.analyzeSeconds.default <= 30)] : missing),
    ],
    [
      "`analyze --quick` on the bundled example",
      "≤ 10 s",
      ...(speed ? [seconds(speed.analyzeSeconds.quick), met(speed.analyzeSeconds.quick <= 10)] : missing),
    ],
    [
      "mlp training step at B = 256, share of the backend's matmul FLOP/s",
      "≥ 50 %",
      ...(fraction
        ? [`${pct(fraction.adam)} with Adam, ${pct(fraction.sgd)} with SGD`, met(fraction.adam >= 0.5)]
        : missing),
    ],
    [
      "detection of a 500-file change",
      "≤ 1 s",
      ...(detection
        ? [seconds(detection.detectSecondsFor500Files), met(detection.detectSecondsFor500Files <= 1)]
        : missing),
    ],
  ];
}

type Growth = {
  filesWithoutProxy?: Array<{ files: number; medianSeconds: number }>;
  filesWithOneProxyPlan?: Array<{ files: number; seconds: number; proxyRuns: number }>;
  batchSize?: Array<{ change: string; seconds: number; perPhase: { proxy: number } }>;
};

/** The "Speed" section. */
export function renderSpeedSection(input: SpeedInputs): string[] {
  const { speed, proxy, detection } = input;
  const out = ["## Speed", ""];
  if (!speed) return [...out, "Not measured yet: `npm run bench -- --only=detection,proxy,speed`.", ""];
  const phases = ["detect", "proxy", "estimate", "render", "total"] as const;
  out.push(
    `\`analyze\` on the bundled example (${speed.analyzeRuns.default.length} ` +
      `default and ${speed.analyzeRuns.quick.length} quick runs in one process, ` +
      "medians; the first run of a process also loads the backend and the MNIST " +
      `digits and took ${seconds(speed.analyzeSeconds.coldQuick)} with --quick):`,
    "",
    table(
      ["mode", ...phases],
      (["default", "quick"] as const).map((mode) => [
        mode,
        ...phases.map((p) => seconds(speed.analyzePerPhase[mode][p])),
      ]),
    ),
    "",
  );
  const growth = speed.growth as Growth;
  if (growth.filesWithoutProxy) {
    out.push(
      "Cost against the number of changed config files. Without the proxy " +
        "(detection and analytical estimates, generated changes of every framework " +
        "fixture); and with the proxy on copies of one change, which share one proxy run:",
      "",
      table(
        ["files", "without proxy", "with the proxy (--quick), one distinct plan", "proxy runs"],
        growth.filesWithoutProxy.map((g) => {
          const withProxy = growth.filesWithOneProxyPlan?.find((w) => w.files === g.files);
          return [
            String(g.files),
            seconds(g.medianSeconds),
            withProxy ? seconds(withProxy.seconds) : "—",
            withProxy ? String(withProxy.proxyRuns) : "—",
          ];
        }),
      ),
      "",
    );
  }
  if (growth.batchSize) {
    out.push(
      "Cost against batch size (default plan; real batches above 256 are mapped " +
        "onto proxy batches ≤ 256, so the proxy's cost is bounded):",
      "",
      table(
        ["change", "analyze", "of which proxy"],
        growth.batchSize.map((g) => [g.change, seconds(g.seconds), seconds(g.perPhase.proxy)]),
      ),
      "",
    );
  }
  if (proxy) {
    const rows = Object.entries(proxy.backends).flatMap(([backend, b]) =>
      b.throughput.map((t) => [
        backend,
        t.model,
        String(t.batchSize),
        num(t.samplesPerSecond),
        num(t.gflops),
        pct(t.gflops / b.matmul.peak),
      ]),
    );
    out.push(
      `Proxy (\`bench/proxy.ts\`): the default plan ` +
        `for ${proxy.change.join(" → ")} ` +
        `takes ${seconds(proxy.defaultPlan.medianSeconds)} and the quick ` +
        `plan ${seconds(proxy.quickPlan.medianSeconds)} (medians). ` +
        "Training throughput against the best plain matMul of the same backend " +
        `(${num(proxy.mlpStepFractionOfMatmul.matmulPeakGflops)} GFLOP/s on wasm):`,
      "",
      table(["backend", "model", "B", "samples/s", "GFLOP/s", "of matmul peak"], rows),
      "",
      `wasm against cpu, same model and batch: ${proxy.wasmVsCpu
        .map((w) => `${w.model.split(" ")[0]} B=${w.batchSize} ${num(w.ratio, 2)}×`)
        .join(", ")}.`,
      "",
    );
  }
  if (detection) {
    out.push(
      `Detection (\`bench/detection.ts\`): ${seconds(detection.detectSecondsFor500Files)} ` +
        `for a generated 500-file change, ${num(detection.filesPerSecond)} files/s.`,
      "",
    );
  }
  return out;
}
