import type { BatchSetting, Role } from "../detect/types.js";
import type { Note, ScheduleAdvice, ScheduleItem } from "./types.js";

/** Warm-up given as a fraction of training or in epochs scales by itself. */
const NOT_IN_STEPS = /(?:ratio|fraction|epochs?)$/i;

/** Settings whose step count decides how much training happens, not only when to look at it. */
const LENGTH_ROLES = new Set<Role>(["max_steps", "warmup", "decay_steps"]);

export interface ScheduleInput {
  settings: BatchSetting[];
  /** The same file's settings at base, to tell a schedule the PR left alone from one it rescaled. */
  baseSettings?: BatchSetting[];
  /** Effective batch new ÷ old. */
  k: number | null;
  /** Steps to the same loss new ÷ old (McCandlish), when known. */
  stepsRatio?: number;
}

/**
 * Whether the step-counted settings follow the batch change. Counted in steps (`max_steps`,
 * `max_iters`, warm-up steps, decay milestones, eval/save intervals), a batch ×k sees ×k the
 * examples in the same steps; counted in epochs or ratios, the examples stay and nothing needs
 * changing. Suggests step counts ÷k (same examples) and, for the training length when known,
 * × the steps ratio (same loss). Milestones follow the training length's unit: a file counted in
 * epochs keeps its milestones in epochs too.
 * @example scheduleAdvice({ settings: [{ role: "max_steps", key: "max_steps", value: 10000, … }], k: 2
 * }).items[0].suggested // 5000
 */
export function scheduleAdvice(input: ScheduleInput): ScheduleAdvice {
  const { k } = input;
  const length = input.settings.find((s) => s.role === "max_steps" && isStepCount(s));
  const epochs = input.settings.find((s) => s.role === "epochs" && typeof s.value === "number" && s.value > 0);
  const inSteps = (s: BatchSetting) => isStepCount(s) && (s.role !== "decay_steps" || !epochs || Boolean(length));
  const steps = input.settings.filter(inSteps);
  const countedIn: ScheduleAdvice["countedIn"] = length
    ? epochs
      ? "both"
      : "steps"
    : epochs
      ? "epochs"
      : steps.length
        ? "steps"
        : "unknown";
  // Both sides expanded alike, so a yacs tuple's items compare number with number.
  const baseSteps = input.baseSettings?.flatMap(expandTuple);
  const items: ScheduleItem[] = steps.flatMap(expandTuple).map((s) => {
    const before = typeof s.value === "number" ? s.value : null;
    const item: ScheduleItem = {
      key: s.key,
      role: s.role,
      line: s.line,
      before,
      suggested: before !== null && k ? Math.max(1, Math.round(before / k)) : null,
    };
    if (before !== null && input.stepsRatio !== undefined && s.role === "max_steps")
      item.suggestedSameLoss = Math.max(1, Math.round(before * input.stepsRatio));
    if (baseSteps && leftAsItWas(s, baseSteps)) item.unchanged = true;
    return item;
  });
  // Eval/save intervals alone do not change how much training happens: they ride along when a
  // training length, warm-up or decay point in steps has to scale, and say nothing on their own.
  const shouldScale = k !== null && Math.abs(k - 1) > 1e-9 && items.some((i) => LENGTH_ROLES.has(i.role));
  const unscaled = shouldScale ? items.filter((i) => i.unchanged && LENGTH_ROLES.has(i.role)) : [];
  return {
    countedIn,
    k,
    shouldScale,
    items,
    ...(unscaled.length ? { leftUnscaled: unscaled.map((i) => i.key) } : {}),
    message: message({ countedIn, k, items, shouldScale }),
  };
}

/** yacs writes decay points as a tuple string, `SOLVER.STEPS: (210000, 250000)`: one item per number. */
function expandTuple(s: BatchSetting): BatchSetting[] {
  if (s.role !== "decay_steps" || typeof s.value !== "string") return [s];
  const numbers = /^[([]?\s*\d+(?:\s*,\s*\d+)*\s*,?\s*[)\]]?$/.test(s.value.trim()) ? s.value.match(/\d+/g)! : [];
  return numbers.map((n, i) => ({ ...s, key: `${s.key}.${i}`, value: Number(n) }));
}

function isStepCount(s: BatchSetting): boolean {
  if (typeof s.value === "number" && s.value <= 0) return false; // HF max_steps: -1 means "use epochs"
  if (s.role === "max_steps" || s.role === "decay_steps" || s.role === "eval_interval") return true;
  return (
    s.role === "warmup" && !NOT_IN_STEPS.test(s.key) && !(typeof s.value === "number" && s.value > 0 && s.value < 1)
  );
}

/** The PR did not touch this step count: the base side has the same key with the same value. */
function leftAsItWas(s: BatchSetting, base: BatchSetting[]): boolean {
  return base.some((b) => b.key === s.key && b.role === s.role && b.value === s.value);
}

/** `milestones.0`, `milestones.1` → one `milestones [a, b] → [c, d]` entry; other keys one each. */
function describe(items: ScheduleItem[]): string {
  const groups = new Map<string, ScheduleItem[]>();
  for (const item of items) {
    const key = item.key.replace(/\.\d+$/, "");
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups]
    .map(([key, group]) => {
      const show = (pick: (i: ScheduleItem) => number | null) => group.map((i) => pick(i) ?? "?").join(", ");
      const list = group.length > 1 || group[0].key !== key;
      return list
        ? `${key} [${show((i) => i.before)}] → [${show((i) => i.suggested)}]`
        : `${key} ${show((i) => i.before)} → ${show((i) => i.suggested)}`;
    })
    .join(", ");
}

function message(o: {
  countedIn: ScheduleAdvice["countedIn"];
  k: number | null;
  items: ScheduleItem[];
  shouldScale: boolean;
}): Note {
  if (o.k === null) return { id: "schedule-k-unknown" };
  if (!o.shouldScale) {
    return o.countedIn === "epochs" || o.countedIn === "unknown"
      ? { id: "schedule-epochs" }
      : { id: "schedule-same-batch" };
  }
  const list = describe(o.items);
  // Counted both ways, max_steps (when set) usually overrides the epoch count: a second id says so.
  return {
    id: o.countedIn === "both" ? "schedule-scale-both" : "schedule-scale",
    params: { k: Number(o.k.toPrecision(3)), list },
  };
}
