import { z } from "zod";
import { kerasLayerSpec } from "./keras-layer-spec.js";
import { layerEntry, type LayerEntry } from "./topology-schema.js";
import { layerShape } from "./topology-shapes.js";
import type { LayerSpec, TopologySpec, TopologyTask } from "./topology-spec.js";

/** The proxy trains on a runner's CPU; a topology above this is a real model, not a proxy. */
export const MAX_TOPOLOGY_PARAMETERS = 5_000_000;

const modelSchema = z.object({
  class_name: z.enum(["Sequential", "Functional", "Model"], {
    error: "class_name must be Sequential, Functional or Model",
  }),
  config: z.union([z.array(z.unknown()), z.object({ layers: z.array(z.unknown()) })], {
    error: "config must hold a layers array",
  }),
});

/**
 * Reads a Keras / TF.js layers `model.json` as data — never through tf.loadLayersModel — and
 * returns the validated layer chain. Accepts the TF.js wrapper (`modelTopology`), Keras's
 * `model_config`, or the bare `{class_name, config}`; Sequential models and single-chain Functional ones.
 * @example parseTopology(text, "model.json").summary // "Dense(128, relu) → Dense(10, softmax)"
 */
export function parseTopology(text: string, source: string): TopologySpec {
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`);
  };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  const model = modelSchema.safeParse(unwrap(root));
  if (!model.success) return fail(`not a Keras model topology: ${model.error.issues[0].message}`);
  const rawLayers = Array.isArray(model.data.config) ? model.data.config : model.data.config.layers;
  const entries = rawLayers.map((raw, index) => {
    const parsed = layerEntry.safeParse(raw);
    return parsed.success ? parsed.data : fail(`layer ${index}: not a layer entry (needs class_name and config)`);
  });
  if (entries.length === 0) fail("the model has no layers");
  if (model.data.class_name !== "Sequential") checkSingleChain(entries, fail);

  const layers: LayerSpec[] = [];
  const summary: string[] = [];
  let inputShape: number[] | undefined;
  let shape: number[] | undefined;
  let parameters = 0;
  entries.forEach((entry, index) => {
    const where = `layer ${index} (${entry.class_name}${layerName(entry) ? ` "${layerName(entry)}"` : ""})`;
    try {
      const converted = kerasLayerSpec(entry);
      if (converted.inputShape && !inputShape) inputShape = shape = converted.inputShape;
      if (entry.class_name === "InputLayer" && index > 0) throw new Error("an InputLayer may only come first");
      if (converted.note) summary.push(converted.note);
      if (!converted.spec) return;
      if (!shape)
        throw new Error("the input shape is unknown: give the first layer batch_input_shape (or add an InputLayer)");
      const step = layerShape(converted.spec, shape);
      shape = step.outputShape;
      parameters += step.parameters;
      layers.push(converted.spec);
      summary.push(describe(converted.spec));
    } catch (error) {
      fail(`${where}: ${(error as Error).message}`);
    }
  });
  if (!inputShape || !shape) return fail("the model declares no input shape");
  if (layers.length === 0) fail("the model has no trainable layers");
  if (shape.length !== 1)
    fail(`the output has shape [${shape.join(", ")}]; the proxy needs a flat output (add Flatten and Dense)`);
  if (parameters > MAX_TOPOLOGY_PARAMETERS)
    fail(
      `${parameters.toLocaleString("en")} parameters is more than the proxy's ` +
        `limit of ${MAX_TOPOLOGY_PARAMETERS.toLocaleString("en")}`,
    );
  let task: TopologyTask = { kind: "regression", outputs: shape[0] };
  try {
    task = foldOutputActivation(layers, shape[0]);
  } catch (error) {
    fail(`output layer: ${(error as Error).message}`);
  }
  return { inputShape, layers, task, summary: summary.join(" → ") };
}

function unwrap(root: unknown): unknown {
  let node = root as Record<string, unknown> | null;
  if (node && typeof node === "object" && "modelTopology" in node) node = node.modelTopology as Record<string, unknown>;
  if (node && typeof node === "object" && "model_config" in node) node = node.model_config as Record<string, unknown>;
  return node;
}

function layerName(entry: LayerEntry): string | undefined {
  const name = entry.name ?? entry.config.name;
  return typeof name === "string" ? name : undefined;
}

/** Functional graphs are accepted only when each layer feeds exactly the next one. */
function checkSingleChain(entries: LayerEntry[], fail: (message: string) => never): void {
  for (let i = 1; i < entries.length; i++) {
    const inbound = inboundNames(entries[i].inbound_nodes);
    const previous = layerName(entries[i - 1]);
    if (inbound.length !== 1 || inbound[0] !== previous) {
      fail(
        `layer ${i} (${entries[i].class_name} "${layerName(entries[i]) ?? "?"}"): ` +
          "only a single chain of layers is supported, but its inputs are " +
          `[${inbound.join(", ")}] instead of "${previous}"`,
      );
    }
  }
}

/**
 * Keras 2 writes [[["dense_1", 0, 0, {}]]]; Keras 3 writes
 * [{args: [{config: {keras_history: ["dense_1", 0, 0]}}]}].
 */
function inboundNames(nodes: unknown): string[] {
  const names: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      if (typeof value[0] === "string" && typeof value[1] === "number") names.push(value[0]);
      else value.forEach(walk);
    } else if (value && typeof value === "object") {
      Object.values(value).forEach(walk);
    }
  };
  walk(nodes);
  return names;
}

/** A final softmax/sigmoid belongs to the loss (cross-entropy on logits is the stable form). */
function foldOutputActivation(layers: LayerSpec[], outputs: number): TopologyTask {
  const last = layers[layers.length - 1];
  const finalActivation =
    last.kind === "dense" || last.kind === "conv2d" || last.kind === "activation" ? last.activation : "linear";
  if (finalActivation !== "softmax" && finalActivation !== "sigmoid") return { kind: "regression", outputs };
  if (last.kind === "activation") layers.pop();
  else if (last.kind === "dense" || last.kind === "conv2d") last.activation = "linear";
  if (finalActivation === "softmax") return { kind: "classification", classes: outputs };
  if (outputs !== 1)
    throw new Error(`a sigmoid output needs 1 unit, not ${outputs} (multi-label outputs are not supported)`);
  return { kind: "binary" };
}

function describe(spec: LayerSpec): string {
  switch (spec.kind) {
    case "dense":
      return `Dense(${spec.units}, ${spec.activation})`;
    case "conv2d":
      return (
        `Conv2D(${spec.filters}, ${spec.kernel.join("x")}` +
        `${spec.strides[0] > 1 ? `/${spec.strides[0]}` : ""}, ${spec.activation})`
      );
    case "pool":
      return `${spec.mode === "max" ? "MaxPool" : "AvgPool"}(${spec.pool.join("x")})`;
    case "flatten":
      return "Flatten";
    case "activation":
      return spec.activation;
  }
}
