import type { UnknownPart } from "../detect/reason.js";
import { distinctParts } from "../util/distinct-parts.js";
import type { BatchChange, FileReport, Role, Scalar } from "../detect/types.js";
import type { ChangeGroup } from "./types.js";

export type PartRole = "micro_batch" | "grad_accum" | "devices";

/** One part of the effective batch on both sides, as the table shows it. */
export interface BatchPart {
  role: PartRole;
  before: Scalar | undefined;
  after: Scalar | undefined;
  changed: boolean;
  /** The key that set it, when the file names one. */
  key?: string;
}

const PARTS: Array<{ role: PartRole; pick: (p: FileReport["effective"]["parts"]) => number | null }> = [
  { role: "micro_batch", pick: (p) => p.micro },
  { role: "grad_accum", pick: (p) => p.accum },
  { role: "devices", pick: (p) => p.devices },
];

/**
 * Per-device batch, accumulation and devices before and after: a changed part from its
 * `BatchChange`, an unchanged one from the file's head settings. `undefined` means unknown.
 * When a global batch changed, parts the framework derives from it (accumulation) are not
 * known at base, so they are left unknown there rather than shown as unchanged.
 * @example batchParts(group, file) // [{ role: "micro_batch", before: 32, after: 64, changed: true }, …]
 */
export function batchParts(group: ChangeGroup, file: FileReport | undefined): BatchPart[] {
  const globalChanged = group.changes.some((c) => c.role === "global_batch");
  return PARTS.map(({ role, pick }) => {
    const change = group.changes.find((c) => c.role === role);
    if (change) return { role, before: change.before, after: change.after, changed: true, key: change.key };
    const head = file ? pick(file.effective.parts) : null;
    const setting = file?.settings.find((s) => s.role === (role as Role));
    const value = head ?? undefined;
    // With the base side known, a part derived from what changed (the per-device share of a global batch) shows its old
    // value.
    if (group.baseParts) {
      const before = pick(group.baseParts) ?? undefined;
      return {
        role,
        before,
        after: value,
        changed: before !== undefined && value !== undefined && before !== value,
        ...(setting ? { key: setting.key } : {}),
      };
    }
    // A part derived from something that changed (accumulation from a global batch, devices from nodes) was different
    // at base.
    const derivedFromChange =
      (globalChanged && role === "grad_accum" && !setting) ||
      (role === "devices" && group.changes.some((c) => c.role === "nodes"));
    const before = derivedFromChange ? undefined : value;
    return { role, before, after: value, changed: false, ...(setting ? { key: setting.key } : {}) };
  });
}

/** Unknown parts of the effective batch named by detection, without repeats. */
export function unknownParts(changes: BatchChange[], file: FileReport | undefined): UnknownPart[] {
  return distinctParts([...changes.flatMap((c) => c.unknown), ...(file?.effective.unknown ?? [])]);
}
