import { extname } from "node:path";
import { openRegularFile } from "../../source/read-regular-file.js";
import type { SeededRandom } from "../seeded-random.js";
import type { Dataset, Task } from "./dataset.js";
import { readSample } from "./parse-sample.js";
import { sampleDataset } from "./sample-dataset.js";

/** Largest sample file read at all: it is streamed, so this bounds time, not memory. */
export const MAX_SAMPLE_FILE_BYTES = 1024 * 1024 * 1024;

export interface LoadSampleOptions {
  path: string;
  labelColumn?: string;
  task?: Task;
  /** Draws the rows kept from a large file, then their order. */
  rng: SeededRandom;
}

/**
 * A user's data sample (CSV or JSONL) as a proxy dataset. The file is streamed, never read whole:
 * up to MAX_SAMPLE_ROWS rows are kept, and a larger file gives a seeded sample of its rows that
 * the dataset's description states ("a seeded sample of 50000 of 400000 rows"). Anything but a
 * regular file (a FIFO, a device) is refused before a byte is read.
 * @example await loadSample({ path: "data/sample.csv", rng })
 */
export async function loadSample(options: LoadSampleOptions): Promise<Dataset> {
  const { path } = options;
  const extension = extname(path).toLowerCase();
  const format = extension === ".csv" ? "csv" : extension === ".jsonl" || extension === ".ndjson" ? "jsonl" : null;
  if (!format) throw new Error(`${path}: a data sample must be .csv, .jsonl or .ndjson`);
  const opened = await openRegularFile(path, { maxBytes: MAX_SAMPLE_FILE_BYTES });
  if (!opened.ok)
    throw new Error(`${path}: ${opened.missing ? "data sample not found" : `data sample ${opened.reason}`}`);
  let table;
  try {
    const stream = opened.handle.createReadStream({ encoding: "utf8", highWaterMark: 1024 * 1024, autoClose: false });
    table = await readSample(stream, { format, source: path, rng: options.rng });
  } finally {
    await opened.handle.close();
  }
  return sampleDataset(table, { source: path, labelColumn: options.labelColumn, task: options.task, rng: options.rng });
}
