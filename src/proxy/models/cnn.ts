import * as tf from "@tensorflow/tfjs";
import type { SeededRandom } from "../seeded-random.js";
import { constantVariable, glorotVariable } from "./init-variables.js";
import { layerOps } from "./layer-ops.js";
import { countParameters, disposeVariables, type ProxyModel } from "./proxy-model.js";

export interface CnnOptions {
  /** [height, width, channels]. */
  inputShape: [number, number, number];
  /** Filters of each block: 3×3 conv (same padding) → ReLU → 2×2 max-pool. */
  channels: number[];
  outputs: number;
  rng: SeededRandom;
}

/**
 * A small convolutional classifier: conv blocks then one dense layer.
 * @example buildCnn({ inputShape: [28, 28, 1], channels: [8, 16], outputs: 10, rng }).description
 *   // "cnn 28x28x1 c8-c16 d10"
 */
export function buildCnn(options: CnnOptions): ProxyModel {
  const [h0, w0, c0] = options.inputShape;
  const filters: tf.Variable[] = [];
  const filterBiases: tf.Variable[] = [];
  let [h, w, c] = [h0, w0, c0];
  let flops = 0;
  options.channels.forEach((out, i) => {
    filters.push(glorotVariable(options.rng, [3, 3, c, out], { fanIn: 9 * c, fanOut: 9 * out }));
    filterBiases.push(constantVariable([out], 0));
    const macs = h * w * 9 * c * out;
    flops += 2 * macs * (i === 0 ? 2 : 3);
    [h, w, c] = [Math.floor(h / 2), Math.floor(w / 2), out];
    if (h < 1 || w < 1)
      throw new Error(`cnn: input ${h0}x${w0} is too small for ${options.channels.length} pooling blocks`);
  });
  const flat = h * w * c;
  const dense = glorotVariable(options.rng, [flat, options.outputs], { fanIn: flat, fanOut: options.outputs });
  const denseBias = constantVariable([options.outputs], 0);
  flops += 2 * 3 * flat * options.outputs;
  const ops = layerOps();
  const variables = [...filters, ...filterBiases, dense, denseBias];
  return {
    description: `cnn ${h0}x${w0}x${c0} ${options.channels.map((k) => `c${k}`).join("-")} d${options.outputs}`,
    variables,
    parameters: countParameters(variables),
    flopsPerExample: flops,
    forward(x) {
      let a = tf.reshape(x, [x.shape[0], h0, w0, c0]) as tf.Tensor4D;
      for (let i = 0; i < filters.length; i++) {
        a = tf.relu(
          tf.add(
            ops.conv2d(a, filters[i] as tf.Tensor4D, { strides: [1, 1], pad: "same", xIsData: i === 0 }),
            filterBiases[i],
          ),
        ) as tf.Tensor4D;
        a = tf.maxPool(a, 2, 2, "valid");
      }
      const flatA = tf.reshape(a, [a.shape[0], flat]) as tf.Tensor2D;
      return tf.add(ops.matMul(flatA, dense as tf.Tensor2D, { xIsData: false }), denseBias);
    },
    dispose: () => disposeVariables(variables),
  };
}
