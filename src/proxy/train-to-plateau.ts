import type { BatchOrder } from "./data/batch-order.js";
import type { Budget } from "./time-budget.js";
import { trainOnNext, type Trainer } from "./train-step.js";

export interface WarmupOptions {
  order: BatchOrder;
  batchSize: number;
  /** Loss at the start, the top of the curve. */
  initialLoss: number;
  maxExamples: number;
  /** Stop once the smoothed loss fell less than this fraction of its total fall during the last half of training. */
  flattenFraction: number;
  budget: Budget;
  onStep?: (step: number, maxSteps: number) => void;
}

export interface WarmupResult {
  steps: number;
  examples: number;
  /** Smoothed training loss at the end. */
  loss: number;
  /** "flattened" when the curve levelled off, "examples" when the cap came first, "budget" when time ran out,
   * "diverged". */
  endedBy: "flattened" | "examples" | "budget" | "diverged";
}

/** The loss is smoothed over about this many examples, whatever the batch size, so small batches are not judged on
 * noise. */
const SMOOTHING_EXAMPLES = 512;
const MIN_STEPS = 20;

/**
 * Trains until the loss has come well down its curve: the noise scale grows as the loss falls, so
 * a value taken in the first steps would badly underestimate the critical batch (McCandlish et al.
 * 2018 §3.1). "Well down" = over the last half of the steps the smoothed loss fell by less than
 * `flattenFraction` of its total fall, i.e. roughly (1 − flattenFraction) of the way to the level
 * the curve is heading for at this learning rate — or a cap on examples, whichever first.
 * @example trainToPlateau(trainer, { order, batchSize: 32, initialLoss: 2.3, maxExamples: 20000, flattenFraction: 0.1,
 * budget })
 */
export function trainToPlateau(trainer: Trainer, options: WarmupOptions): WarmupResult {
  const maxSteps = Math.floor(options.maxExamples / options.batchSize);
  const smoothing = Math.max(0.5, 1 - options.batchSize / SMOOTHING_EXAMPLES);
  const minSteps = Math.max(MIN_STEPS, Math.ceil((2 * SMOOTHING_EXAMPLES) / options.batchSize));
  const smoothed: number[] = [];
  let ema = 0;
  let step = 0;
  let endedBy: WarmupResult["endedBy"] = "examples";
  while (step < maxSteps) {
    if (options.budget.expired()) {
      endedBy = "budget";
      break;
    }
    const loss = trainOnNext(trainer, options.order, options.batchSize);
    step++;
    if (!Number.isFinite(loss)) {
      endedBy = "diverged";
      break;
    }
    ema = smoothing * ema + (1 - smoothing) * loss;
    smoothed.push(ema / (1 - smoothing ** step));
    options.onStep?.(step, maxSteps);
    if (step >= minSteps) {
      const now = smoothed[step - 1];
      const half = smoothed[Math.floor(step / 2) - 1];
      const fallen = options.initialLoss - now;
      if (fallen > 0 && half - now < options.flattenFraction * fallen) {
        endedBy = "flattened";
        break;
      }
    }
  }
  return {
    steps: step,
    examples: step * options.batchSize,
    loss: smoothed[smoothed.length - 1] ?? options.initialLoss,
    endedBy,
  };
}
