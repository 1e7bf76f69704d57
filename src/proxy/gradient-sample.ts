import * as tf from "@tensorflow/tfjs";
import type { BatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch } from "./data/make-batch.js";
import type { GradientNormPair } from "./noise-scale.js";
import { batchLoss, type Trainer } from "./train-step.js";

export interface GradientSample extends GradientNormPair {
  /** Mean loss over the micro-batches: the loss at which the gradients were taken. */
  loss: number;
  /**
   * The same two norms in the optimizer's preconditioned metric, Σᵢ pᵢ·gᵢ², when a preconditioner
   * was given: the norms of the gradient in the coordinates where the update is plain SGD.
   */
  preconditioned?: GradientNormPair;
}

/**
 * |g|² at B_small and at B_big = k·B_small, at the current parameters, from k disjoint micro-batches:
 * |g_small|² is the mean of the k micro-batch norms (each an unbiased draw at B_small, averaging
 * only lowers variance), g_big is the mean of the k gradients — the data-parallel arrangement of
 * McCandlish et al. 2018 App. A.1, with memory of one micro-batch. With `preconditioner` (one
 * tensor pᵢ per variable, in the model's variable order) the norms are also taken as Σᵢ pᵢ·gᵢ².
 * @example gradientSample(trainer, { order, bSmall: 32, multiple: 8 }).gBigSq
 */
export function gradientSample(
  trainer: Trainer,
  options: { order: BatchOrder; bSmall: number; multiple: number; preconditioner?: tf.Tensor[] },
): GradientSample {
  const { bSmall, multiple, preconditioner } = options;
  const variables = trainer.model.variables;
  let sum: tf.Tensor[] | null = null;
  let smallSq = 0;
  let smallPre = 0;
  let loss = 0;
  for (let j = 0; j < multiple; j++) {
    const batch = makeBatch(trainer.dataset, trainer.dataset.train, options.order.next(bSmall));
    const { value, grads } = tf.variableGrads(batchLoss(trainer, batch), variables);
    disposeBatch(batch);
    const list = variables.map((v) => grads[v.name]);
    smallSq += squaredNorm(list);
    if (preconditioner) smallPre += squaredNorm(list, preconditioner);
    loss += value.dataSync()[0];
    value.dispose();
    if (sum === null) {
      sum = list;
    } else {
      const previous: tf.Tensor[] = sum;
      sum = previous.map((s, i) => tf.add(s, list[i]));
      tf.dispose(previous);
      tf.dispose(list);
    }
  }
  const scale = multiple * multiple;
  const bigSq = squaredNorm(sum!) / scale;
  const bigPre = preconditioner ? squaredNorm(sum!, preconditioner) / scale : NaN;
  tf.dispose(sum!);
  const bBig = bSmall * multiple;
  return {
    gSmallSq: smallSq / multiple,
    gBigSq: bigSq,
    bSmall,
    bBig,
    loss: loss / multiple,
    ...(preconditioner ? { preconditioned: { gSmallSq: smallPre / multiple, gBigSq: bigPre, bSmall, bBig } } : {}),
  };
}

/** Σ gᵢ², or Σ wᵢ·gᵢ² with weights of the same shapes. */
function squaredNorm(tensors: tf.Tensor[], weights?: tf.Tensor[]): number {
  const total = tf.tidy(() =>
    tf.addN(tensors.map((t, i) => tf.sum(weights ? tf.mul(weights[i], tf.square(t)) : tf.square(t)))),
  );
  const value = total.dataSync()[0];
  total.dispose();
  return value;
}
