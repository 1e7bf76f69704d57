import type { Report, ChangeGroup } from "./types.js";

type ReportLevel = Report["level"];

const RANK: Record<ReportLevel, number> = { ok: 0, warn: 1, error: 2 };

/**
 * The worst verdict over the groups; "ok" when nothing changed.
 * @example worstLevel(groups) // "warn"
 */
export function worstLevel(groups: ChangeGroup[]): ReportLevel {
  return groups.reduce<ReportLevel>((worst, g) => (RANK[g.estimate.verdict.level] > RANK[worst] ? g.estimate.verdict.level : worst), "ok");
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
    .sort((a, b) => RANK[b.g.estimate.verdict.level] - RANK[a.g.estimate.verdict.level] || a.i - b.i)
    .map(({ g }) => g);
}
