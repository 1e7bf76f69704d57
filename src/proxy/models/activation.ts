import * as tf from "@tensorflow/tfjs";

/** Keras activation names the proxy can train with; "softmax"/"sigmoid" at the output are folded into the loss instead.
 * */
export const ACTIVATIONS: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  relu6: (x) => tf.relu6(x),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  softplus: (x) => tf.softplus(x),
  // swish/silu as x·σ(x), written out so it needs no dedicated kernel.
  swish: (x) => tf.mul(x, tf.sigmoid(x)),
  silu: (x) => tf.mul(x, tf.sigmoid(x)),
  softmax: (x) => tf.softmax(x),
};

/** @example activation("relu")(h) */
export function activation(name: string): (x: tf.Tensor) => tf.Tensor {
  const fn = ACTIVATIONS[name];
  if (!fn) throw new Error(`Unsupported activation "${name}"; supported: ${Object.keys(ACTIVATIONS).join(", ")}`);
  return fn;
}
