// What a calibration B_crit = c·B_simple would have done, judged honestly: each task's factor c
// comes from the other tasks only (leave one task out), so no task is scored on its own answer.
import { medianOf, relativeError } from "./accuracy-fit.js";

export interface CalibrationInput {
  tasks: Array<{
    task: string;
    measured: number | null;
    predicted: number /** Tasks calibrate each other only within a group (e.g. the optimizer); default one group. */;
    group?: string;
  }>;
  pairs: Array<{ task: string; bOld: number; bNew: number; measured: { stepsRatio: number } }>;
}

export interface Calibration {
  /** Geometric mean of measured B_crit ÷ B_simple over every task of a group (the in-sample factor). */
  factors: Record<string, number>;
  perTask: Array<{
    task: string;
    ratio: number | null;
    leaveOneOutFactor: number | null;
    medianRelErrorSteps: number | null;
  }>;
  medianRelErrorSteps: number;
  worstRelErrorSteps: number;
}

const geometricMean = (values: number[]) => Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);

/**
 * Steps ratios with B_crit = c·B_simple, c the geometric mean of measured ÷ predicted B_crit on
 * the other tasks of the same group, against the measured ratios. A task with no peer is left out.
 * @example calibrate({ tasks, pairs }).medianRelErrorSteps
 */
export function calibrate(input: CalibrationInput): Calibration | undefined {
  const ratios = new Map(
    input.tasks
      .filter((t) => t.measured && Number.isFinite(t.measured) && t.predicted > 0)
      .map((t) => [t.task, t.measured! / t.predicted]),
  );
  if (ratios.size < 2) return undefined;
  const errors: number[] = [];
  const perTask = input.tasks.map((t) => {
    const peers = new Set(input.tasks.filter((o) => o.task !== t.task && o.group === t.group).map((o) => o.task));
    const others = [...ratios].filter(([name]) => peers.has(name)).map(([, r]) => r);
    const c = others.length ? geometricMean(others) : null;
    const mine = input.pairs.filter((p) => p.task === t.task);
    const taskErrors =
      c === null
        ? []
        : mine.map((p) => {
            const b = c * t.predicted;
            return relativeError((1 + b / p.bNew) / (1 + b / p.bOld), p.measured.stepsRatio);
          });
    errors.push(...taskErrors);
    return {
      task: t.task,
      ratio: ratios.get(t.task) ?? null,
      leaveOneOutFactor: c,
      medianRelErrorSteps: taskErrors.length ? medianOf(taskErrors) : null,
    };
  });
  const factors: Record<string, number> = {};
  for (const group of new Set(input.tasks.map((t) => t.group ?? "all"))) {
    const inGroup = input.tasks
      .filter((t) => (t.group ?? "all") === group && ratios.has(t.task))
      .map((t) => ratios.get(t.task)!);
    if (inGroup.length) factors[group] = geometricMean(inGroup);
  }
  if (!errors.length) return undefined;
  return { factors, perTask, medianRelErrorSteps: medianOf(errors), worstRelErrorSteps: Math.max(...errors) };
}
