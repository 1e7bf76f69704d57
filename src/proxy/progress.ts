import type { ProgressEvent } from "./types.js";

export type Progress = (phase: ProgressEvent["phase"], step: number, total: number, message?: string) => void;

/**
 * Forwards progress events, at most about one per percent of each phase plus its first and last step,
 * so a front can draw a bar without being flooded.
 * @example const progress = progressReporter(options.onProgress); progress("loss", 10, 200);
 */
export function progressReporter(listener?: (event: ProgressEvent) => void): Progress {
  let lastPhase = "";
  let lastStep = -Infinity;
  return (phase, step, total, message) => {
    if (!listener) return;
    const due =
      phase !== lastPhase ||
      step === 0 ||
      step >= total ||
      step - lastStep >= Math.max(1, total / 100) ||
      message !== undefined;
    if (!due) return;
    lastPhase = phase;
    lastStep = step;
    listener({ phase, step, total, ...(message ? { message } : {}) });
  };
}
