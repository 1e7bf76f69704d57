import type { SourceSkip } from "../source/source-skip.js";
import type { Message } from "../util/message.js";

/**
 * Why a changed config was not analysed, as message ids that src/report/messages/skip-reasons.ts
 * words in each language. (The English `reason` beside it is what the CLI and `detect --json` print.)
 */
export interface SkipReasons {
  /** More changed configs than one run reads (MAX_CHANGED_CONFIGS). */
  "skip.tooManyConfigs": { max: number };
  /** The run's read budget (src/detect/read-budget.ts) was spent; `max` in MiB. */
  "skip.runBudget": { max: number };
}

/** One skip reason: `{ id, params }`. */
export type SkipReason = Message<SkipReasons>;

/** A changed config not analysed: the English reason, and the same as an id where detection gave one. */
export interface Skipped {
  path: string;
  reason: string;
  /** Detection's own id, or the source's when the source refused the file (`detect --json`). */
  why?: SkipReason | SourceSkip;
}
