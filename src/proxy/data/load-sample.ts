import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import type { SeededRandom } from "../seeded-random.js";
import type { Dataset, Task } from "./dataset.js";
import { parseSample } from "./parse-sample.js";
import { sampleDataset } from "./sample-dataset.js";

export const MAX_SAMPLE_BYTES = 5 * 1024 * 1024;

export interface LoadSampleOptions {
  path: string;
  labelColumn?: string;
  task?: Task;
  rng: SeededRandom;
}

/**
 * A user's small data sample (CSV or JSONL, ≤ 5 MB, ≤ 50 000 rows) as a proxy dataset.
 * @example await loadSample({ path: "data/sample.csv", rng })
 */
export async function loadSample(options: LoadSampleOptions): Promise<Dataset> {
  const { path } = options;
  const extension = extname(path).toLowerCase();
  const format = extension === ".csv" ? "csv" : extension === ".jsonl" || extension === ".ndjson" ? "jsonl" : null;
  if (!format) throw new Error(`${path}: a data sample must be .csv, .jsonl or .ndjson`);
  const info = await stat(path).catch(() => {
    throw new Error(`${path}: data sample not found`);
  });
  if (info.size > MAX_SAMPLE_BYTES) throw new Error(`${path}: ${info.size} bytes is over the ${MAX_SAMPLE_BYTES}-byte limit for a data sample`);
  const table = parseSample(await readFile(path, "utf8"), { format, source: path });
  return sampleDataset(table, { source: path, labelColumn: options.labelColumn, task: options.task, rng: options.rng });
}
