import * as tf from "@tensorflow/tfjs";
import type { SeededRandom } from "../seeded-random.js";

/**
 * Glorot-uniform weights drawn from the seeded stream (Glorot & Bengio 2010), so the same seed
 * gives the same network on every backend.
 * @example glorotVariable(rng, [784, 256], { fanIn: 784, fanOut: 256 })
 */
export function glorotVariable(
  rng: SeededRandom,
  shape: number[],
  fans: { fanIn: number; fanOut: number },
): tf.Variable {
  const limit = Math.sqrt(6 / (fans.fanIn + fans.fanOut));
  return fromValues(shape, () => (2 * rng.next() - 1) * limit);
}

export function normalVariable(rng: SeededRandom, shape: number[], std: number): tf.Variable {
  return fromValues(shape, () => rng.normal() * std);
}

export function constantVariable(shape: number[], value: number): tf.Variable {
  return fromValues(shape, () => value);
}

function fromValues(shape: number[], draw: () => number): tf.Variable {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = draw();
  const initial = tf.tensor(values, shape, "float32");
  // tf.variable copies its initial value; the copy source would otherwise leak.
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}
