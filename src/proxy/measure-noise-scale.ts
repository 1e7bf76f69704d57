import * as tf from "@tensorflow/tfjs";
import { createBatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch } from "./data/make-batch.js";
import { adamPreconditioner } from "./adam-preconditioner.js";
import { gradientSample } from "./gradient-sample.js";
import { planLearningRate } from "./learning-rate.js";
import type { ProxyModel } from "./models/proxy-model.js";
import { bootstrapInterval, simpleNoiseScale, unbiasedEstimates, biasCorrectedEma } from "./noise-scale.js";
import type { PhaseContext, PhaseResult } from "./phase-context.js";
import { seededRandom } from "./seeded-random.js";
import { createOptimizer, disposeTrainer, evaluateLoss, trainOnNext, type Trainer } from "./train-step.js";
import { trainToPlateau } from "./train-to-plateau.js";
import { tuneLearningRate } from "./tune-learning-rate.js";
import type { NoisePlan, NoiseSample, NoiseScaleMeasurement } from "./types.js";

const MIN_SMALL_BATCH = 16;

const ENDED_BY = {
  flattened: "the loss curve flattened",
  examples: "the example cap",
  budget: "the time budget ran out",
  diverged: "training diverged",
} as const;

export interface NoiseScaleOptions extends NoisePlan {
  /** Measure on this model (left alive) instead of a fresh one; tests use it to fix the parameters. */
  model?: ProxyModel;
  bootstrapResamples?: number;
}

/**
 * The simple gradient noise scale B_simple = tr(Σ)/|G|² of McCandlish et al. 2018, measured late in
 * training: train to the flat part of the loss curve, then alternate gradient-norm samples at
 * B_small and B_big (same parameters) with a few training steps, form the unbiased |G|² and tr(Σ)
 * per sample, smooth each with a bias-corrected EMA, and report their ratio with a bootstrap interval.
 * @example (await measureNoiseScale(context)).value?.bSimple
 */
