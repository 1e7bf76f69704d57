import { distinctParts } from "../util/distinct-parts.js";
import { DEVICE_ROLES } from "./device-roles.js";
import { samePart } from "./reason.js";
import type { BatchChange, BatchSetting, FileReport, Role, Scalar } from "./types.js";

/** Roles whose change alters how many examples (or tokens) a training step sees. */
const BATCH_ROLES = new Set<Role>([
  "micro_batch",
  "global_batch",
  "grad_accum",
  ...DEVICE_ROLES,
  "tokens_per_batch",
  "nominal_batch",
  "batch_type",
]);

/**
 * Pairs the batch settings of one config at base and head and returns each one that changed,
 * with the effective batch on both sides. A setting is matched by role and key; one that appears
 * or disappears is a change too. Files whose batch settings are equal produce nothing.
 * @example diffSettings(detectFile("a.yaml", "batch_size: 8"), detectFile("a.yaml", "batch_size:
 * 32"))[0].effective.ratio // 4 (devices unknown on both sides cancel)
 */
export function diffSettings(base: FileReport, head: FileReport): BatchChange[] {
  const seqLenMatters = head.effective.unit === "tokens" && !head.settings.some((s) => s.role === "tokens_per_batch");
  const relevant = (s: BatchSetting) => BATCH_ROLES.has(s.role) || (seqLenMatters && s.role === "seq_len");
  const before = index(base.settings.filter(relevant));
  const after = index(head.settings.filter(relevant));
  const effective = { before: base.effective.value, after: head.effective.value, ratio: effectiveRatio(base, head) };
  const learningRate = { before: firstValue(base, "learning_rate"), after: firstValue(head, "learning_rate") };
  const unknown = distinctParts([...base.effective.unknown, ...head.effective.unknown]);
  const changes: BatchChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && a && sameValue(b, a)) continue;
    const s = (a ?? b)!;
    const change: BatchChange = {
      path: head.path,
      line: a?.line ?? b!.line,
      framework: head.framework,
      role: s.role,
      key: s.key,
      before: b ? shown(b) : null,
      after: a ? shown(a) : null,
      effective,
      learningRate,
      unknown,
    };
    if (b) change.baseLine = b.line;
    if (s.source) change.inheritedFrom = s.source;
    if (s.source && s.launcher) change.launchScript = s.source;
    const unreadable = [unreadableSide("before", b), unreadableSide("after", a)].filter((u) => u !== undefined);
    if (unreadable.length) change.unreadable = unreadable;
    changes.push(change);
  }
  return changes.sort((x, y) => x.line - y.line);
}

/** Roles whose value must be a number for the batch to be known. */
const NUMERIC_BATCH_ROLES = new Set<Role>([...BATCH_ROLES].filter((r) => r !== "batch_type"));

/** A setting that is written but has no numeric value: what it says and why it cannot be read. */
function unreadableSide(
  side: "before" | "after",
  s: BatchSetting | undefined,
): NonNullable<BatchChange["unreadable"]>[number] | undefined {
  if (!s || s.value !== null || !NUMERIC_BATCH_ROLES.has(s.role)) return undefined;
  return { side, raw: s.raw, reason: s.unknownReason ?? { id: "value.notNumber", params: { value: s.raw } } };
}

function index(settings: BatchSetting[]): Map<string, BatchSetting> {
  const map = new Map<string, BatchSetting>();
  const counts = new Map<string, number>();
  for (const s of settings) {
    const base = `${s.role}\u0000${s.key}`;
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    map.set(`${base}\u0000${n}`, s);
  }
  return map;
}

function sameValue(a: BatchSetting, b: BatchSetting): boolean {
  return a.value === b.value && (a.value !== null || a.raw === b.raw);
}

/** An unknown value is shown as written (`auto`, `$BS`), so the reader sees what changed. */
function shown(s: BatchSetting): Scalar {
  return s.value ?? (s.raw || null);
}

function firstValue(report: FileReport, role: Role): Scalar {
  const s = report.settings.find((x) => x.role === role);
  return s ? shown(s) : null;
}

/**
 * after / before. When a part is unknown on both sides for the same reason (devices set by the
 * launcher), it cancels, so the ratio is still known.
 */
function effectiveRatio(base: FileReport, head: FileReport): number | null {
  const b = base.effective;
  const h = head.effective;
  if (b.unit !== h.unit) return null;
  if (b.value != null && h.value != null) return b.value === 0 ? null : h.value / b.value;
  const parts = ["micro", "accum", "devices", "seqLen"] as const;
  let ratio = 1;
  for (const p of parts) {
    const x = b.parts[p] ?? null;
    const y = h.parts[p] ?? null;
    if (x == null && y == null) continue;
    if (x == null || y == null || x === 0) return null;
    ratio *= y / x;
  }
  // Only meaningful when the unknowns are the same on both sides (a part that cancels).
  const sameUnknown =
    b.unknown.length === h.unknown.length && b.unknown.every((u) => h.unknown.some((v) => samePart(u, v)));
  const globalOnOneSide =
    base.settings.some((s) => s.role === "global_batch") !== head.settings.some((s) => s.role === "global_batch");
  return sameUnknown && !globalOnOneSide ? ratio : null;
}
