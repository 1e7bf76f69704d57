import * as tf from "@tensorflow/tfjs";
import type { SeededRandom } from "../seeded-random.js";
import { constantVariable, glorotVariable } from "./init-variables.js";
import { layerOps } from "./layer-ops.js";
import { countParameters, disposeVariables, type ProxyModel } from "./proxy-model.js";

export interface MlpOptions {
  inputSize: number;
  hidden: number[];
  outputs: number;
  rng: SeededRandom;
}

/**
 * A ReLU multilayer perceptron; inputs of any shape are flattened. `hidden: []` is a linear model.
 * @example buildMlp({ inputSize: 784, hidden: [256, 128], outputs: 10, rng }).description // "mlp 784-256-128-10"
 */
export function buildMlp(options: MlpOptions): ProxyModel {
  const widths = [options.inputSize, ...options.hidden, options.outputs];
  const weights: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  for (let i = 0; i + 1 < widths.length; i++) {
    weights.push(glorotVariable(options.rng, [widths[i], widths[i + 1]], { fanIn: widths[i], fanOut: widths[i + 1] }));
    biases.push(constantVariable([widths[i + 1]], 0));
  }
  const ops = layerOps();
  const variables = [...weights, ...biases];
  let macs = 0;
  for (let i = 0; i + 1 < widths.length; i++) macs += widths[i] * widths[i + 1];
  // forward + weight gradient for every layer, input gradient for all but the first.
  const flopsPerExample = 2 * (3 * macs - widths[0] * widths[1]);
  return {
    description: `mlp ${widths.join("-")}`,
    variables,
    parameters: countParameters(variables),
    flopsPerExample,
    forward(x) {
      let h = x.rank === 2 ? (x as tf.Tensor2D) : (tf.reshape(x, [x.shape[0], options.inputSize]) as tf.Tensor2D);
      for (let i = 0; i < weights.length; i++) {
        h = tf.add(ops.matMul(h, weights[i] as tf.Tensor2D, { xIsData: i === 0 }), biases[i]);
        if (i < weights.length - 1) h = tf.relu(h);
      }
      return h;
    },
    dispose: () => disposeVariables(variables),
  };
}
