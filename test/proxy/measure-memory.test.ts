import { beforeAll, describe, expect, it } from "vitest";
import { loadBackend } from "../../src/proxy/load-backend.js";
import { measureMemory } from "../../src/proxy/measure-memory.js";
import { prepareTask } from "../../src/proxy/prepare-task.js";
import { progressReporter } from "../../src/proxy/progress.js";
import { createBudget } from "../../src/proxy/time-budget.js";
import type { ProxyPlan } from "../../src/proxy/types.js";

const plan: ProxyPlan = {
  model: { kind: "mlp", hidden: [64, 32] },
  data: { kind: "teacher-student", examples: 2048 },
  batchSizes: [16, 64],
  optimizer: "adam",
  learningRate: 1e-3,
  seed: 2,
  timeBudgetSeconds: 30,
};

describe("measureMemory", () => {
  beforeAll(async () => {
    await loadBackend({ force: "wasm" });
  });

  it("fits forward+backward peak bytes linearly in B (R² ≥ 0.99) and keeps the optimizer peak flat", async () => {
    const task = await prepareTask(plan);
    const { value } = await measureMemory(
      { plan, task, budget: createBudget({ seconds: 30 }), progress: progressReporter() },
      [8, 32, 64, 128, 256],
    );
    expect(value.points).toHaveLength(5);
    expect(value.forwardBackwardFit.r2).toBeGreaterThanOrEqual(0.99);
    // Activations of a 32-64-32-10 mlp: at least the input, hidden and output floats of one example.
    expect(value.forwardBackwardFit.slope).toBeGreaterThan(4 * (32 + 64 + 32 + 10));
    const optimizer = value.points.map((p) => p.optimizerBytes);
    expect(new Set(optimizer).size).toBe(1);
    expect(value.optimizerPeakBytes).toBe(optimizer[0]);
    // Parameters (32·64 + 64 + 64·32 + 32 + 32·10 + 10 = 4522 floats) and two Adam slots each.
    expect(value.parameterBytes).toBeGreaterThanOrEqual(3 * 4522 * 4);
    expect(value.rssBytes).toBeGreaterThan(0);
  });
});
