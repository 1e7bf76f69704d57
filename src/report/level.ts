import type { Report, ChangeGroup } from "./types.js";

type ReportLevel = Report["level"];

const RANK: Record<ReportLevel, number> = { ok: 0, warn: 1, error: 2 };

/**
 * One group's level: its estimate's verdict, and at least "warn" when a batch value it changed
 * cannot be read (`${oc.env:BS}`, `auto`): a change whose size is unknown is never "OK".
 * @example groupLevel(groupWithUnreadableValue) // "warn"
 */
export function groupLevel(group: ChangeGroup): ReportLevel {
  const level = group.estimate.verdict.level;
  return level === "ok" && group.changes.some((c) => c.unreadable?.length) ? "warn" : level;
}

/**
 * The worst verdict over the groups; "ok" when nothing changed.
 * @example worstLevel(groups) // "warn"
 */
export function worstLevel(groups: ChangeGroup[]): ReportLevel {
  return groups.reduce<ReportLevel>((worst, g) => (RANK[groupLevel(g)] > RANK[worst] ? groupLevel(g) : worst), "ok");
}

/**
 * True when a predicted peak breaks a memory budget set at level `error`.
 * @example isOverBudget(groups) // true
 */
export function isOverBudget(groups: ChangeGroup[]): boolean {
  return groups.some((g) => g.estimate.memory.budget?.status === "error" && g.estimate.memory.budget.level === "error");
}

/**
 * Groups worst first, keeping file order among equals: when space runs out, what collapses is the least urgent.
 * @example byUrgency([ok, error]) // [error, ok]
 */
export function byUrgency(groups: ChangeGroup[]): ChangeGroup[] {
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => RANK[groupLevel(b.g)] - RANK[groupLevel(a.g)] || a.i - b.i)
    .map(({ g }) => g);
}
