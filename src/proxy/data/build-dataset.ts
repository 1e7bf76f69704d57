import { SYNTHETIC_FEATURES, SYNTHETIC_IMAGE_SIDE, TRANSFORMER_SIZES } from "../model-sizes.js";
import type { TopologySpec } from "../models/topology-spec.js";
import { seededRandom } from "../seeded-random.js";
import type { ProxyPlan } from "../types.js";
import type { Dataset, Task } from "./dataset.js";
import { loadSample } from "./load-sample.js";
import { mnistDataset } from "./mnist-dataset.js";
import { regressionData } from "./regression.js";
import { teacherStudentDataset } from "./teacher-student.js";
import { tokenDataset } from "./tokens.js";

export interface BuildDatasetOptions {
  plan: ProxyPlan;
  /** The user's topology when the model kind is "user": its input shape and output decide the data's. */
  topology?: TopologySpec;
  /** Absolute path of the sample when the data kind is "user". */
  samplePath?: string;
}

const DEFAULT_EXAMPLES = 8192;
const DEFAULT_SEQUENCES = 4096;

/**
 * The plan's data, shaped for its model: flat for the mlp, images for the cnn, tokens for the
 * transformer, whatever a user topology declares. Mismatches are errors that say what would fit.
 * @example await buildDataset({ plan }) // MNIST flattened for an mlp plan
 */
export async function buildDataset(options: BuildDatasetOptions): Promise<Dataset> {
  const { plan } = options;
  const kind = plan.data.kind;
  const model = plan.model.kind;
  const rng = seededRandom(plan.seed, "data");
  if ((model === "transformer") !== (kind === "tokens")) {
    throw new Error(
      "The transformer proxy trains on token data and token data needs the " +
        `transformer (got model "${model}" with data "${kind}")`,
    );
  }
  const want = wantedShape(options);
  const examples = plan.data.examples;
  if (kind === "tokens") {
    const size = TRANSFORMER_SIZES[plan.model.size ?? "small"];
    return tokenDataset({
      vocab: size.vocab,
      sequenceLength: size.sequenceLength,
      examples: examples ?? DEFAULT_SEQUENCES,
      evalExamples: 256,
      rng,
    });
  }
  let dataset: Dataset;
  if (kind === "mnist") {
    dataset = await mnistDataset({
      inputShape: want.inputShape ?? (model === "cnn" ? [28, 28, 1] : [784]),
      examples,
      rng,
    });
  } else if (kind === "teacher-student") {
    dataset = teacherStudentDataset({
      inputShape: want.inputShape ?? defaultSynthetic(model),
      classes: want.outputs ?? 10,
      examples: examples ?? DEFAULT_EXAMPLES,
      evalExamples: 1024,
      labelNoise: plan.data.labelNoise ?? 0,
      rng,
    });
  } else if (kind === "regression") {
    dataset = regressionData({
      inputShape: want.inputShape ?? defaultSynthetic(model),
      outputs: want.outputs ?? 1,
      examples: examples ?? DEFAULT_EXAMPLES,
      evalExamples: 1024,
      noiseStd: plan.data.labelNoise ?? 0.5,
      rng,
    }).dataset;
  } else {
    if (!options.samplePath) throw new Error('Data kind "user" needs data.samplePath (a CSV or JSONL file)');
    if (model === "cnn")
      throw new Error(
        "The cnn proxy needs image data (mnist, teacher-student or regression); a " +
          "tabular sample fits the mlp or your own topology",
      );
    // A linear output of K > 1 units may be K classes' logits: let the labels say (lossFromShapes).
    const logitsOrTargets = want.task === "regression" && (want.outputs ?? 1) > 1;
    dataset = await loadSample({
      path: options.samplePath,
      labelColumn: plan.data.labelColumn,
      task: logitsOrTargets ? undefined : want.task,
      rng,
    });
    if (logitsOrTargets) lossFromShapes(dataset, want.outputs!);
  }
  checkFits(dataset, options);
  return dataset;
}

function defaultSynthetic(model: string): number[] {
  return model === "cnn" ? [SYNTHETIC_IMAGE_SIDE, SYNTHETIC_IMAGE_SIDE, 1] : [SYNTHETIC_FEATURES];
}

function wantedShape(options: BuildDatasetOptions): { inputShape?: number[]; outputs?: number; task?: Task } {
  const t = options.topology;
  if (!t) return {};
  const task = t.task.kind;
  const outputs = t.task.kind === "classification" ? t.task.classes : t.task.kind === "regression" ? t.task.outputs : 1;
  const kind = options.plan.data.kind;
  if (kind === "teacher-student" && task !== "classification")
    throw new Error(
      `Teacher–student data is classification, but your topology ends in a ${task} ` +
        'output; use data "regression" or your own sample',
    );
  if (kind === "regression" && task !== "regression")
    throw new Error(
      `Regression data needs a linear output, but your topology ends in a ${task} ` +
        'output; use data "teacher-student" or your own sample',
    );
  if (kind === "mnist" && (task !== "classification" || outputs !== 10))
    throw new Error("MNIST needs a 10-class softmax output");
  return { inputShape: t.inputShape, outputs, task };
}

/**
 * A linear last layer of K > 1 units over one label column: integer labels in [0, K) make it a
 * K-class classifier trained from logits (softmax cross-entropy); anything else fits neither
 * reading, and broadcasting K outputs against one target would train nonsense without a word.
 */
function lossFromShapes(dataset: Dataset, units: number): void {
  const asClasses = dataset.task === "classification" && dataset.outputs <= units;
  if (asClasses) {
    dataset.outputs = units;
    return;
  }
  throw new Error(
    `Your topology ends in a linear layer of ${units} units (output shape ` +
      `[${units}]) but the data has one label per example (shape [1])` +
      `${dataset.task === "classification" ? ` with ${dataset.outputs} classes` : " with real values"}: ` +
      `use ${units} units with integer labels 0…${units - 1} for ${units} classes, or 1 unit for a real-valued target`,
  );
}

function checkFits(dataset: Dataset, options: BuildDatasetOptions): void {
  const t = options.topology;
  if (!t) return;
  const want = t.inputShape.reduce((a, b) => a * b, 1);
  const have = dataset.inputShape.reduce((a, b) => a * b, 1);
  if (want !== have)
    throw new Error(
      `Your topology takes inputs of shape [${t.inputShape.join(", ")}] (${want} ` +
        `values) but the data has ${have} features per example`,
    );
  if (t.task.kind === "classification" && dataset.outputs > t.task.classes) {
    throw new Error(`The data has ${dataset.outputs} classes but your topology's softmax has ${t.task.classes} units`);
  }
  if (dataset.task === "classification")
    dataset.outputs = t.task.kind === "classification" ? t.task.classes : dataset.outputs;
  dataset.inputShape = t.inputShape;
}
