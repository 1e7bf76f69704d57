import * as tf from "@tensorflow/tfjs";
import { describe, expect, it, vi } from "vitest";
import { runProxy } from "../../src/proxy/run-proxy.js";
import type { ProgressEvent, ProxyPlan } from "../../src/proxy/types.js";

// The same backend on every machine: the optional native packages count as not installed,
// whether or not they are (test/proxy/load-backend-native.test.ts covers the machines where they are).
vi.mock("@tensorflow/tfjs-node-gpu", () => {
  throw new Error("Cannot find package '@tensorflow/tfjs-node-gpu'");
});
vi.mock("@tensorflow/tfjs-node", () => {
  throw new Error("Cannot find package '@tensorflow/tfjs-node'");
});

const tiny: ProxyPlan = {
  model: { kind: "mlp", size: "tiny" },
  data: { kind: "teacher-student", examples: 2048, labelNoise: 0.1 },
  batchSizes: [16, 64],
  fitBatchSizes: [32],
  optimizer: "adam",
  learningRate: 3e-3,
  seed: 5,
  timeBudgetSeconds: 30,
  examplesPerCurve: 2048,
  noise: { samples: 6, stepsBetween: 1, maxWarmupExamples: 1024 },
};

const losses = (m: Awaited<ReturnType<typeof runProxy>>) => [
  ...m.loss.flatMap((c) => c.points.map((p) => [p.loss, p.evalLoss])),
  ...(m.noise?.samples.map((s) => [s.loss, s.gSmallSq]) ?? []),
];

describe("runProxy", () => {
  it("measures timing, memory, loss curves and the noise scale, and names the backend that ran", async () => {
    const events: ProgressEvent[] = [];
    const m = await runProxy(tiny, { onProgress: (e) => events.push(e) });
    expect(m.backend.name).toBe("wasm");
    expect(m.backend.skipped.map((s) => s.name)).toEqual(["tensorflow-gpu", "tensorflow"]);
    expect(m.description).toMatch(/^mlp 32-32-10 on synthetic teacher–student classification/);
    expect(m.partial).toBe(false);
    expect(m.steps.map((s) => s.batchSize)).toEqual([16, 32, 64]);
    expect(m.memory.points.map((p) => p.batchSize)).toEqual([16, 32, 64]);
    expect(m.loss.map((c) => [c.batchSize, c.learningRate])).toEqual([
      [16, 3e-3],
      [64, 6e-3],
    ]);
    for (const curve of m.loss) {
      expect(curve.points.at(-1)!.examples).toBe(2048);
      expect(curve.points.at(-1)!.evalLoss!).toBeLessThan(curve.points[0].evalLoss!);
    }
    expect(m.noise!.bSimple).toBeGreaterThan(0);
    expect(m.noise!.atLoss).toBeLessThan(m.noise!.initialLoss);
    expect([...new Set(events.map((e) => e.phase))]).toEqual(["backend", "data", "memory", "timing", "loss", "noise"]);
  });

  it("gives identical losses for the same plan, seed and backend, and different ones for another seed", async () => {
    const a = await runProxy(tiny);
    const b = await runProxy(tiny);
    const c = await runProxy({ ...tiny, seed: 6 });
    expect(losses(a)).toEqual(losses(b));
    expect(losses(a)).not.toEqual(losses(c));
  });

  it(
    "stops cleanly when the time budget is hit, marks the measurements partial " + "and lists the rows it leaves out",
    async () => {
      const m = await runProxy({ ...tiny, timeBudgetSeconds: 0.25, examplesPerCurve: 200_000 });
      expect(m.partial).toBe(true);
      expect(m.partialPhase).toBeDefined();
      expect(m.partialReason).toMatch(/time budget of 0.25 s reached|share of the time budget used up/);
      // Memory always measures every planned point: the budget never changes a fit.
      expect(m.memory.points.map((p) => p.batchSize)).toEqual([16, 32, 64]);
      expect(m.missingRows!.length).toBeGreaterThan(0);
      // 200 000 examples would take minutes; a generous bound shows the budget stopped it without timing it.
      expect(m.wallSeconds).toBeLessThan(15);
    },
  );

  it("stops cleanly on an abort signal", async () => {
    const controller = new AbortController();
    const m = await runProxy(
      { ...tiny, examplesPerCurve: 200_000 },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.phase === "loss" && e.step > 0) controller.abort();
        },
      },
    );
    expect(m.partial).toBe(true);
    expect(m.partialPhase).toBe("loss");
    expect(m.partialReason).toMatch(
      /^loss: aborted after \d+ of 200000 examples per curve; the loss curves are left out$/,
    );
    expect(m.noise).toBeUndefined();
    // A cut phase gives no shortened curves: a shorter curve would be another number than the plan's.
    expect(m.loss).toEqual([]);
    expect(m.missingRows).toEqual([
      "the proxy's loss curves and the direct critical batch",
      "steps and examples to the same loss from the proxy's noise scale",
    ]);
  });

  it("measures the critical batch directly when asked", async () => {
    const m = await runProxy({ ...tiny, noise: false, directCriticalBatch: true, examplesPerCurve: 4096 });
    const cb = m.criticalBatch;
    expect(cb, m.notes?.join("\n")).toBeDefined();
    expect(cb!.bCrit).toBeGreaterThan(0);
    expect(cb!.points.length).toBeGreaterThanOrEqual(3);
    expect(cb!.learningRateRule).toMatch(/square-root/);
  });
});

