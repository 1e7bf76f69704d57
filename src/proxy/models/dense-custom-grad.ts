import * as tf from "@tensorflow/tfjs";

/**
 * x·W whose backward pass transposes explicitly and then multiplies untransposed: the wasm
 * backend's matMul with a transpose flag runs ≈ 13× slower than a plain one (measured: 2.6 vs
 * 35 GFLOP/s for 256×784×256), which made backward passes dominate every step.
 * When `xIsData` is set, x needs no gradient and dx is never computed (customGrad computes every
 * returned gradient eagerly).
 * @example matMulExplicitTranspose(batch, w1, { xIsData: true })
 */
export function matMulExplicitTranspose(x: tf.Tensor2D, w: tf.Tensor2D, options: { xIsData: boolean }): tf.Tensor2D {
  // Tensors the backward pass needs go through save(): the forward pass runs in a tidy scope that
  // disposes intermediates, so a closure over them would read freed memory.
  if (options.xIsData) {
    const op = tf.customGrad((wIn, save) => {
      (save as tf.GradSaveFunc)([x]);
      return {
        value: tf.matMul(x, wIn as tf.Tensor2D),
        gradFunc: (dy, [xSaved]) => tf.tidy(() => tf.matMul(tf.transpose(xSaved), dy as tf.Tensor2D)),
      };
    });
    return op(w) as tf.Tensor2D;
  }
  const op = tf.customGrad((xIn, wIn, save) => {
    (save as tf.GradSaveFunc)([xIn as tf.Tensor, wIn as tf.Tensor]);
    return {
      value: tf.matMul(xIn as tf.Tensor2D, wIn as tf.Tensor2D),
      gradFunc: (dy, [xSaved, wSaved]) => [
        tf.tidy(() => tf.matMul(dy as tf.Tensor2D, tf.transpose(wSaved))),
        tf.tidy(() => tf.matMul(tf.transpose(xSaved), dy as tf.Tensor2D)),
      ],
    };
  });
  return op(x, w) as tf.Tensor2D;
}
