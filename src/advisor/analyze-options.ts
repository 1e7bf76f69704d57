import type { Language } from "../config/schema.js";
import type { Measurements, ProgressEvent } from "../proxy/types.js";
import type { Report } from "../report/types.js";

/** What a front asks of `analyze()` beyond the change and the bot config: language, proxy plan, progress, cancellation.
 * */
export interface AnalyzeOptions {
  language?: Language;
  /** The short proxy plan (seconds, not tens of seconds). */
  quick?: boolean;
  /** Skip the proxy entirely (detection and analytical estimates only). */
  noProxy?: boolean;
  /** Forces a backend; "auto" lets the proxy pick the fastest that loads, whatever the bot config says; unset defers to
   * the config's `proxy.backend`. */
  backend?: Measurements["backend"]["name"] | "auto";
  devices?: number;
  /** Overrides the bot config's proxy time budget (seconds). */
  timeBudgetSeconds?: number;
  /** A Keras/TF.js model.json and a CSV/JSONL sample to train as the proxy. */
  proxyModelPath?: string;
  dataPath?: string;
  onProgress?: (event: ProgressEvent & { group?: number }) => void;
  signal?: AbortSignal;
  /** Folder that relative proxy model/data paths are read from (the repository checkout). */
  baseDir?: string;
  /** A measurements file the user's job wrote (CLI `--measurements`, Action input `measurements`); wins over the bot
   * config's `measurements`. */
  measurementsPath?: string;
  /** Folder `measurementsPath` must stay inside (the Action's checkout); unset for a path the user typed. */
  measurementsRoot?: string;
  /** Problems found while loading the bot config, shown in the report. */
  configErrors?: Report["configErrors"];
}