describe("runProxy leaves no tensors behind", () => {
  const kinds: Array<[string, Partial<ProxyPlan>]> = [
    ["mlp on MNIST", { model: { kind: "mlp", size: "tiny" }, data: { kind: "mnist", examples: 1024 } }],
    [
      "cnn on MNIST",
      {
        model: { kind: "cnn", size: "tiny" },
        data: { kind: "mnist", examples: 512 },
        batchSizes: [8, 16],
        fitBatchSizes: [],
        examplesPerCurve: 256,
      },
    ],
    [
      "transformer on tokens",
      {
        model: { kind: "transformer", size: "tiny" },
        data: { kind: "tokens", examples: 256 },
        batchSizes: [4, 8],
        fitBatchSizes: [],
        examplesPerCurve: 128,
      },
    ],
    [
      "a user's Keras topology on a user's sample",
      {
        model: { kind: "user", topologyPath: "fixtures/models/keras3-functional-mlp.json" },
        data: { kind: "user", samplePath: "fixtures/samples/iris-like.csv" },
        batchSizes: [8, 32],
        examplesPerCurve: 512,
      },
    ],
    [
      "an mlp trained with momentum SGD (tfjs's momentum optimizer keeps a scalar its dispose forgets)",
      { model: { kind: "mlp", size: "tiny" }, data: { kind: "teacher-student", examples: 512 }, optimizer: "momentum" },
    ],
    [
      "a user's TF.js CNN on MNIST",
      {
        model: { kind: "user", topologyPath: "fixtures/models/tfjs-cnn-sequential.json" },
        data: { kind: "mnist", examples: 512 },
        batchSizes: [8, 16],
        fitBatchSizes: [],
        examplesPerCurve: 256,
      },
    ],
  ];
  for (const [name, overrides] of kinds) {
    it(name, async () => {
      await runProxy({
        ...tiny,
        model: { kind: "mlp" },
        data: { kind: "teacher-student", examples: 64 },
        examplesPerCurve: 64,
        noise: false,
        batchSizes: [4, 8],
      });
      const before = tf.memory().numTensors;
      const m = await runProxy({
        ...tiny,
        noise: { samples: 3, stepsBetween: 1, maxWarmupExamples: 64 },
        ...overrides,
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(m.notes?.join("\n")).not.toMatch(/tensors were left alive/);
      expect(m.loss[0].points.length).toBeGreaterThan(1);
      expect(m.noise?.samples).toHaveLength(3);
    });
  }
});