export async function measureNoiseScale(
  context: PhaseContext,
  options: NoiseScaleOptions = {},
): Promise<PhaseResult<NoiseScaleMeasurement | undefined>> {
  const { plan, task, budget, progress } = context;
  const trainBatch = options.trainBatch ?? Math.min(...plan.batchSizes);
  // B_big = 8·B_small must not be far below B_simple or single-sample |G|² estimates drown in noise.
  const bSmall = options.smallBatch ?? Math.max(MIN_SMALL_BATCH, trainBatch);
  const multiple = options.bigBatchMultiple ?? 8;
  const sampleCount = options.samples ?? 24;
  const stepsBetween = options.stepsBetween ?? 4;
  const decay = options.emaDecay ?? 0.9;
  const notes: string[] = [];
  let learningRate = planLearningRate(plan, trainBatch);
  if (options.learningRateSearch) {
    const { multipliers, steps } = options.learningRateSearch;
    const search = tuneLearningRate(task, {
      optimizer: plan.optimizer,
      base: learningRate,
      batch: trainBatch,
      multipliers,
      steps,
      seed: plan.seed,
      budget,
    });
    // A search the budget cut short could pick another rate than the plan's: no number rather than another one.
    if (search.stopped) return { value: undefined, stopped: `${budget.reason()} during the learning-rate search` };
    notes.push(
      `noise: learning rate searched at B=${trainBatch} over ` +
        search.tried.map((t) => formatLr(t.learningRate)).join(", ") +
        ` (${steps} steps each, held-out loss ${search.tried.map((t) => t.loss.toFixed(3)).join(", ")}):` +
        ` ${formatLr(search.best)}`,
    );
    learningRate = search.best;
  }
  const trainer: Trainer = {
    model: options.model ?? task.createModel(),
    dataset: task.dataset,
    optimizer: createOptimizer(plan.optimizer, learningRate),
  };
  const trainOrder = createBatchOrder(task.dataset.train.count, seededRandom(plan.seed, "noise-train"));
  const sampleOrder = createBatchOrder(task.dataset.train.count, seededRandom(plan.seed, "noise-sample"));
  const samples: NoiseSample[] = [];
  let stopped: string | undefined;
  let step = 0;
  try {
    const reference = makeBatch(
      task.dataset,
      task.dataset.train,
      createBatchOrder(task.dataset.train.count, seededRandom(plan.seed, "noise-reference")).next(
        Math.min(512, task.dataset.train.count),
      ),
    );
    const initialLoss = evaluateLoss(trainer, reference);
    disposeBatch(reference);
    const maxWarmupExamples = options.maxWarmupExamples ?? plan.examplesPerCurve ?? 16_384;
    const maxWarmupSteps = Math.floor(maxWarmupExamples / trainBatch);
    const total = maxWarmupSteps + sampleCount * (1 + stepsBetween);
    const warmup = trainToPlateau(trainer, {
      order: trainOrder,
      batchSize: trainBatch,
      initialLoss,
      maxExamples: maxWarmupExamples,
      flattenFraction: options.flattenFraction ?? 0.05,
      budget,
      onStep: (s) => progress("noise", s, total, s === 1 ? "training along the loss curve" : undefined),
    });
    step = warmup.steps;
    notes.push(
      `noise: trained ${warmup.examples} examples at B=${trainBatch} (lr ${formatLr(learningRate)}) before measuring,` +
        ` until ${ENDED_BY[warmup.endedBy]}; loss ${initialLoss.toFixed(3)} → ${warmup.loss.toFixed(3)}`,
    );
    if (warmup.endedBy === "diverged")
      return { value: undefined, notes: [...notes, "noise: training diverged, no noise scale"] };
    for (let i = 0; i < sampleCount; i++) {
      if (budget.expired()) {
        stopped = `${budget.reason()} after ${samples.length} of ${sampleCount} gradient samples`;
        break;
      }
      const preconditioner = await adamPreconditioner(trainer.optimizer, trainer.model);
      const sample = gradientSample(trainer, { order: sampleOrder, bSmall, multiple, preconditioner });
      if (preconditioner) tf.dispose(preconditioner);
      samples.push({
        step,
        loss: sample.loss,
        gSmallSq: sample.gSmallSq,
        gBigSq: sample.gBigSq,
        ...unbiasedEstimates(sample),
        ...(sample.preconditioned
          ? { preconditioned: { ...sample.preconditioned, ...unbiasedEstimates(sample.preconditioned) } }
          : {}),
      });
      progress(
        "noise",
        maxWarmupSteps + i * (1 + stepsBetween),
        total,
        i === 0 ? "sampling gradient norms" : undefined,
      );
      for (let s = 0; s < stepsBetween && i < sampleCount - 1; s++) {
        trainOnNext(trainer, trainOrder, trainBatch);
        step++;
      }
    }
    progress("noise", total, total);
    if (warmup.endedBy === "budget" && !stopped) stopped = `${budget.reason()} during warm-up training`;
    // A value from a shortened warm-up or fewer samples would be another number than the plan's: none is given.
    if (stopped) return { value: undefined, stopped: `${stopped}; no noise scale`, notes };
    if (samples.length < 2)
      return { value: undefined, stopped, notes: [...notes, "noise: fewer than two gradient samples, no noise scale"] };
    const scale = (series: Array<{ gTrueSq: number; traceSigma: number }>) => ({
      bSimple: simpleNoiseScale(series, decay),
      interval: bootstrapInterval(series, {
        decay,
        resamples: options.bootstrapResamples ?? 1000,
        rng: seededRandom(plan.seed, "bootstrap"),
      }),
    });
    const preconditioned = samples.every((s) => s.preconditioned) ? samples.map((s) => s.preconditioned!) : undefined;
    // Adam steps along P·g: in the coordinates where that is plain SGD the gradient is P^½·g, so the
    // noise scale of the update is tr(PΣ)/GᵀPG (McCandlish et al. 2018 §2.3 on preconditioning).
    const update = scale(preconditioned ?? samples);
    return {
      value: {
        bSmall,
        bBig: bSmall * multiple,
        ...update,
        metric: preconditioned ? "adam-preconditioned" : "euclidean",
        ...(preconditioned ? { euclidean: scale(samples) } : {}),
        atLoss: biasCorrectedEma(
          samples.map((s) => s.loss),
          decay,
        ),
        initialLoss,
        samples,
        trainedExamples: warmup.examples,
        trainBatchSize: trainBatch,
        learningRate,
      },
      stopped,
      notes,
    };
  } finally {
    if (options.model) trainer.optimizer.dispose();
    else disposeTrainer(trainer);
  }
}

function formatLr(lr: number): string {
  return Number(lr.toPrecision(3)).toString();
}
