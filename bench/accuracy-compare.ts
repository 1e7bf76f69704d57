// Predicted against measured: ratios from the ground truth, the two baselines, relative errors.
import { fittedStepsRatio, medianOf, relativeError } from "./accuracy-fit.js";
import type { TaskGroundTruth } from "./accuracy-ground-truth.js";
import type { PredictedRatios, TaskPrediction } from "./accuracy-predictions.js";

export interface ComparedPair {
  task: string;
  bOld: number;
  bNew: number;
  predicted: PredictedRatios;
  measured: PredictedRatios;
  /** Perfect scaling: steps ∝ 1/B, examples unchanged; time with the advisor's own step-time ratio. */
  naive: PredictedRatios;
  /** The S(B) fit to the ground truth itself: the best any B_crit can do; time with the measured step times. */
  oracle: PredictedRatios;
  relError: { predicted: PredictedRatios; naive: PredictedRatios; oracle: PredictedRatios };
  stepsInterval: [number, number];
  /** The measured steps ratio lies inside the predicted interval. */
  measuredInInterval: boolean;
  uncertain: boolean;
}

export interface TaskSummary {
  task: string;
  pairs: number;
  medianRelErrorSteps: { predicted: number; naive: number; oracle: number };
  worstRelErrorSteps: { predicted: number; naive: number; oracle: number };
  medianRelErrorTime: { predicted: number; naive: number; oracle: number };
  medianRelErrorExamples: { predicted: number; naive: number; oracle: number };
  beatsNaive: boolean;
  /** Pairs whose measured steps ratio fell inside the predicted interval. */
  insideInterval: number;
  uncertainPairs: number;
}

/**
 * Compares every predicted pair whose two batch sizes both reached the target.
 * @example comparePairs(groundTruth, prediction)[0].relError.predicted.stepsRatio
 */
export function comparePairs(truth: TaskGroundTruth, prediction: TaskPrediction): ComparedPair[] {
  const point = (b: number) => truth.points.find((p) => p.batchSize === b);
  const out: ComparedPair[] = [];
  for (const pair of prediction.pairs) {
    const old = point(pair.bOld);
    const neu = point(pair.bNew);
    if (!old?.steps || !neu?.steps || !truth.fit) continue;
    const stepTime = neu.stepMs / old.stepMs;
    const stepsRatio = neu.steps / old.steps;
    const measured = {
      stepsRatio,
      examplesRatio: (stepsRatio * pair.bNew) / pair.bOld,
      timeRatio: stepsRatio * stepTime,
    };
    const naiveSteps = pair.bOld / pair.bNew;
    const naive = { stepsRatio: naiveSteps, examplesRatio: 1, timeRatio: naiveSteps * pair.stepTimeRatio };
    const oracleSteps = fittedStepsRatio(truth.fit, pair.bOld, pair.bNew);
    const oracle = {
      stepsRatio: oracleSteps,
      examplesRatio: (oracleSteps * pair.bNew) / pair.bOld,
      timeRatio: oracleSteps * stepTime,
    };
    out.push({
      task: truth.task,
      bOld: pair.bOld,
      bNew: pair.bNew,
      predicted: pair.predicted,
      measured,
      naive,
      oracle,
      relError: {
        predicted: errors(pair.predicted, measured),
        naive: errors(naive, measured),
        oracle: errors(oracle, measured),
      },
      stepsInterval: pair.stepsInterval,
      measuredInInterval: stepsRatio >= pair.stepsInterval[0] && stepsRatio <= pair.stepsInterval[1],
      uncertain: pair.uncertain,
    });
  }
  return out;
}

function errors(p: PredictedRatios, m: PredictedRatios): PredictedRatios {
  return {
    stepsRatio: relativeError(p.stepsRatio, m.stepsRatio),
    examplesRatio: relativeError(p.examplesRatio, m.examplesRatio),
    timeRatio: relativeError(p.timeRatio, m.timeRatio),
  };
}

/** Medians and worst cases of one task's pairs (or all pairs), for the predictor and both baselines. */
export function summarise(task: string, pairs: ComparedPair[]): TaskSummary {
  const stat = (pick: (e: ComparedPair["relError"]["predicted"]) => number, reduce: (v: number[]) => number) => ({
    predicted: reduce(pairs.map((p) => pick(p.relError.predicted))),
    naive: reduce(pairs.map((p) => pick(p.relError.naive))),
    oracle: reduce(pairs.map((p) => pick(p.relError.oracle))),
  });
  const worst = (v: number[]) => (v.length ? Math.max(...v) : NaN);
  const medianSteps = stat((e) => e.stepsRatio, medianOf);
  return {
    task,
    pairs: pairs.length,
    medianRelErrorSteps: medianSteps,
    worstRelErrorSteps: stat((e) => e.stepsRatio, worst),
    medianRelErrorTime: stat((e) => e.timeRatio, medianOf),
    medianRelErrorExamples: stat((e) => e.examplesRatio, medianOf),
    beatsNaive: medianSteps.predicted < medianSteps.naive,
    insideInterval: pairs.filter((p) => p.measuredInInterval).length,
    uncertainPairs: pairs.filter((p) => p.uncertain).length,
  };
}
