import type { MemoryBudget } from "../config/schema.js";
import { formatBytes } from "../util/format-bytes.js";
import type { BudgetCheck, Quantity } from "./types.js";

export interface BudgetInput {
  budget: MemoryBudget;
  level: "warn" | "error";
  /** Warn when the prediction comes within this fraction of the limit (0.05 = 5%). */
  margin: number;
  /** Predicted peak per device at the new batch, when an absolute figure exists. */
  after?: Quantity;
  /** Predicted peak new ÷ old. */
  ratio?: Quantity;
  /** The new per-device batch, for the message ("at 64 per device"); null when not known. */
  batch: number | null;
  /** Where the budget came from: `memory.budget` as written, or `hardware.gpu` (its memory less the reserve). */
  key?: "memory.budget" | "hardware.gpu";
}

/**
 * Room kept free on the GPU beyond the predicted peak for the caching allocator's fragmentation,
 * when `hardware.reserve` does not say: 5% of the GPU's memory. A stated allowance, not a
 * measurement (the ZeRO paper saw over 30% lost to fragmentation in extreme runs, §3.2).
 */
export const DEFAULT_GPU_RESERVE = 0.05;

/**
 * The budget a GPU gives when `memory.budget` is not set: its datasheet memory less the reserve.
 * Its label is a formula without words ("A100-80GB 80 GB − 4 GB"), so it reads the same in every
 * language (docs/reading-the-comment.md says what the reserve is).
 * @example gpuBudget({ id: "A100-80GB", memoryBytes: 80e9 })
 *   // { raw: "A100-80GB 80 GB − 4 GB", kind: "absolute", value: 76e9 }
 */
export function gpuBudget(
  gpu: { id: string; memoryBytes: number },
  reserve?: { raw: string; bytes: number },
): MemoryBudget {
  const kept = reserve?.bytes ?? gpu.memoryBytes * DEFAULT_GPU_RESERVE;
  const gb = (b: number) => `${Number((b / 1e9).toPrecision(3))} GB`;
  return { raw: `${gpu.id} ${gb(gpu.memoryBytes)} − ${gb(kept)}`, kind: "absolute", value: gpu.memoryBytes - kept };
}

/**
 * Compares the predicted peak with `memory.budget`: an absolute budget ("40GiB") against the
 * new peak, a relative one ("+10%") against the growth new ÷ old. Over the limit takes the
 * configured level; within the margin, or over it only at the top of the interval, warns.
 * @example checkBudget({ budget: { raw: "40GiB", kind: "absolute", value: 40 * 2 ** 30 }, level: "error", margin: 0.05,
 * after: peak41GiB, batch: 64 }).status // "error"
 */
export function checkBudget(input: BudgetInput): BudgetCheck {
  const { budget, level } = input;
  const key = input.key ?? "memory.budget";
  const base = { budget: budget.raw, kind: budget.kind, limit: budget.value, level, key } as const;
  const compared = budget.kind === "absolute" ? input.after : input.ratio;
  if (!compared) {
    // What the check lacks differs by kind: a byte figure for an absolute budget, both peaks for a relative one.
    return {
      ...base,
      status: "unknown",
      message: {
        id: budget.kind === "absolute" ? "budget-unknown" : "budget-unknown-relative",
        params: { budget: budget.raw, key },
      },
    };
  }
  const show = (v: number) =>
    budget.kind === "absolute"
      ? formatBytes(v)
      : `×${v.toFixed(2)} (${v >= 1 ? "+" : ""}${((v - 1) * 100).toFixed(0)}%)`;
  const predicted = show(compared.value);
  const params = { budget: budget.raw, key, predicted, batch: input.batch ?? "?" };
  const limit = budget.value;
  if (compared.value > limit) {
    return { ...base, status: level, compared, message: { id: "budget-over", params } };
  }
  if (compared.high !== undefined && compared.high > limit) {
    return {
      ...base,
      status: "warn",
      compared,
      message: { id: "budget-may-exceed", params: { ...params, high: show(compared.high) } },
    };
  }
  // A relative budget's margin is on the growth (+10% → warn above +9.5%), not on the whole ratio.
  const near = budget.kind === "absolute" ? limit * (1 - input.margin) : 1 + (limit - 1) * (1 - input.margin);
  if (compared.value > near) {
    return {
      ...base,
      status: "warn",
      compared,
      message: { id: "budget-near", params: { ...params, margin: Math.round(input.margin * 100) } },
    };
  }
  return { ...base, status: "ok", compared, message: { id: "budget-ok", params } };
}
