import type * as tf from "@tensorflow/tfjs";

/**
 * A proxy network as plain tf ops over explicit variables: one training step is
 * `tf.variableGrads(loss)` + `optimizer.applyGradients`, so the caller controls what is timed and profiled.
 */
export interface ProxyModel {
  /** e.g. "mlp 784-256-128-10". */
  description: string;
  variables: tf.Variable[];
  parameters: number;
  /** Matmul/conv FLOPs of one forward + backward pass per example (elementwise ops not counted). */
  flopsPerExample: number;
  /** Logits (classification, language model) or predictions (regression) for a batch. */
  forward(x: tf.Tensor): tf.Tensor;
  dispose(): void;
}

/** Disposes every variable; shared by the model builders. */
export function disposeVariables(variables: tf.Variable[]): void {
  for (const v of variables) v.dispose();
}

export function countParameters(variables: tf.Variable[]): number {
  return variables.reduce((sum, v) => sum + v.size, 0);
}
