import { describe, expect, it, vi } from "vitest";

// The Action's bundle leaves the 41 MB `mnist` package out; the plan must not depend on it.
vi.mock("../../src/proxy/data/mnist.js", () => ({ mnistInstalled: () => false }));

const { defaultPlan } = await import("../../src/proxy/default-plan.js");

describe("defaultPlan without the mnist package", () => {
  it("trains on synthetic teacher–student data instead of MNIST", () => {
    expect(defaultPlan({ batchSizes: [8, 32] }).data).toEqual({ kind: "teacher-student" });
  });

  it("keeps token streams for batches counted in tokens", () => {
    expect(defaultPlan({ batchSizes: [8192, 32768], unit: "tokens" }).data).toEqual({ kind: "tokens" });
  });
});
