import type { ProgressEvent } from "./types.js";

/**
 * What the report cannot show when the time budget stops a phase: the budget never shortens a
 * measurement into another number, so a cut phase leaves its rows out, and the run says which.
 */
export const MISSING_ROWS: Record<ProgressEvent["phase"], string> = {
  backend: "every proxy measurement",
  data: "every proxy measurement",
  memory: "the proxy's memory growth",
  timing: "the proxy's own step times (How this was measured)",
  loss: "the proxy's loss curves and the direct critical batch",
  noise: "steps and examples to the same loss from the proxy's noise scale",
  "critical-batch": "the direct critical batch",
};
