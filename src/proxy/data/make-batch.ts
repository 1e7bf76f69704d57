import * as tf from "@tensorflow/tfjs";
import type { Dataset, ExampleSet } from "./dataset.js";

export interface Batch {
  x: tf.Tensor;
  y: tf.Tensor;
  size: number;
}

/**
 * Copies the chosen examples into a pair of tensors shaped for the task's loss. The caller disposes them.
 * @example const batch = makeBatch(dataset, dataset.train, order.next(64))
 */
export function makeBatch(dataset: Dataset, set: ExampleSet, indices: ArrayLike<number>): Batch {
  const xSize = dataset.inputShape.reduce((a, b) => a * b, 1);
  const ySize = dataset.labelsPerExample;
  const n = indices.length;
  const x = set.x instanceof Int32Array ? new Int32Array(n * xSize) : new Float32Array(n * xSize);
  const y = set.y instanceof Int32Array ? new Int32Array(n * ySize) : new Float32Array(n * ySize);
  for (let i = 0; i < n; i++) {
    const k = indices[i];
    x.set(set.x.subarray(k * xSize, (k + 1) * xSize), i * xSize);
    y.set(set.y.subarray(k * ySize, (k + 1) * ySize), i * ySize);
  }
  const labelShape = dataset.task === "classification" ? [n] : [n, ySize];
  return {
    x: tf.tensor(x, [n, ...dataset.inputShape], x instanceof Int32Array ? "int32" : "float32"),
    y: tf.tensor(y, labelShape, y instanceof Int32Array ? "int32" : "float32"),
    size: n,
  };
}

export function disposeBatch(batch: Batch): void {
  batch.x.dispose();
  batch.y.dispose();
}
