import * as tf from "@tensorflow/tfjs";
import type { SeededRandom } from "../seeded-random.js";
import { activation } from "./activation.js";
import { constantVariable, glorotVariable } from "./init-variables.js";
import { layerOps } from "./layer-ops.js";
import { countParameters, disposeVariables, type ProxyModel } from "./proxy-model.js";
import { layerShape } from "./topology-shapes.js";
import type { TopologySpec } from "./topology-spec.js";

/**
 * Fresh, seeded variables for a validated user topology (Keras's default glorot-uniform kernels,
 * zero biases) and a forward pass written with the same ops as the built-in models.
 * @example buildTopologyModel(await loadTopology("model.json"), { rng, name: "model.json" })
 */
export function buildTopologyModel(spec: TopologySpec, options: { rng: SeededRandom; name: string }): ProxyModel {
  const ops = layerOps();
  const variables: tf.Variable[] = [];
  const steps: Array<(x: tf.Tensor) => tf.Tensor> = [];
  let shape = spec.inputShape;
  let flops = 0;
  let firstWeighted = true;
  for (const layer of spec.layers) {
    const step = layerShape(layer, shape);
    const xIsData = firstWeighted;
    if (layer.kind === "dense") {
      const w = glorotVariable(options.rng, [shape[0], layer.units], { fanIn: shape[0], fanOut: layer.units });
      const b = layer.useBias ? constantVariable([layer.units], 0) : null;
      variables.push(w, ...(b ? [b] : []));
      const act = activation(layer.activation);
      steps.push((x) =>
        act(
          b
            ? tf.add(ops.matMul(x as tf.Tensor2D, w as tf.Tensor2D, { xIsData }), b)
            : ops.matMul(x as tf.Tensor2D, w as tf.Tensor2D, { xIsData }),
        ),
      );
    } else if (layer.kind === "conv2d") {
      const [kh, kw] = layer.kernel;
      const c = shape[2];
      const w = glorotVariable(options.rng, [kh, kw, c, layer.filters], {
        fanIn: kh * kw * c,
        fanOut: kh * kw * layer.filters,
      });
      const b = layer.useBias ? constantVariable([layer.filters], 0) : null;
      variables.push(w, ...(b ? [b] : []));
      const act = activation(layer.activation);
      const conv = { strides: layer.strides, pad: layer.padding, xIsData };
      steps.push((x) => {
        const y = ops.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, conv);
        return act(b ? tf.add(y, b) : y);
      });
    } else if (layer.kind === "pool") {
      const pool = layer.mode === "max" ? tf.maxPool : tf.avgPool;
      steps.push((x) => pool(x as tf.Tensor4D, layer.pool, layer.strides, layer.padding));
    } else if (layer.kind === "flatten") {
      const size = step.outputShape[0];
      steps.push((x) => tf.reshape(x, [x.shape[0], size]));
    } else {
      steps.push(activation(layer.activation));
    }
    if (layer.kind === "dense" || layer.kind === "conv2d") {
      flops += 2 * step.macs * (firstWeighted ? 2 : 3);
      firstWeighted = false;
    }
    shape = step.outputShape;
  }
  return {
    description: `${options.name}: ${spec.summary}`,
    variables,
    parameters: countParameters(variables),
    flopsPerExample: flops,
    forward(x) {
      let h = tf.reshape(x, [x.shape[0], ...spec.inputShape]);
      for (const step of steps) h = step(h);
      return h;
    },
    dispose: () => disposeVariables(variables),
  };
}
