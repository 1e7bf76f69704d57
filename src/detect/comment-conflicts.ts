import type { BatchSetting, Comment } from "./types.js";
import type { DetectionWarning } from "./warning.js";

const BATCH_ROLES = new Set(["micro_batch", "global_batch", "grad_accum"]);

/**
 * A comment on the same line as a batch setting that names a different number
 * (`per_device_train_batch_size: 16  # batch size 8`) is stale documentation or a mistake:
 * flag it, do not pick a side.
 */
export function commentConflicts(settings: BatchSetting[], comments: Comment[]): DetectionWarning[] {
  const warnings: DetectionWarning[] = [];
  for (const s of settings) {
    if (!BATCH_ROLES.has(s.role) || typeof s.value !== "number") continue;
    const comment = comments.find((c) => c.line === s.line);
    if (!comment || !/\b(batch|bs|accum|micro|global)/i.test(comment.text)) continue;
    const numbers = [...comment.text.matchAll(/(?<![\w.])(\d+)(?![\w.])/g)].map((m) => Number(m[1]));
    if (numbers.length && !numbers.includes(s.value)) {
      warnings.push({
        id: "warning.comment",
        params: { line: s.line, comment: comment.text, key: s.key, value: s.value },
      });
    }
  }
  return warnings;
}
