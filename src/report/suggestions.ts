import type { BatchSetting, FileReport } from "../detect/types.js";
import type { LearningRateAdvice } from "../estimate/types.js";
import type { Translator } from "./messages/translate.js";
import type { ChangeGroup, Suggestion } from "./types.js";
import { isVerbatim } from "./untrusted.js";

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
 * @example learningRateEdit({ group, file, headText }) // { setting, suggestedRaw: "1.4e-4", original: "  lr: 1.0e-4", replacement: "  lr: 1.4e-4" }
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
 * One-click learning-rate edits: for each group whose learning rate should scale with the batch
 * and did not, the head line with the suggested value.
 * @example buildSuggestions({ groups, files, headText, t }) // [{ path: "train.yaml", line: 7, original: "lr: 1.0e-4", replacement: "lr: 1.4e-4", reason: "…" }]
 */
export function buildSuggestions(input: {
  groups: ChangeGroup[];
  files: FileReport[];
  headText?: HeadText;
  t: Translator;
}): Suggestion[] {
  const out: Suggestion[] = [];
  for (const group of input.groups) {
    if (group.estimate.learningRate.status !== "unchanged-needs-scaling") continue;
    const file = input.files.find((f) => f.path === group.path);
    const edit = learningRateEdit({ group, file, headText: input.headText });
    if (!edit?.original || edit.replacement === undefined) continue;
    // A one-click suggestion is applied as written: a line with hidden characters, a line break or
    // a length the fence would cut is shown in the comment's diff instead.
    if (!isVerbatim(edit.replacement)) continue;
    if (out.some((s) => s.path === group.path && s.line === edit.setting.line)) continue;
    out.push({
      path: group.path,
      line: edit.setting.line,
      original: edit.original,
      replacement: edit.replacement,
      reason: input.t.note(group.estimate.learningRate.message),
    });
  }
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

/** Where the raw value sits on its line: at its column when that matches, else first after the key, else last on the line. */
function valueOffset(line: string, setting: BatchSetting): number {
  const raw = setting.raw;
  if (!raw) return -1;
  if (setting.column !== undefined && line.startsWith(raw, setting.column - 1)) return setting.column - 1;
  const leaf =
    setting.key
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? setting.key;
  const keyAt = line.indexOf(leaf);
  if (keyAt >= 0) {
    const after = line.indexOf(raw, keyAt + leaf.length);
    if (after >= 0) return after;
  }
  return line.lastIndexOf(raw);
}
