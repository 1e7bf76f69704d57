import type { SeededRandom } from "../seeded-random.js";
import { splitExamples, type Dataset } from "./dataset.js";

export interface TeacherStudentOptions {
  /** Shape of each input; features are drawn i.i.d. N(0, 1). */
  inputShape: number[];
  classes: number;
  examples: number;
  evalExamples: number;
  /** Probability that a label is replaced by a uniformly random class. */
  labelNoise: number;
  rng: SeededRandom;
}

const TEACHER_HIDDEN = 64;

/**
 * Classification labelled by a random teacher network (d → 64 tanh → classes, argmax), with
 * controllable label noise: a task with a known learnable rule and a known noise floor.
 * @example teacherStudentDataset({ inputShape: [32], classes: 10, examples: 8192, evalExamples: 1024, labelNoise: 0.1,
 * rng })
 */
export function teacherStudentDataset(options: TeacherStudentOptions): Dataset {
  const { classes, rng } = options;
  const d = options.inputShape.reduce((a, b) => a * b, 1);
  const w1 = Float32Array.from({ length: d * TEACHER_HIDDEN }, () => rng.normal() / Math.sqrt(d));
  const w2 = Float32Array.from({ length: TEACHER_HIDDEN * classes }, () => rng.normal() / Math.sqrt(TEACHER_HIDDEN));
  const total = options.examples + options.evalExamples;
  const x = new Float32Array(total * d);
  const y = new Int32Array(total);
  const hidden = new Float32Array(TEACHER_HIDDEN);
  for (let n = 0; n < total; n++) {
    for (let i = 0; i < d; i++) x[n * d + i] = rng.normal();
    for (let j = 0; j < TEACHER_HIDDEN; j++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += x[n * d + i] * w1[i * TEACHER_HIDDEN + j];
      hidden[j] = Math.tanh(2 * s);
    }
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = 0;
      for (let j = 0; j < TEACHER_HIDDEN; j++) s += hidden[j] * w2[j * classes + c];
      if (s > bestScore) [best, bestScore] = [c, s];
    }
    y[n] = best;
  }
  // Noise is drawn after all inputs, so one seed gives the same inputs and teacher at every noise level.
  for (let n = 0; n < total; n++) if (rng.next() < options.labelNoise) y[n] = rng.int(classes);
  return {
    description:
      `synthetic teacher–student classification (${d} Gaussian ` +
      `features, ${classes} classes from a random tanh teacher, label ` +
      `noise ${options.labelNoise}; ${options.examples} training examples)`,
    about: {
      id: "data.teacherStudent",
      params: { features: d, classes, noise: options.labelNoise, examples: options.examples },
    },
    task: "classification",
    inputShape: options.inputShape,
    outputs: classes,
    labelsPerExample: 1,
    ...splitExamples({ count: total, x, y }, { xSize: d, ySize: 1, evalCount: options.evalExamples }),
  };
}
