/**
 * What the folded "How this was measured" block says: the proxy run, its backend, seed, steps and phases.
 * Spread into en.ts; zh-TW-how.ts says the same ids.
 */
export const enHow = {
  "how.summary": "<b>How this was measured</b>",
  "how.source": "Compared: {source}",
  "how.noProxy":
    "No proxy run: speed and convergence are not predicted; memory comes from " +
    "the workload the config describes (model, method, GPU), the model hints and " +
    "the calibration point, without the proxy's fit.",
  "how.runOne": "Proxy run:",
  "how.run": "Proxy run {n} (for {files}):",
  "how.moreRuns": "…and {count} more proxy runs (see the JSON output).",
  "how.backend": "Backend: {name} {version}",
  "how.skippedBackend": "Skipped {name}: {reason}",
  "how.device": "Device: {details}",
  "how.proxy": "Proxy model and data: {description}; {parameters} parameters, {optimizer} at learning rate {lr}",
  "how.seed": "Seed: {seed}",
  "how.steps": "Step time at batch {batches} ({repeats} timed steps each, after warm-up)",
  "how.memory": "Peak memory at batch {batches}: {slope} per example (R² {r2})",
  "how.loss": "Loss curves at batch {curves}: {steps} training steps in all",
  "how.noise":
    "Noise scale: gradients at batch {small} and {big} over {samples} steps; " +
    "B_simple = {value} (95% interval {low}–{high}) at loss {atLoss}, from " +
    "{initialLoss} at the start",
  "how.critical":
    "Critical batch measured directly: B_crit = {bCrit} from {runs} runs to loss " +
    "{target} (R² {r2}; learning rate {rule})",
  "how.wall": "Wall time: {seconds} (budget {budget})",
  "how.partial": "Partial: the time budget stopped the run early (log: {reason}).",
  "how.partialPhase": "Partial: the time budget stopped the run early, in its {phase} phase (log: {log}).",
  "how.frame": "Batch sizes on the proxy: {how}",
  "how.versions": "Versions: {list}",
} as const;
