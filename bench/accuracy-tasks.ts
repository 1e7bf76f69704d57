// The tasks the accuracy benchmark trains to a target loss and asks the advisor about.
import { defaultConfig } from "../src/config.js";
import { defaultPlan, type DefaultPlanInput } from "../src/proxy/default-plan.js";
import type { ProxyPlan } from "../src/proxy/types.js";

export interface AccuracyTask {
  name: string;
  /** What a reader sees in the tables. */
  title: string;
  /**
   * The advisor's own default plan for this task (the path `analyze` takes: defaultPlan with the
   * bot config's seed and time budget). Ground truth trains the same model on the same data
   * (the data is drawn from this plan's seed), with the optimizer and learning-rate rule of the plan.
   */
  plan: ProxyPlan;
  /** What the plan was made from, so the plan for any other change of the same task can be made alike. */
  planInput: DefaultPlanInput;
  /** Batch sizes of the ground truth (examples; sequences for the transformer). */
  batchSizes: number[];
  /** Held-out loss every run must reach. */
  targetLoss: number;
  /** Learning-rate multipliers of the rule's value the search may try (the rule's own value, ×1, first). */
  learningRateGrid: number[];
  /** Cap on examples per run. */
  maxExamples: number;
}

const bot = defaultConfig().proxy;

/** The plan `analyze` would run for this change: defaultPlan with the bot config's seed and time budget. */
export function advisorPlan(input: DefaultPlanInput): { plan: ProxyPlan; planInput: DefaultPlanInput } {
  const planInput = { seed: bot.seed, timeBudgetSeconds: bot.timeBudget, ...input };
  return { plan: defaultPlan(planInput), planInput };
}

const GRID = [1, 2, 0.5, 4, 0.25, 8];

/**
 * Three tasks: real MNIST digits with the default mlp and Adam (the advisor's default proxy), a
 * teacher–student problem with 10 % label noise trained with momentum SGD (McCandlish et al.'s
 * setting: SGD, noise that does not vanish), and the tiny causal transformer on Markov tokens
 * with Adam. The cnn is not among them: at ~0.5–0.7 k examples/s on wasm it would need hours.
 * Each task's advisor change is a ×8 jump inside the ground truth's range.
 */
export function accuracyTasks(): AccuracyTask[] {
  return [
    {
      name: "mnist-mlp-adam",
      title: "MNIST, mlp 784-256-128-10, Adam",
      ...advisorPlan({ batchSizes: [32, 256] }),
      batchSizes: [8, 16, 32, 64, 128, 256, 512, 1024, 2048],
      targetLoss: 0.22,
      learningRateGrid: GRID,
      maxExamples: 150_000,
    },
    {
      name: "teacher-student-momentum",
      title: "teacher–student (32 features, 10 classes, 10 % label noise, 65 536 examples: the default 8 192 overfit before the target), mlp, momentum SGD",
      ...advisorPlan({ batchSizes: [32, 256], optimizer: "momentum", model: { kind: "mlp", size: "small" }, data: { kind: "teacher-student", labelNoise: 0.1, examples: 65_536 } }),
      batchSizes: [8, 16, 32, 64, 128, 256, 512, 1024],
      targetLoss: 1.3,
      learningRateGrid: GRID,
      maxExamples: 120_000,
    },
    {
      name: "tokens-transformer-adam",
      title: "order-2 Markov tokens, tiny transformer (1 block, width 32), Adam",
      ...advisorPlan({ batchSizes: [8, 64], unit: "tokens" }),
      batchSizes: [8, 16, 32, 64, 128, 256],
      targetLoss: 1.35,
      learningRateGrid: GRID,
      maxExamples: 80_000,
    },
  ];
}
