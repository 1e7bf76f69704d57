import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTopology } from "../../../src/proxy/models/load-topology.js";
import { parseTopology } from "../../../src/proxy/models/parse-topology.js";

const fixture = (name: string) => `fixtures/models/${name}`;

describe("parseTopology: good topologies", () => {
  it(
    "reads a TF.js layers model.json (Sequential CNN) as data, Dropout ignored, " + "softmax folded into the loss",
    async () => {
      const spec = await loadTopology(fixture("tfjs-cnn-sequential.json"));
      expect(spec.inputShape).toEqual([28, 28, 1]);
      expect(spec.task).toEqual({ kind: "classification", classes: 10 });
      expect(spec.summary).toBe(
        "Conv2D(8, 3x3, relu) → MaxPool(2x2) → Conv2D(16, 3x3/2, relu) → Flatten → " +
          "Dropout (ignored) → Dense(32, relu) → Dense(10, softmax)",
      );
      expect(spec.layers.map((l) => l.kind)).toEqual(["conv2d", "pool", "conv2d", "flatten", "dense", "dense"]);
      expect(spec.layers.at(-1)).toMatchObject({ kind: "dense", units: 10, activation: "linear" });
    },
  );

  it("reads a Keras 3 Functional model whose layers form one chain", async () => {
    const spec = await loadTopology(fixture("keras3-functional-mlp.json"));
    expect(spec.inputShape).toEqual([4]);
    expect(spec.task).toEqual({ kind: "classification", classes: 3 });
    expect(spec.summary).toBe("Dense(16, tanh) → Dense(3, softmax)");
  });

  it("treats a linear output as regression and a one-unit sigmoid as binary", () => {
    const model = (units: number, activation: string) =>
      JSON.stringify({
        class_name: "Sequential",
        config: [{ class_name: "Dense", config: { units, activation, input_shape: [5] } }],
      });
    expect(parseTopology(model(2, "linear"), "r.json").task).toEqual({ kind: "regression", outputs: 2 });
    expect(parseTopology(model(1, "sigmoid"), "b.json").task).toEqual({ kind: "binary" });
  });
});

describe("parseTopology: malformed or unsupported topologies", () => {
  const errorOf = (name: string) => {
    try {
      parseTopology(readFileSync(fixture(name), "utf8"), name);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${name} was accepted`);
  };

  it("names the index and class of an unsupported layer", () => {
    expect(errorOf("malformed-unsupported-layer.json")).toMatch(
      /^malformed-unsupported-layer\.json: layer 1 \(BatchNormalization "bn"\): unsupported layer class; supported: /,
    );
  });

  it("names the missing key of a layer's config", () => {
    expect(errorOf("malformed-missing-units.json")).toMatch(/layer 1 \(Dense "logits"\): config\.units: /);
  });

  it("refuses graphs that are not a single chain", () => {
    expect(errorOf("malformed-branching.json")).toMatch(
      /layer 2 \(Dense "right"\): only a single chain of layers is supported/,
    );
  });

  it("explains a Dense layer on an image-shaped input", () => {
    expect(errorOf("malformed-dense-without-flatten.json")).toMatch(
      /layer 1 \(Dense "logits"\): Dense needs a flat input but gets shape \[26, 26, 4\]; add a Flatten layer/,
    );
  });

  it("reports invalid JSON", () => {
    expect(errorOf("malformed-truncated.json")).toMatch(/^malformed-truncated\.json: not valid JSON/);
  });

  it("refuses channels_first, custom activations and unknown shapes", () => {
    const one = (config: object) =>
      JSON.stringify({
        class_name: "Sequential",
        config: {
          layers: [
            {
              class_name: "Conv2D",
              config: { filters: 2, kernel_size: 3, batch_input_shape: [null, 8, 8, 1], ...config },
            },
          ],
        },
      });
    expect(() => parseTopology(one({ data_format: "channels_first" }), "m.json")).toThrow(
      /config\.data_format: only data_format "channels_last"/,
    );
    expect(() => parseTopology(one({ activation: "mish" }), "m.json")).toThrow(/unsupported activation "mish"/);
    expect(() => parseTopology(one({ batch_input_shape: [null, null, 8, 1] }), "m.json")).toThrow(/unknown dimension/);
  });

  it("refuses a topology too large for a proxy", () => {
    const big = JSON.stringify({
      class_name: "Sequential",
      config: [{ class_name: "Dense", config: { units: 4096, input_shape: [4096] } }],
    });
    expect(() => parseTopology(big, "big.json")).toThrow(/16,781,312 parameters is more than the proxy's limit/);
  });
});
