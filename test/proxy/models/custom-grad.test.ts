import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { loadBackend } from "../../../src/proxy/load-backend.js";
import { conv2dCustomGrad } from "../../../src/proxy/models/conv2d-custom-grad.js";
import { matMulExplicitTranspose } from "../../../src/proxy/models/dense-custom-grad.js";
import { seededRandom } from "../../../src/proxy/seeded-random.js";

const normals = (n: number, seed: number) => {
  const rng = seededRandom(seed, "grad-test");
  return Float32Array.from({ length: n }, () => rng.normal());
};

/** Gradients of Σ(op(a, b)·dy) with respect to a and b, as plain arrays. */
function gradients(
  op: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  a: tf.Tensor,
  b: tf.Tensor,
  dy: Float32Array,
): Float32Array[] {
  return tf.tidy(() => {
    const g = tf.grads((x: tf.Tensor, y: tf.Tensor) => {
      const out = op(x, y);
      return tf.sum(tf.mul(out, tf.tensor(dy, out.shape)));
    });
    return g([a, b]).map((t) => t.dataSync() as Float32Array);
  });
}

function relativeError(actual: Float32Array, expected: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / scale;
}

const CASES = [
  { name: "3×3 same, stride 1", x: [2, 8, 8, 3], w: [3, 3, 3, 4], strides: [1, 1], pad: "same" },
  { name: "3×3 valid, stride 2", x: [2, 9, 9, 2], w: [3, 3, 2, 5], strides: [2, 2], pad: "valid" },
  { name: "2×3 same, stride 2 on an odd 7×9 input", x: [3, 7, 9, 2], w: [2, 3, 2, 3], strides: [2, 2], pad: "same" },
] as const;

describe("custom-gradient conv2d on wasm (no Conv2DBackpropFilter there)", () => {
  for (const c of CASES) {
    it(`matches the cpu backend's native gradients: ${c.name}`, async () => {
      const xs = normals(
        c.x.reduce((a, b) => a * b, 1),
        1,
      );
      const ws = normals(
        c.w.reduce((a, b) => a * b, 1),
        2,
      );
      const strides = [...c.strides] as [number, number];
      await loadBackend({ force: "cpu" });
      const outShape = tf.tidy(
        () => tf.conv2d(tf.tensor4d(xs, [...c.x]), tf.tensor4d(ws, [...c.w]), strides, c.pad).shape,
      );
      const dy = normals(
        outShape.reduce((a, b) => a * b, 1),
        3,
      );
      const native = gradients(
        (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, strides, c.pad),
        tf.tensor4d(xs, [...c.x]),
        tf.tensor4d(ws, [...c.w]),
        dy,
      );
      await loadBackend({ force: "wasm" });
      const custom = gradients(
        (x, w) => conv2dCustomGrad(x as tf.Tensor4D, w as tf.Tensor4D, { strides, pad: c.pad, xIsData: false }),
        tf.tensor4d(xs, [...c.x]),
        tf.tensor4d(ws, [...c.w]),
        dy,
      );
      expect(relativeError(custom[0], native[0])).toBeLessThan(2e-6);
      expect(relativeError(custom[1], native[1])).toBeLessThan(2e-6);
    });
  }

  it("computes only the filter gradient when the input is data", async () => {
    await loadBackend({ force: "wasm" });
    const x = tf.tensor4d(normals(2 * 6 * 6 * 1, 4), [2, 6, 6, 1]);
    const w = tf.variable(tf.tensor4d(normals(9 * 2, 5), [3, 3, 1, 2]));
    const { grads } = tf.variableGrads(() =>
      tf.sum(conv2dCustomGrad(x, w as tf.Tensor4D, { strides: [1, 1], pad: "same", xIsData: true })),
    );
    expect(grads[w.name].shape).toEqual([3, 3, 1, 2]);
    tf.dispose([x, w, ...Object.values(grads)]);
  });
});

describe("explicit-transpose matMul (wasm's transposed matMul is slow)", () => {
  it("matches the native matMul gradient", async () => {
    const as = normals(16 * 12, 6);
    const bs = normals(12 * 7, 7);
    const dy = normals(16 * 7, 8);
    await loadBackend({ force: "cpu" });
    const native = gradients(
      (a, b) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
      tf.tensor2d(as, [16, 12]),
      tf.tensor2d(bs, [12, 7]),
      dy,
    );
    await loadBackend({ force: "wasm" });
    const custom = gradients(
      (a, b) => matMulExplicitTranspose(a as tf.Tensor2D, b as tf.Tensor2D, { xIsData: false }),
      tf.tensor2d(as, [16, 12]),
      tf.tensor2d(bs, [12, 7]),
      dy,
    );
    expect(relativeError(custom[0], native[0])).toBeLessThan(2e-6);
    expect(relativeError(custom[1], native[1])).toBeLessThan(2e-6);
  });
});
