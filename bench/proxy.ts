// The proxy engine's benchmark: wall time of the default plan, training throughput against the same
// backend's matmul peak, samples/s per model and batch on wasm and cpu. Writes bench/results/proxy.json.
import * as tf from "@tensorflow/tfjs";
import { writeFileSync } from "node:fs";
import { defaultPlan } from "../src/proxy/default-plan.js";
import { loadBackend } from "../src/proxy/load-backend.js";
import { measureTiming } from "../src/proxy/measure-timing.js";
import { prepareTask } from "../src/proxy/prepare-task.js";
import { progressReporter } from "../src/proxy/progress.js";
import { runProxy } from "../src/proxy/run-proxy.js";
import { createBudget } from "../src/proxy/time-budget.js";
import type { BackendName, ProxyPlan } from "../src/proxy/types.js";
import { machineInfo, median } from "./machine.js";

const CHANGE: [number, number] = [32, 128];

/** Best plain matMul GFLOP/s of a few shapes on the active backend (the roofline the proxy is held to). */
function matmulGflops(): { peak: number; shapes: Record<string, number> } {
  const shapes: Record<string, number> = {};
  for (const [m, k, n] of [
    [256, 784, 256],
    [256, 256, 128],
    [512, 512, 512],
  ]) {
    const a = tf.randomNormal([m, k]);
    const b = tf.randomNormal([k, n]);
    const run = () => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    };
    for (let i = 0; i < 3; i++) run();
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      run();
      times.push(performance.now() - t);
    }
    shapes[`${m}x${k}x${n}`] = (2 * m * k * n) / median(times) / 1e6;
    tf.dispose([a, b]);
  }
  return { peak: Math.max(...Object.values(shapes)), shapes };
}

async function stepThroughput(plan: ProxyPlan, sizes: number[]) {
  const task = await prepareTask(plan);
  const probe = task.createModel();
  const flopsPerExample = probe.flopsPerExample;
  const description = probe.description;
  probe.dispose();
  const context = { plan, task, budget: createBudget({ seconds: 120 }), progress: progressReporter() };
  const { value } = await measureTiming(context, sizes, { repeats: 10 });
  return value.map((s) => ({
    model: description,
    batchSize: s.batchSize,
    medianMs: s.medianMs,
    samplesPerSecond: s.samplesPerSecond,
    gflops: (flopsPerExample * s.samplesPerSecond) / 1e9,
  }));
}

const base = {
  optimizer: "adam" as const,
  learningRate: 1e-3,
  seed: 1,
  timeBudgetSeconds: 120,
  batchSizes: [32, 128] as [number, number],
};
const MODELS: Array<{ name: string; plan: ProxyPlan; sizes: number[]; cpuSizes: number[] }> = [
  {
    name: "mlp",
    plan: { ...base, model: { kind: "mlp", size: "small" }, data: { kind: "mnist" } },
    sizes: [32, 256, 512],
    cpuSizes: [32, 256],
  },
  {
    name: "cnn",
    plan: { ...base, model: { kind: "cnn", size: "small" }, data: { kind: "mnist" } },
    sizes: [32, 256],
    cpuSizes: [32],
  },
  {
    name: "transformer",
    plan: { ...base, batchSizes: [8, 32], model: { kind: "transformer", size: "tiny" }, data: { kind: "tokens" } },
    sizes: [8, 32],
    cpuSizes: [8],
  },
];

/** Runs the proxy benchmark (quick: one run of each plan instead of three). */
export async function benchProxy(options: { quick?: boolean } = {}) {
  const runs = options.quick ? 1 : 3;
  const backend = await loadBackend({ force: "wasm" });
  const wall = async (quick: boolean) => {
    const seconds: number[] = [];
    let partial = false;
    for (let r = 0; r < runs; r++) {
      const m = await runProxy(defaultPlan({ batchSizes: CHANGE, quick }), { backend: "wasm" });
      seconds.push(m.wallSeconds);
      partial ||= m.partial;
    }
    return { medianSeconds: median(seconds), runs: seconds, partial };
  };
  const defaultWall = await wall(false);
  const quickWall = await wall(true);

  const perBackend: Record<
    string,
    { matmul: ReturnType<typeof matmulGflops>; throughput: Awaited<ReturnType<typeof stepThroughput>> }
  > = {};
  for (const name of ["wasm", "cpu"] as BackendName[]) {
    await loadBackend({ force: name });
    const matmul = matmulGflops();
    const throughput = [];
    for (const model of MODELS)
      throughput.push(...(await stepThroughput(model.plan, name === "cpu" ? model.cpuSizes : model.sizes)));
    perBackend[name] = { matmul, throughput };
  }
  const mlpAt = (backendName: string, b: number) =>
    perBackend[backendName].throughput.find((t) => t.model.startsWith("mlp") && t.batchSize === b)!;
  const sgdMlp = await (async () => {
    await loadBackend({ force: "wasm" });
    return (await stepThroughput({ ...MODELS[0].plan, optimizer: "sgd" }, [256]))[0];
  })();
  const wasmVsCpu = perBackend.wasm.throughput
    .map((w) => ({ w, c: perBackend.cpu.throughput.find((c) => c.model === w.model && c.batchSize === w.batchSize) }))
    .filter((p) => p.c)
    .map(({ w, c }) => ({ model: w.model, batchSize: w.batchSize, ratio: w.samplesPerSecond / c!.samplesPerSecond }));

  const result = {
    name: "proxy",
    machine: { ...machineInfo(), backend },
    goals: {
      defaultPlanSeconds: "≤ 20 s on wasm with 2 cores",
      quickPlanSeconds: "≤ 5 s",
      mlpStepFractionOfMatmul: "≥ 0.5 at B = 256",
    },
    change: CHANGE,
    defaultPlan: defaultWall,
    quickPlan: quickWall,
    mlpStepFractionOfMatmul: {
      adam: mlpAt("wasm", 256).gflops / perBackend.wasm.matmul.peak,
      adamAt512: mlpAt("wasm", 512).gflops / perBackend.wasm.matmul.peak,
      sgd: sgdMlp.gflops / perBackend.wasm.matmul.peak,
      stepGflops: { adam: mlpAt("wasm", 256).gflops, adamAt512: mlpAt("wasm", 512).gflops, sgd: sgdMlp.gflops },
      matmulPeakGflops: perBackend.wasm.matmul.peak,
      note:
        "matmul/conv FLOPs of forward + backward (no input gradient for the first " +
        "layer) per step ÷ step time, against the best plain matMul of the same backend",
    },
    backends: perBackend,
    wasmVsCpu,
  };
  writeFileSync(new URL("./results/proxy.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** One line for the bench runner. */
export function summariseProxy(r: Awaited<ReturnType<typeof benchProxy>>): string {
  const f = r.mlpStepFractionOfMatmul;
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  return (
    `default plan ${r.defaultPlan.medianSeconds.toFixed(1)} s ` +
    `(quick ${r.quickPlan.medianSeconds.toFixed(1)} s); mlp step ` +
    `= ${pct(f.adam)} of matmul peak at B=256 with Adam (${pct(f.adamAt512)} at ` +
    `512; SGD ${pct(f.sgd)} at 256)`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchProxy({ quick: process.argv.includes("--quick") });
  console.log(`proxy: ${summariseProxy(r)}`);
}
