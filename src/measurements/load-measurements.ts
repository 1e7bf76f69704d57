import type { ConfigIssue } from "../config/config-issue.js";
import type { BotConfig } from "../config/schema.js";
import { readRegularFile } from "../source/read-regular-file.js";
import type { ChangeSource } from "../source/types.js";
import { readMeasurements } from "./read-measurements.js";
import type { MeasurementsFile } from "./schema.js";

/** A measurements file is a few runs: anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

export type LoadedMeasurements = {
  value?: { file: MeasurementsFile; from: string };
  /** Why the file was not used: the English sentence (CLI) and the same as an id (the report). */
  error?: { key: string; message: string; issue: ConfigIssue };
};

/**
 * The user's measurements file: a path they typed (`--measurements`, the Action's `measurements`
 * input), read from disk; else `measurements:` in the bot config, read at the head of the change
 * like any repository file. A file that cannot be read or does not match the schema is an error
 * under its key, naming the wrong field; the report goes out without it.
 * @example await loadMeasurements({ source, config, path: "runs/measurements.json" })
 */
export async function loadMeasurements(options: {
  source: ChangeSource;
  config: BotConfig;
  path?: string;
  root?: string;
}): Promise<LoadedMeasurements> {
  const { source, config, path } = options;
  if (path !== undefined) {
    // In a checkout (the Action) the file must stay inside it: a symlink out is refused, not followed.
    const read = await readRegularFile(path, { maxBytes: MAX_BYTES, ...(options.root ? { root: options.root } : {}) });
    if (!read.ok) {
      const issue: ConfigIssue = { id: "config.measurementsUnreadable", params: { file: path, detail: read.reason } };
      return { error: { key: "measurements", message: `${path}: ${read.reason}`, issue } };
    }
    return checked(read.text, path);
  }
  const named = config.measurements;
  if (!named) return {};
  const text = await source.read("head", named);
  if (text === null)
    return {
      error: {
        key: "measurements",
        message: `${named} was not found at the head of the change`,
        issue: { id: "config.fileNotFound", params: { file: named } },
      },
    };
  if (text.length > MAX_BYTES)
    return {
      error: {
        key: "measurements",
        message: `${named} is larger than ${MAX_BYTES} bytes; a measurements file holds a few runs`,
        issue: { id: "config.measurementsTooLarge", params: { file: named, max: MAX_BYTES } },
      },
    };
  return checked(text, named);
}

function checked(text: string, from: string): LoadedMeasurements {
  const result = readMeasurements(text, from);
  if (result.ok) return { value: { file: result.file, from } };
  return {
    error: {
      key: "measurements",
      message: `${result.message}; the report goes out without the measurements (docs/measurements.md has the schema)`,
      issue: result.issue,
    },
  };
}
