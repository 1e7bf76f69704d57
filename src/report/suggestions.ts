import type { BatchSetting, FileReport } from "../detect/types.js";
import type { LearningRateAdvice } from "../estimate/types.js";
import type { Translator } from "./messages/translate.js";
import { scheduleEdits, scheduleReason } from "./schedule-edit.js";
import type { ChangeGroup, Suggestion, SuggestionTopic } from "./types.js";
import { isVerbatim } from "./untrusted.js";
import { valueOffset } from "./value-offset.js";

/** Reads a file as it is at head; null when it cannot be read. */
export interface HeadText {
  readHead(path: string): string | null;
}

/** The learning-rate line of a group's file and what it would become. */
export interface LearningRateEdit {
  setting: BatchSetting;
  suggestedRaw: string;
  /** Whole head lines, when the file could be read and the value found on its line. */
  original?: string;
  replacement?: string;
}

/**
 * Where the group's learning rate is written and its suggested value in the user's own style.
 * Undefined when the advice suggests nothing or the setting comes from an inherited file.
 * @example learningRateEdit({ group, file, headText })
 *   // { setting, suggestedRaw: "1.4e-4", original: "  lr: 1.0e-4", replacement: "  lr: 1.4e-4" }
 */
export function learningRateEdit(input: {
  group: ChangeGroup;
  file?: FileReport;
  headText?: HeadText;
}): LearningRateEdit | undefined {
  const lr = input.group.estimate.learningRate;
  if (!lr.suggestedRaw || (lr.status !== "unchanged-needs-scaling" && lr.status !== "differs-from-rule"))
    return undefined;
  const setting = findSetting(input.file, lr);
  if (!setting) return undefined;
  const edit: LearningRateEdit = { setting, suggestedRaw: lr.suggestedRaw };
  const text = input.headText?.readHead(input.group.path);
  const line = text?.split(/\r?\n/)[setting.line - 1];
  if (line === undefined) return edit;
  const at = valueOffset(line, setting);
  if (at < 0) return edit;
  return {
    ...edit,
    original: line,
    replacement: `${line.slice(0, at)}${lr.suggestedRaw}${line.slice(at + setting.raw.length)}`,
  };
}

/**
 * One-click edits: for each group, the head line of a learning rate that should scale with the batch
 * and did not, and each line of step counts (milestones, warm-up, max steps, intervals riding along)
 * the PR left unscaled, with the suggested values in the user's own style. Edits on one line make
 * one suggestion, its reasons one after the other.
 * @example buildSuggestions({ groups, files, headText, t })
 *   // [{ path: "train.yaml", line: 7, original: "lr: 1.0e-4", replacement: "lr: 1.4e-4", reason: "…" }]
 */
export function buildSuggestions(input: {
  groups: ChangeGroup[];
  files: FileReport[];
  headText?: HeadText;
  t: Translator;
}): Suggestion[] {
  const out: Suggestion[] = [];
  for (const group of input.groups) {
    const file = input.files.find((f) => f.path === group.path);
    for (const [line, edit] of [...lineEdits({ ...input, group, file })].sort(([a], [b]) => a - b)) {
      const replacement = applyEdits(edit.original, edit.values);
      // A one-click suggestion is applied as written: a line with hidden characters, a line break or
      // a length the fence would cut is shown in the comment's diff instead.
      if (!isVerbatim(replacement)) continue;
      if (out.some((s) => s.path === group.path && s.line === line)) continue;
      out.push({
        path: group.path,
        line,
        original: edit.original,
        replacement,
        reason: edit.reasons.join(input.t.t("word.sentenceJoin")),
        // Absent means the learning rate alone, as suggestions were before schedules had any.
        ...(edit.topics.includes("schedule") ? { topics: edit.topics } : {}),
      });
    }
  }
  return out;
}

/** One value to rewrite on a line: where it starts, how long it is written there, and its replacement. */
interface ValueEdit {
  at: number;
  length: number;
  text: string;
}

interface LineEdit {
  original: string;
  values: ValueEdit[];
  reasons: string[];
  topics: SuggestionTopic[];
}

/** A group's edits by head line: the learning rate first, then the step counts that share or add lines. */
function lineEdits(input: {
  group: ChangeGroup;
  file?: FileReport;
  headText?: HeadText;
  t: Translator;
}): Map<number, LineEdit> {
  const { group, t } = input;
  const lines = new Map<number, LineEdit>();
  const lr = group.estimate.learningRate;
  const lrEdit = lr.status === "unchanged-needs-scaling" ? learningRateEdit(input) : undefined;
  if (lrEdit?.original !== undefined && lrEdit.replacement !== undefined) {
    const value = { at: valueOffset(lrEdit.original, lrEdit.setting), length: lrEdit.setting.raw.length };
    lines.set(lrEdit.setting.line, {
      original: lrEdit.original,
      values: [{ ...value, text: lrEdit.suggestedRaw }],
      reasons: [t.note(lr.message)],
      topics: ["learning-rate"],
    });
  }
  const k = group.estimate.schedule.k;
  if (k === null) return lines;
  for (const edit of scheduleEdits(input)) {
    const on = lines.get(edit.line);
    // The learning rate keeps a line whose step counts would overlap its value.
    if (on && edit.edits.some((e) => on.values.some((v) => e.at < v.at + v.length && v.at < e.at + e.length))) continue;
    lines.set(edit.line, {
      original: edit.original,
      values: [...(on?.values ?? []), ...edit.edits],
      reasons: [...(on?.reasons ?? []), scheduleReason(edit, k, t)],
      topics: [...(on?.topics ?? []), "schedule"],
    });
  }
  return lines;
}

/** The line with each value replaced, right to left so earlier offsets stay true. */
function applyEdits(line: string, values: ValueEdit[]): string {
  let out = line;
  for (const v of [...values].sort((a, b) => b.at - a.at))
    out = `${out.slice(0, v.at)}${v.text}${out.slice(v.at + v.length)}`;
  return out;
}

/** The learning-rate setting the advice is about: written in this file, with the advice's value when several exist. */
function findSetting(file: FileReport | undefined, lr: LearningRateAdvice): BatchSetting | undefined {
  const own = (file?.settings ?? []).filter(
    (s) => s.role === "learning_rate" && !s.source && typeof s.value === "number",
  );
  return (
    own.find((s) => lr.before !== null && Math.abs((s.value as number) - lr.before) <= Math.abs(lr.before) * 1e-9) ??
    own[0]
  );
}
