import type { ProxyTask } from "./prepare-task.js";
import type { Progress } from "./progress.js";
import type { Budget } from "./time-budget.js";
import type { ProxyPlan } from "./types.js";

/** What every measurement phase receives. */
export interface PhaseContext {
  plan: ProxyPlan;
  task: ProxyTask;
  /** This phase's share of the plan's time budget. */
  budget: Budget;
  progress: Progress;
}

/** A phase's measurement, and why it stopped early when it did. */
export interface PhaseResult<T> {
  value: T;
  /** Set when the budget or an abort cut the phase short, e.g. "time budget of 20 s reached after 40 of 120 steps". */
  stopped?: string;
  notes?: string[];
}
