import * as tf from "@tensorflow/tfjs";
import type { Dataset } from "./data/dataset.js";
import type { BatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch, type Batch } from "./data/make-batch.js";
import type { ProxyModel } from "./models/proxy-model.js";
import { taskLoss } from "./task-loss.js";
import type { OptimizerKind } from "./types.js";

export interface Trainer {
  model: ProxyModel;
  optimizer: tf.Optimizer;
  dataset: Dataset;
}

/**
 * @example createOptimizer("momentum", 0.05) // SGD with momentum 0.9
 */
export function createOptimizer(kind: OptimizerKind, learningRate: number): tf.Optimizer {
  if (kind === "sgd") return tf.train.sgd(learningRate);
  if (kind === "momentum") {
    const optimizer = tf.train.momentum(learningRate, 0.9);
    // tfjs 4.22's MomentumOptimizer.dispose() does not call SGDOptimizer's, so its learning-rate
    // scalar would outlive the run: one leaked tensor per optimizer.
    const dispose = optimizer.dispose.bind(optimizer);
    optimizer.dispose = () => {
      dispose();
      (optimizer as unknown as { c?: tf.Tensor }).c?.dispose();
    };
    return optimizer;
  }
  return tf.train.adam(learningRate);
}

/** The loss of one batch as a closure, for tf.variableGrads. */
export function batchLoss(trainer: Pick<Trainer, "model" | "dataset">, batch: Batch): () => tf.Scalar {
  return () => taskLoss(trainer.dataset.task, trainer.model.forward(batch.x), batch.y, trainer.dataset.outputs);
}

/**
 * One training step: gradients of the batch loss, optimizer update, loss read back (which also
 * waits for the backend, so timing a step times its work).
 * @example const loss = trainStep(trainer, batch)
 */
export function trainStep(trainer: Trainer, batch: Batch): number {
  const { value, grads } = tf.variableGrads(batchLoss(trainer, batch), trainer.model.variables);
  trainer.optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  value.dispose();
  tf.dispose(Object.values(grads));
  return loss;
}

/**
 * One training step on the next `size` training examples of `order`; the batch is freed after it.
 * @example const loss = trainOnNext(trainer, order, 32)
 */
export function trainOnNext(trainer: Trainer, order: BatchOrder, size: number): number {
  const batch = makeBatch(trainer.dataset, trainer.dataset.train, order.next(size));
  try {
    return trainStep(trainer, batch);
  } finally {
    disposeBatch(batch);
  }
}

/** Loss of a batch without training (held-out evaluation). */
export function evaluateLoss(trainer: Pick<Trainer, "model" | "dataset">, batch: Batch): number {
  const value = tf.tidy(batchLoss(trainer, batch));
  const loss = value.dataSync()[0];
  value.dispose();
  return loss;
}

export function disposeTrainer(trainer: Trainer): void {
  trainer.optimizer.dispose();
  trainer.model.dispose();
}
