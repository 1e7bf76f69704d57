import type { BatchSetting, FileReport } from "../detect/types.js";
import type { ScheduleItem } from "../estimate/types.js";
import type { Translator } from "./messages/translate.js";
import type { HeadText } from "./suggestions.js";
import type { ChangeGroup } from "./types.js";
import { valueOffset } from "./value-offset.js";

/** One step count on a head line: where its value is written and what it becomes, in the same style. */
export interface StepCountEdit {
  key: string;
  before: number;
  after: number;
  /** Where the value starts on the line, and how many characters it takes there. */
  at: number;
  length: number;
  /** The scaled value as the user would have written it. */
  text: string;
}

/** A head line holding step counts to scale, with each count's edit, left to right. */
export interface ScheduleLineEdit {
  line: number;
  /** The whole line as it is at head. */
  original: string;
  edits: StepCountEdit[];
}

/**
 * The step counts the PR left as they were while the batch changed (the estimate's
 * `schedule-unscaled` Warning; eval/save intervals ride along), found on their head lines and
 * scaled in the user's own style. A line whose counts cannot all be found and rewritten is left
 * out whole: a milestone list half scaled is worse than one left alone.
 * @example scheduleEdits({ group, file, headText })
 * // [{ line: 11, original: "  milestones: [30000, 60000]", edits: [{ key: "milestones.0", text: "3750", … }, …] }]
 */
export function scheduleEdits(input: {
  group: ChangeGroup;
  file?: FileReport;
  headText?: HeadText;
}): ScheduleLineEdit[] {
  const schedule = input.group.estimate.schedule;
  if (!schedule.shouldScale || !schedule.leftUnscaled?.length) return [];
  const lines = input.headText?.readHead(input.group.path)?.split(/\r?\n/);
  if (!lines) return [];
  // A count set by an inherited file is not on this file's line.
  const own = (input.file?.settings ?? []).filter((s) => !s.source);
  const byLine = new Map<number, ScheduleItem[]>();
  for (const item of schedule.items)
    if (item.unchanged) byLine.set(item.line, [...(byLine.get(item.line) ?? []), item]);

  const out: ScheduleLineEdit[] = [];
  for (const [line, items] of [...byLine].sort(([a], [b]) => a - b)) {
    const original = lines[line - 1];
    if (original === undefined) continue;
    const edits = items.map((item) => stepCountEdit(item, original, own));
    if (edits.some((e) => e === undefined)) continue;
    // A count too small to change at this ratio (warm-up 1 at ×1.2) stays; its neighbours still scale.
    const changed = (edits as StepCountEdit[]).filter((e) => e.after !== e.before).sort((a, b) => a.at - b.at);
    if (!changed.length || changed.some((e, i) => i > 0 && changed[i - 1].at + changed[i - 1].length > e.at)) continue;
    out.push({ line, original, edits: changed });
  }
  return out;
}

/**
 * Why the line should change, in the language: the ratio and each count before → after, a list
 * written on one line as one list (as the Warning words it).
 * @example scheduleReason(edit, 8, translator("en"))
 * // "The batch changes ×8 but … milestones [30000, 60000] → [3750, 7500] keeps …"
 */
export function scheduleReason(edit: ScheduleLineEdit, k: number, t: Translator): string {
  const groups = new Map<string, StepCountEdit[]>();
  for (const e of edit.edits) {
    const key = e.key.replace(/\.\d+$/, "");
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const changes = [...groups].map(([key, group]) => {
    const list = group.length > 1 || group[0].key !== key;
    const show = (pick: (e: StepCountEdit) => number) => group.map(pick).join(", ");
    return list
      ? `${key} [${show((e) => e.before)}] → [${show((e) => e.after)}]`
      : `${key} ${show((e) => e.before)} → ${show((e) => e.after)}`;
  });
  return t.t("suggestion.schedule", { k: Number(k.toPrecision(3)), changes: changes.join(t.t("word.listJoin")) });
}

/**
 * A step count written the way the one it replaces is: quotes kept, `10_000` grouped the same,
 * `30000.0` with its decimals, `2e3` in exponent form (exact). Undefined for any other spelling,
 * which a one-click edit would only guess at.
 * @example formatSteps(3750, "30_000") // "3_750"
 */
export function formatSteps(value: number, raw: string): string | undefined {
  if (!Number.isSafeInteger(value) || value < 0) return undefined;
  const quote = raw.length >= 2 && /^(['"]).*\1$/.test(raw) ? raw[0] : "";
  const body = quote ? raw.slice(1, -1) : raw;
  const quoted = (s: string) => `${quote}${s}${quote}`;
  if (/^\d+$/.test(body)) return quoted(String(value));
  if (/^\d{1,3}(?:_\d{3})+$/.test(body)) return quoted(String(value).replace(/\B(?=(?:\d{3})+$)/g, "_"));
  const decimals = /^\d+\.(\d*)$/.exec(body);
  if (decimals) return quoted(decimals[1].length ? value.toFixed(decimals[1].length) : `${value}.`);
  const exponent = /^\d+(?:\.\d+)?([eE])(\+?)\d+$/.exec(body);
  if (exponent) {
    const [mantissa, power] = value.toExponential().split("e");
    return quoted(`${mantissa}${exponent[1]}${exponent[2]}${power.replace("+", "")}`);
  }
  return undefined;
}

function stepCountEdit(item: ScheduleItem, line: string, settings: BatchSetting[]): StepCountEdit | undefined {
  if (item.before === null || item.suggested === null) return undefined;
  const place = locate(item, line, settings);
  const text = place && formatSteps(item.suggested, place.raw);
  if (!place || text === undefined) return undefined;
  return { key: item.key, before: item.before, after: item.suggested, at: place.at, length: place.raw.length, text };
}

/** Where the item's value is written on its line: its setting's own value, or one number of a yacs tuple. */
function locate(item: ScheduleItem, line: string, settings: BatchSetting[]): { at: number; raw: string } | undefined {
  const onLine = settings.filter((s) => s.line === item.line);
  const own = onLine.find((s) => s.key === item.key && s.value === item.before);
  if (own) {
    if (own.column !== undefined && line.startsWith(own.raw, own.column - 1))
      return { at: own.column - 1, raw: own.raw };
    // A list element may be written like its neighbour ([1000, 1000]): only its column says which it is.
    if (/\.\d+$/.test(own.key)) return undefined;
    const at = valueOffset(line, own);
    return at < 0 ? undefined : { at, raw: own.raw };
  }
  // yacs writes decay points as one tuple string, `STEPS: (210000, 250000)`; the estimate made one item per number.
  const element = /^(.*)\.(\d+)$/.exec(item.key);
  const tuple = element && onLine.find((s) => s.key === element[1] && typeof s.value === "string");
  if (!element || !tuple) return undefined;
  const start = valueOffset(line, tuple);
  const nth = start < 0 ? undefined : [...tuple.raw.matchAll(/\d+/g)][Number(element[2])];
  if (!nth || Number(nth[0]) !== item.before) return undefined;
  return { at: start + nth.index, raw: nth[0] };
}
