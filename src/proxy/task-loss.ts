import * as tf from "@tensorflow/tfjs";
import type { Task } from "./data/dataset.js";

/**
 * Mean loss over the batch: cross-entropy on logits for classes and tokens (nats), sigmoid
 * cross-entropy for binary labels, and ½‖f(x) − y‖² for regression (so a linear model's
 * per-example gradient is (w·x − y)·x, the form the noise-scale derivation uses).
 * @example taskLoss("classification", logits, labels, 10)
 */
export function taskLoss(task: Task, outputs: tf.Tensor, labels: tf.Tensor, classes: number): tf.Scalar {
  return tf.tidy(() => {
    if (task === "regression") return tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(outputs, labels)), -1))) as tf.Scalar;
    if (task === "binary") return tf.losses.sigmoidCrossEntropy(labels, outputs) as tf.Scalar;
    const flatLabels = tf.reshape(labels, [-1]) as tf.Tensor1D;
    const oneHot = tf.cast(tf.oneHot(tf.cast(flatLabels, "int32") as tf.Tensor1D, classes), "float32");
    const logProbabilities = tf.logSoftmax(tf.reshape(outputs, [-1, classes]));
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logProbabilities), -1))) as tf.Scalar;
  });
}
