import * as tf from "@tensorflow/tfjs";
import { createBatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch } from "./data/make-batch.js";
import { fitLine } from "../util/fit-line.js";
import type { PhaseContext, PhaseResult } from "./phase-context.js";
import { seededRandom } from "./seeded-random.js";
import { batchLoss, createOptimizer, disposeTrainer, trainOnNext, type Trainer } from "./train-step.js";
import type { MemoryMeasurement, MemoryPoint } from "./types.js";

/**
 * Peak tensor bytes of a training step, measured with tf.profile in two phases at each batch size:
 * gradients (forward + backward, linear in B: activations scale with the batch) and the optimizer
 * update (flat: parameters, gradients and slots only; the batch is disposed before it). A step's
 * peak is max(intercept + slope·B, optimizer peak). Everything alive counts — weights, optimizer
 * slots, the batch — as it would on a device.
 * @example (await measureMemory(context, [16, 64, 256])).value.forwardBackwardFit.slope // bytes per example
 */
export async function measureMemory(
  context: PhaseContext,
  batchSizes: number[],
): Promise<PhaseResult<MemoryMeasurement>> {
  if (batchSizes.length < 2) throw new Error("memory: at least two batch sizes are needed for a fit");
  const { plan, task, progress } = context;
  const before = tf.memory().numBytes;
  const trainer: Trainer = {
    model: task.createModel(),
    dataset: task.dataset,
    optimizer: createOptimizer(plan.optimizer, plan.learningRate),
  };
  const order = createBatchOrder(task.dataset.train.count, seededRandom(plan.seed, "memory"));
  const points: MemoryPoint[] = [];
  let parameterBytes = 0;
  try {
    // One real step first, so optimizer slots exist and are part of the baseline, as in steady training.
    trainOnNext(trainer, order, batchSizes[0]);
    parameterBytes = tf.memory().numBytes - before;
    for (const [index, size] of batchSizes.entries()) {
      // Every planned point is measured whatever the budget says (one profiled pass each): a fit
      // through fewer points would be a different number, and the budget must never change a number.
      progress("memory", index, batchSizes.length, `batch ${size}`);
      points.push(await profileStep(trainer, makeBatch(task.dataset, task.dataset.train, order.next(size))));
    }
  } finally {
    disposeTrainer(trainer);
  }
  progress("memory", batchSizes.length, batchSizes.length);
  return {
    value: {
      points,
      forwardBackwardFit: fitLine(points.map((p) => [p.batchSize, p.forwardBackwardBytes])),
      optimizerPeakBytes: Math.max(...points.map((p) => p.optimizerBytes)),
      parameterBytes,
      rssBytes: process.memoryUsage().rss,
    },
  };
}

async function profileStep(trainer: Trainer, batch: ReturnType<typeof makeBatch>): Promise<MemoryPoint> {
  let result: { value: tf.Scalar; grads: tf.NamedTensorMap } | undefined;
  try {
    // tf.profile reuses one result object across calls: copy the number out at once.
    const gradientsProfile = await tf.profile(() => {
      result = tf.variableGrads(batchLoss(trainer, batch), trainer.model.variables);
    });
    const forwardBackwardBytes = gradientsProfile.peakBytes;
    disposeBatch(batch);
    const grads = result!.grads;
    const updateProfile = await tf.profile(() => {
      trainer.optimizer.applyGradients(grads);
    });
    return { batchSize: batch.size, forwardBackwardBytes, optimizerBytes: updateProfile.peakBytes };
  } finally {
    disposeBatch(batch);
    if (result) {
      result.value.dispose();
      tf.dispose(Object.values(result.grads));
    }
  }
}
