import type { DataDescription } from "./data-description.js";

/** What the loss compares: class indices, a 0/1 label, real targets, or next tokens. */
export type Task = "classification" | "binary" | "regression" | "language-model";

/** Examples as flat typed arrays (not tensors), so they cost no tensor memory between steps. */
export interface ExampleSet {
  count: number;
  /** count × prod(inputShape); Int32Array for tokens. */
  x: Float32Array | Int32Array;
  /** count × labelsPerExample; class indices and tokens as Int32Array, targets as Float32Array. */
  y: Float32Array | Int32Array;
}

export interface Dataset {
  /** e.g. "MNIST (9 000 real digits for training, 1 000 held out)". */
  description: string;
  /** The same as a message id, for the report's languages. */
  about: DataDescription;
  task: Task;
  /** Per-example input shape: [784], [28, 28, 1], or [T] tokens. */
  inputShape: number[];
  /** Classes, vocabulary size, or regression outputs (1 for binary). */
  outputs: number;
  /** Labels per example: 1, the regression outputs, or T next tokens. */
  labelsPerExample: number;
  /** Tokens per example for language-model data (batch sizes count sequences). */
  tokensPerExample?: number;
  train: ExampleSet;
  eval: ExampleSet;
}

/** Splits `count` examples (already in random order) into training and held-out parts. */
export function splitExamples(
  all: ExampleSet,
  shape: { xSize: number; ySize: number; evalCount: number },
): { train: ExampleSet; eval: ExampleSet } {
  const trainCount = all.count - shape.evalCount;
  return {
    train: {
      count: trainCount,
      x: all.x.subarray(0, trainCount * shape.xSize),
      y: all.y.subarray(0, trainCount * shape.ySize),
    },
    eval: {
      count: shape.evalCount,
      x: all.x.subarray(trainCount * shape.xSize),
      y: all.y.subarray(trainCount * shape.ySize),
    },
  };
}
