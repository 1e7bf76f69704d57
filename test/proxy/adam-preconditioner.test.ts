import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { adamPreconditioner } from "../../src/proxy/adam-preconditioner.js";
import { loadBackend } from "../../src/proxy/load-backend.js";

describe("Adam's diagonal preconditioner read from the optimizer", () => {
  beforeAll(async () => {
    await loadBackend({ force: "wasm" });
  });

  it("after one step is 1/(|g| + ε) per component (v̂ = g² once bias-corrected)", async () => {
    const w = tf.variable(tf.tensor1d([1, 2, 3]), true, "precond-w");
    const optimizer = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
    const g = tf.tensor1d([0.5, -2, 0.001]);
    optimizer.applyGradients([{ name: w.name, tensor: g }]);
    const p = await adamPreconditioner(optimizer, { variables: [w] });
    expect(p).toHaveLength(1);
    const values = Array.from(p![0].dataSync());
    [0.5, 2, 0.001].forEach((abs, i) => expect(values[i]).toBeCloseTo(1 / (abs + 1e-8), 0));
    expect(values[2] / values[0]).toBeCloseTo(500, -1);
    tf.dispose([...p!, g, w]);
    optimizer.dispose();
  });

  it("is undefined for SGD and for an Adam that has not stepped", async () => {
    const w = tf.variable(tf.tensor1d([1]), true, "precond-w2");
    expect(await adamPreconditioner(tf.train.sgd(0.1), { variables: [w] })).toBeUndefined();
    const adam = tf.train.adam(0.01);
    expect(await adamPreconditioner(adam, { variables: [w] })).toBeUndefined();
    adam.dispose();
    w.dispose();
  });
});
