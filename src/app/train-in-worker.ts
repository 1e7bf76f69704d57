import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import type { BotConfig, LoadedConfig } from "../config.js";
import type { PullRequestRef } from "../github/pull-request.js";
import type { AnalyzeOptions } from "../advisor/analyze-options.js";
import type { Report } from "../report/types.js";
import type { TrainingJob } from "./analyze-in-app.js";

/** What the worker thread is handed: plain data only (a token, refs, the bot config). */
export interface WorkerInput {
  token: string;
  baseUrl: string;
  timeoutSeconds: number;
  pr: PullRequestRef;
  base: string;
  head: string;
  config: BotConfig;
  configErrors: LoadedConfig["errors"];
  options: Omit<AnalyzeOptions, "onProgress" | "signal" | "configErrors">;
}

/** The worker's JavaScript heap cap: a training that needs more fails alone, not the App. */
export const TRAINING_HEAP_MB = 1024;

/**
 * Runs one in-App analysis in a worker thread, so the App's own thread keeps answering webhooks
 * while the proxy trains. The worker's heap is capped (TRAINING_HEAP_MB); `signal` (a newer push)
 * terminates it at once.
 * @example const report = await trainInWorker(job, { timeoutSeconds: 30, options: { quick: true } }, signal);
 */
export async function trainInWorker(
  job: TrainingJob,
  settings: { timeoutSeconds: number; options: AnalyzeOptions },
  signal?: AbortSignal,
): Promise<Report> {
  const { token } = (await job.github.auth()) as { token: string };
  const { onProgress: _progress, signal: _signal, configErrors: _errors, ...options } = settings.options;
  const workerData: WorkerInput = {
    token,
    baseUrl: job.github.request.endpoint.DEFAULTS.baseUrl,
    timeoutSeconds: settings.timeoutSeconds,
    pr: job.pr,
    base: job.base,
    head: job.head,
    config: job.loaded.config,
    configErrors: job.loaded.errors,
    options,
  };
  const worker = startWorker(workerData);
  return new Promise<Report>((resolve, reject) => {
    const stop = () => {
      void worker.terminate();
      reject(new Error("superseded by a newer push"));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener("abort", stop, { once: true });
    worker.once("message", (message: { report?: Report; error?: string }) => {
      signal?.removeEventListener("abort", stop);
      void worker.terminate();
      if (message.report) resolve(message.report);
      else reject(new Error(message.error ?? "the analysis stopped without a report"));
    });
    worker.once("error", (error) => {
      signal?.removeEventListener("abort", stop);
      reject(error);
    });
    worker.once("exit", (code) => reject(new Error(`the analysis worker exited (code ${code})`)));
  });
}

/**
 * The worker from the built .js file; from the TypeScript sources (`npm run app` runs them through
 * tsx, as do the tests), tsx's loader is registered inside the thread first.
 */
function startWorker(workerData: WorkerInput): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: TRAINING_HEAP_MB };
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./analysis-worker.js", import.meta.url), { workerData, resourceLimits });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/index\.cjs$/, "index.mjs"),
  ).href;
  const entry = new URL("./analysis-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
