import { mnistInstalled } from "./data/mnist.js";
import { scaledLearningRate } from "./learning-rate.js";
import { mapBatchSizes } from "./map-batch-sizes.js";
import type { NoisePlan, OptimizerKind, ProxyPlan } from "./types.js";

export interface DefaultPlanInput {
  /** The change's real batch sizes (old, new): examples, or tokens when `unit` is "tokens". */
  batchSizes: [number, number];
  unit?: "samples" | "tokens";
  optimizer?: OptimizerKind;
  seed?: number;
  /** A ≈5 s plan for quick feedback instead of the ≈15 s default. */
  quick?: boolean;
  /** Override the proxy (a user's topology or sample). */
  model?: ProxyPlan["model"];
  data?: ProxyPlan["data"];
  timeBudgetSeconds?: number;
}

/**
 * Learning rates that train the built-in proxies well at batch 32 (tried on this project's proxies),
 * scaled by the optimizer's rule to the proxy's old batch and capped. The tiny transformer wants a
 * larger Adam step than the mlp to get past its bigram plateau within the plan.
 */
const REFERENCE_LR: Record<OptimizerKind, { lr: number; max: number }> = {
  adam: { lr: 1e-3, max: 5e-3 },
  sgd: { lr: 0.05, max: 0.5 },
  momentum: { lr: 0.01, max: 0.1 },
};
const TRANSFORMER_ADAM_LR = { lr: 3e-3, max: 1e-2 };

/**
 * A user's own model or data is trained at the user's own batch sizes up to this many examples
 * (larger ones keep the ratio), the same with `--quick`, so diminishing returns at large batches
 * show and the regime label does not depend on the plan.
 */
export const USER_TASK_MAX_BATCH = 1024;

/**
 * A plan fit for every pull request: an mlp on real MNIST digits (synthetic teacher–student data
 * where the `mnist` package is not installed, as in the Action's bundle; a tiny causal transformer on
 * synthetic tokens when the batch counts tokens), proxy batch sizes mapped from the real ones
 * (largest ≤ 256 examples or 64 sequences, ratio kept), memory/timing fits at half the smaller,
 * the geometric middle and twice the larger size, two loss curves over the same examples, and
 * the gradient noise scale measured late on the curve. ≈15 s on wasm with 2 cores (quick: ≈5 s).
 * @example runProxy(defaultPlan({ batchSizes: [8, 32] }))
 */
export function defaultPlan(input: DefaultPlanInput): ProxyPlan {
  const quick = input.quick ?? false;
  const tokens = input.unit === "tokens";
  const optimizer = input.optimizer ?? "adam";
  const userTask = input.model?.kind === "user" || input.data?.kind === "user";
  const max = userTask ? USER_TASK_MAX_BATCH : tokens ? (quick ? 32 : 64) : quick ? 128 : 256;
  const { proxy, mapping } = mapBatchSizes(input.batchSizes, max);
  const [small, large] = [Math.min(...proxy), Math.max(...proxy)];
  const reference = tokens && optimizer === "adam" ? TRANSFORMER_ADAM_LR : REFERENCE_LR[optimizer];
  const learningRate = Math.min(
    reference.max,
    scaledLearningRate({ optimizer, base: reference.lr, baseBatch: 32, batch: proxy[0] }),
  );
  const fitBatchSizes = [
    ...new Set([Math.max(1, Math.round(small / 2)), Math.round(Math.sqrt(small * large)), Math.min(1024, 2 * large)]),
  ];
  // Enough steps for the larger batch to show a curve, few enough for the smaller one that per-step overhead stays
  // bounded.
  const [cap, smallSteps] = userTask
    ? [Math.max(16_384, 24 * large), quick ? 150 : 400]
    : tokens
      ? quick
        ? [1024, 150]
        : [3072, 400]
      : quick
        ? [3072, 150]
        : [16_384, 600];
  const examplesPerCurve = Math.min(cap, Math.max(smallSteps * small, 24 * large));
  return {
    model: input.model ?? (tokens ? { kind: "transformer", size: "tiny" } : { kind: "mlp", size: "small" }),
    data:
      input.data ?? (tokens ? { kind: "tokens" } : mnistInstalled() ? { kind: "mnist" } : { kind: "teacher-student" }),
    batchSizes: proxy,
    fitBatchSizes,
    optimizer,
    learningRate,
    seed: input.seed ?? 1,
    timeBudgetSeconds: input.timeBudgetSeconds ?? (quick ? 15 : 60),
    examplesPerCurve,
    // On the user's own task the noise scale is measured the same way with --quick: read earlier
    // it came out smaller and moved the regime label (docs/accuracy.md).
    noise: userTask
      ? userTaskNoise(small, 4 * cap)
      : quick
        ? { samples: 12, stepsBetween: 2, flattenFraction: 0.1 }
        : { samples: 24, stepsBetween: 4, flattenFraction: 0.02, maxWarmupExamples: 4 * cap },
    realBatchSizes: input.batchSizes,
    batchMapping: mapping,
  };
}

/**
 * The largest batch the noise phase trains at on a user's task. Below B_noise the tuned step's
 * temperature ε/B hardly depends on the batch (McCandlish et al. 2018 eq. 2.6 and App. C), so a
 * small batch at its own tuned rate reads the same noise scale as the user's, for a fraction of
 * the time a learning-rate search at 1024 would take.
 */
export const NOISE_TRAIN_BATCH_MAX = 64;

/** Learning-rate multipliers the noise phase tries on a user's task: a factor-2 grid up to 32×. */
export const NOISE_LR_MULTIPLIERS = [1, 2, 4, 8, 16, 32];

/**
 * The noise phase on a user's own task, identical with and without --quick (the regime label
 * comes from it): a learning-rate search at min(old batch, 64), then training to the plateau at
 * the rate it picked, then 24 gradient samples. The noise scale grows as 1/T (App. C), so the
 * plan's untuned rate had read B_crit 3–4× high on the benchmark's Adam tasks (docs/accuracy.md).
 */
function userTaskNoise(small: number, maxWarmupExamples: number): NoisePlan {
  return {
    trainBatch: Math.min(small, NOISE_TRAIN_BATCH_MAX),
    learningRateSearch: { multipliers: NOISE_LR_MULTIPLIERS, steps: 128 },
    samples: 24,
    stepsBetween: 4,
    flattenFraction: 0.02,
    maxWarmupExamples,
  };
}
