import { describe, expect, it } from "vitest";
import { buildDataset } from "../../../src/proxy/data/build-dataset.js";
import { parseTopology } from "../../../src/proxy/models/parse-topology.js";
import type { ProxyPlan } from "../../../src/proxy/types.js";

const dense = (units: number, inputs: number) =>
  parseTopology(
    JSON.stringify({
      class_name: "Sequential",
      config: [{ class_name: "Dense", config: { units, activation: "linear", input_shape: [inputs] } }],
    }),
    "model.json",
  );
const plan = (samplePath: string): ProxyPlan => ({
  model: { kind: "user", topologyPath: "model.json" },
  data: { kind: "user", samplePath },
  batchSizes: [8, 32],
  optimizer: "adam",
  learningRate: 1e-3,
  seed: 1,
  timeBudgetSeconds: 30,
});
const build = (units: number, inputs: number, sample: string) =>
  buildDataset({ plan: plan(sample), topology: dense(units, inputs), samplePath: sample });

describe("the proxy's loss follows the user's topology and data", () => {
  it("a linear layer of K units over one class column is a K-class classifier trained from logits", async () => {
    const dataset = await build(3, 4, "fixtures/samples/iris-like.csv");
    expect(dataset).toMatchObject({ task: "classification", outputs: 3, labelsPerExample: 1 });
  });

  it("one linear unit over a real-valued label is squared error", async () => {
    const dataset = await build(1, 3, "fixtures/samples/regression.jsonl");
    expect(dataset).toMatchObject({ task: "regression", outputs: 1 });
  });

  it("K linear units over a real-valued label fit neither: an error naming both shapes, not a broadcast", async () => {
    await expect(build(3, 3, "fixtures/samples/regression.jsonl")).rejects.toThrow(
      /linear layer of 3 units \(output shape \[3\]\) but the data has one label per example \(shape \[1\]\) with real/,
    );
  });

  it("fewer units than the data's classes is an error naming both", async () => {
    await expect(build(2, 4, "fixtures/samples/iris-like.csv")).rejects.toThrow(/2 units .* with 3 classes/);
  });
});
