import type { BatchSetting } from "../detect/types.js";
import type { Note, ScheduleAdvice, ScheduleItem } from "./types.js";

/** Warm-up given as a fraction of training or in epochs scales by itself. */
const NOT_IN_STEPS = /(?:ratio|fraction|epochs?)$/i;

export interface ScheduleInput {
  settings: BatchSetting[];
  /** Effective batch new ÷ old. */
  k: number | null;
  /** Steps to the same loss new ÷ old (McCandlish), when known. */
  stepsRatio?: number;
}

/**
 * Whether the training length follows the batch change. Counted in steps (`max_steps`,
 * `max_iters`, `train_iters`, warm-up steps), a batch ×k sees ×k the examples in the same
 * steps; counted in epochs, the examples stay and nothing needs changing. Suggests step counts
 * ÷k (same examples) and, when known, × the steps ratio (same loss).
 * @example scheduleAdvice({ settings: [{ role: "max_steps", key: "max_steps", value: 10000, … }], k: 2 }).items[0].suggested // 5000
 */
export function scheduleAdvice(input: ScheduleInput): ScheduleAdvice {
  const { k } = input;
  const steps = input.settings.filter((s) => isStepCount(s));
  const length = steps.find((s) => s.role === "max_steps");
  const epochs = input.settings.find((s) => s.role === "epochs" && typeof s.value === "number" && s.value > 0);
  const countedIn: ScheduleAdvice["countedIn"] = length ? (epochs ? "both" : "steps") : epochs ? "epochs" : steps.length ? "steps" : "unknown";
  const items: ScheduleItem[] = steps.map((s) => {
    const before = typeof s.value === "number" ? s.value : null;
    const item: ScheduleItem = { key: s.key, role: s.role, line: s.line, before, suggested: before !== null && k ? Math.max(1, Math.round(before / k)) : null };
    if (before !== null && input.stepsRatio !== undefined && s.role === "max_steps") item.suggestedSameLoss = Math.max(1, Math.round(before * input.stepsRatio));
    return item;
  });
  const shouldScale = k !== null && Math.abs(k - 1) > 1e-9 && items.length > 0;
  return { countedIn, k, shouldScale, items, message: message({ countedIn, k, items, shouldScale }) };
}

function isStepCount(s: BatchSetting): boolean {
  if (s.role === "max_steps") return typeof s.value !== "number" || s.value > 0; // HF max_steps: -1 means "use epochs"
  return s.role === "warmup" && !NOT_IN_STEPS.test(s.key) && !(typeof s.value === "number" && s.value > 0 && s.value < 1);
}

function message(o: { countedIn: ScheduleAdvice["countedIn"]; k: number | null; items: ScheduleItem[]; shouldScale: boolean }): Note {
  if (o.k === null) return { id: "schedule-k-unknown", text: "The effective batch ratio is unknown; check step-counted settings by hand." };
  if (!o.shouldScale) {
    return o.countedIn === "epochs" || o.countedIn === "unknown"
      ? { id: "schedule-epochs", text: "Training length is counted in epochs (or not set here): the examples seen stay the same, no step count to change." }
      : { id: "schedule-same-batch", text: "The effective batch does not change: the schedule stays as it is." };
  }
  const list = o.items.map((i) => `${i.key} ${i.before ?? "?"} → ${i.suggested ?? "?"}`).join(", ");
  const both = o.countedIn === "both" ? " (max_steps, when set, usually overrides the epoch count)" : "";
  return {
    id: "schedule-scale",
    text: `Counted in steps${both}: at ×${Number(o.k.toPrecision(3))} the batch, the same steps see ×${Number(o.k.toPrecision(3))} the examples. To keep the examples (epochs) the same: ${list}. Decay milestones counted in steps scale the same way.`,
    params: { k: Number(o.k.toPrecision(3)), list },
  };
}
