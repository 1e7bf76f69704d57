import type { Dataset } from "../data/dataset.js";
import { CNN_CHANNELS, MLP_HIDDEN, TRANSFORMER_SIZES } from "../model-sizes.js";
import type { SeededRandom } from "../seeded-random.js";
import type { ProxyPlan } from "../types.js";
import { buildTopologyModel } from "./build-topology-model.js";
import { buildCnn } from "./cnn.js";
import { buildMlp } from "./mlp.js";
import type { ProxyModel } from "./proxy-model.js";
import type { TopologySpec } from "./topology-spec.js";
import { buildTransformer } from "./transformer.js";

export interface BuildModelOptions {
  plan: ProxyPlan;
  dataset: Dataset;
  topology?: TopologySpec;
  rng: SeededRandom;
}

/**
 * A freshly initialised proxy network for the plan, sized to its data. The same rng state gives the same weights.
 * @example buildModel({ plan, dataset, rng: seededRandom(plan.seed, "init") }).description // "mlp 784-256-128-10"
 */
export function buildModel(options: BuildModelOptions): ProxyModel {
  const { plan, dataset, rng } = options;
  const size = plan.model.size ?? "small";
  const inputSize = dataset.inputShape.reduce((a, b) => a * b, 1);
  switch (plan.model.kind) {
    case "mlp":
      return buildMlp({ inputSize, hidden: plan.model.hidden ?? [...MLP_HIDDEN[size]], outputs: dataset.outputs, rng });
    case "cnn": {
      if (dataset.inputShape.length !== 3)
        throw new Error(`The cnn proxy needs [height, width, channels] inputs, not [${dataset.inputShape.join(", ")}]`);
      const [h, w, c] = dataset.inputShape;
      return buildCnn({
        inputShape: [h, w, c],
        channels: plan.model.hidden ?? [...CNN_CHANNELS[size]],
        outputs: dataset.outputs,
        rng,
      });
    }
    case "transformer": {
      const preset = TRANSFORMER_SIZES[size];
      const hidden = plan.model.hidden;
      if (hidden && new Set(hidden).size > 1)
        throw new Error(`transformer hidden sizes must all be equal (one width per block), got [${hidden.join(", ")}]`);
      const width = hidden?.[0] ?? preset.width;
      return buildTransformer({
        vocab: dataset.outputs,
        sequenceLength: dataset.inputShape[0],
        width,
        blocks: hidden?.length ?? preset.blocks,
        heads: width % preset.heads === 0 ? preset.heads : 1,
        rng,
      });
    }
    case "user":
      if (!options.topology) throw new Error('Model kind "user" needs model.topologyPath (a Keras / TF.js model.json)');
      return buildTopologyModel(options.topology, { rng, name: plan.model.topologyPath ?? "model.json" });
  }
}
