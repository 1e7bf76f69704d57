import type { SeededRandom } from "../seeded-random.js";
import { splitExamples, type Dataset, type Task } from "./dataset.js";
import type { SampleTable } from "./parse-sample.js";

/** Integer labels with at most this many distinct values are classes; anything else is a regression target. */
const MAX_CLASSES = 100;
const LABEL_NAMES = ["label", "target", "y", "class"];

export interface SampleDatasetOptions {
  source: string;
  /** Defaults to a column named label/target/y/class, else the last column. */
  labelColumn?: string;
  /** The task a user topology implies; overrides the guess from the labels. */
  task?: Task;
  rng: SeededRandom;
}

/**
 * Turns a parsed sample into a dataset: numeric feature columns standardised (z-scores from the
 * training part), labels as classes (strings, or few distinct integers) or regression targets.
 * @example sampleDataset(table, { source: "sample.csv", rng }).task // "classification"
 */
export function sampleDataset(table: SampleTable, options: SampleDatasetOptions): Dataset {
  const { source } = options;
  const labelIndex = pickLabel(table.columns, options.labelColumn, source);
  const featureIndexes = table.columns.map((_, i) => i).filter((i) => i !== labelIndex);
  if (featureIndexes.length === 0)
    throw new Error(`${source}: no feature columns besides the label "${table.columns[labelIndex]}"`);
  if (table.rows.length < 20)
    throw new Error(`${source}: ${table.rows.length} rows is too few for a proxy (need at least 20)`);
  const d = featureIndexes.length;
  const order = options.rng.permutation(table.rows.length);
  const x = new Float32Array(table.rows.length * d);
  table.rows.forEach((_, n) => {
    const row = table.rows[order[n]];
    featureIndexes.forEach((col, j) => {
      const cell = row[col];
      if (typeof cell !== "number")
        throw new Error(
          `${source}:${table.lines[order[n]]}: column "${table.columns[col]}" is "${cell}", not a number`,
        );
      x[n * d + j] = cell;
    });
  });
  const labels = table.rows.map((_, n) => table.rows[order[n]][labelIndex]);
  const task = options.task ?? guessTask(labels);
  const { y, outputs, note, classes } = encodeLabels(labels, task, (n) => `${source}:${table.lines[order[n]]}`);
  const evalCount = Math.max(1, Math.min(1000, Math.floor(table.rows.length / 5)));
  standardise(x, { d, rows: table.rows.length - evalCount });
  return {
    description:
      `your sample ${source} (${rowsNote(table)}, ${d} features, label ` + `"${table.columns[labelIndex]}": ${note})`,
    about: {
      id: "data.sample",
      params: {
        file: source,
        rows: table.rows.length,
        total: table.totalRows ?? table.rows.length,
        features: d,
        label: table.columns[labelIndex],
        classes,
        task,
      },
    },
    task,
    inputShape: [d],
    outputs,
    labelsPerExample: 1,
    ...splitExamples({ count: table.rows.length, x, y }, { xSize: d, ySize: 1, evalCount }),
  };
}

/** How many rows trained, and that they were sampled when the file had more. */
function rowsNote(table: SampleTable): string {
  const total = table.totalRows ?? table.rows.length;
  return total > table.rows.length
    ? `a seeded sample of ${table.rows.length} of ${total} rows`
    : `${table.rows.length} rows`;
}

function pickLabel(columns: string[], wanted: string | undefined, source: string): number {
  if (wanted) {
    const i = columns.indexOf(wanted);
    if (i < 0) throw new Error(`${source}: no column "${wanted}"; columns are ${columns.join(", ")}`);
    return i;
  }
  const named = columns.findIndex((c) => LABEL_NAMES.includes(c.toLowerCase()));
  return named >= 0 ? named : columns.length - 1;
}

function guessTask(labels: Array<string | number>): Task {
  if (labels.some((l) => typeof l === "string")) return "classification";
  const distinct = new Set(labels);
  return labels.every((l) => Number.isInteger(l)) && distinct.size <= MAX_CLASSES ? "classification" : "regression";
}

function encodeLabels(
  labels: Array<string | number>,
  task: Task,
  where: (n: number) => string,
): { y: Float32Array | Int32Array; outputs: number; note: string; classes: number } {
  if (task === "regression" || task === "binary") {
    const y = new Float32Array(labels.length);
    labels.forEach((l, n) => {
      if (typeof l !== "number") throw new Error(`${where(n)}: label "${l}" is not a number`);
      if (task === "binary" && l !== 0 && l !== 1)
        throw new Error(`${where(n)}: a sigmoid output needs labels 0 or 1, not ${l}`);
      y[n] = l;
    });
    return { y, outputs: 1, note: task, classes: 0 };
  }
  const classes = [...new Set(labels.map(String))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const index = new Map(classes.map((c, i) => [c, i]));
  return {
    y: Int32Array.from(labels, (l) => index.get(String(l))!),
    outputs: classes.length,
    note: `${classes.length} classes`,
    classes: classes.length,
  };
}

/** Z-scores with the training rows' statistics, so held-out rows see the same transform. */
function standardise(x: Float32Array, shape: { d: number; rows: number }): void {
  const { d, rows } = shape;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let n = 0; n < rows; n++) mean += x[n * d + j];
    mean /= rows;
    let variance = 0;
    for (let n = 0; n < rows; n++) variance += (x[n * d + j] - mean) ** 2;
    const std = Math.sqrt(variance / rows) || 1;
    for (let n = 0; n < x.length / d; n++) x[n * d + j] = (x[n * d + j] - mean) / std;
  }
}
