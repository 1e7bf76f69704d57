import * as tf from "@tensorflow/tfjs";
import { conv2dCustomGrad, type Conv2dOptions } from "./conv2d-custom-grad.js";
import { matMulExplicitTranspose } from "./dense-custom-grad.js";

/** The two heavy ops of every proxy model, in the form that trains fastest on the active backend. */
export interface LayerOps {
  matMul(x: tf.Tensor2D, w: tf.Tensor2D, options: { xIsData: boolean }): tf.Tensor2D;
  conv2d(x: tf.Tensor4D, w: tf.Tensor4D, options: Conv2dOptions): tf.Tensor4D;
}

/**
 * wasm gets the custom-gradient forms (no Conv2DBackpropFilter kernel; slow transposed matMul);
 * every other backend uses the native ops and their registered gradients.
 * @example layerOps("wasm").conv2d(x, w, { strides: [1, 1], pad: "same", xIsData: true })
 */
export function layerOps(backend: string = tf.getBackend()): LayerOps {
  if (backend === "wasm") return { matMul: matMulExplicitTranspose, conv2d: conv2dCustomGrad };
  return {
    matMul: (x, w) => tf.matMul(x, w),
    conv2d: (x, w, options) => tf.conv2d(x, w, options.strides, options.pad),
  };
}
