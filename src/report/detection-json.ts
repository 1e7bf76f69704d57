import type { DetectResult } from "../detect/detect-changes.js";
import type { BatchChange, FileReport } from "../detect/types.js";
import { reasonText } from "./messages/detection-reasons.js";
import { warningText } from "./messages/detection-warnings.js";

/**
 * The JSON contract of `batch-advisor detect --json` (docs/detection.md). Later tools read it, so
 * only these fields are printed, in this order. Each reason is there twice: as the English
 * sentence (`unknownReason`, `unknown`) and as its message id with parameters
 * (`unknownReasonMessage`, `unknownMessages`), which a tool can word in any language.
 */
export function detectionJson(result: Pick<DetectResult, "files" | "changes">): unknown {
  return { files: result.files.map(fileJson), changes: result.changes.map(changeJson) };
}

function fileJson(f: FileReport) {
  return {
    path: f.path,
    format: f.format,
    framework: f.framework,
    settings: f.settings.map((s) => ({
      role: s.role,
      key: s.key,
      value: s.value,
      raw: s.raw,
      line: s.line,
      ...(s.unknownReason ? { unknownReason: reasonText(s.unknownReason), unknownReasonMessage: s.unknownReason } : {}),
      ...(s.source ? { source: s.source } : {}),
    })),
    effective: {
      value: f.effective.value,
      unit: f.effective.unit,
      formula: f.effective.formula,
      unknown: f.effective.unknown.map(reasonText),
      unknownMessages: f.effective.unknown,
    },
    warnings: f.warnings.map(warningText),
    warningMessages: f.warnings,
    errors: f.errors.map((e) => ({
      message: e.message,
      ...(e.problem ? { problem: e.problem } : {}),
      ...(e.line ? { line: e.line } : {}),
      ...(e.column ? { column: e.column } : {}),
    })),
  };
}

function changeJson(c: BatchChange) {
  return {
    path: c.path,
    line: c.line,
    framework: c.framework,
    role: c.role,
    key: c.key,
    before: c.before,
    after: c.after,
    effective: c.effective,
    learningRate: c.learningRate,
    ...(c.unknown.length ? { unknown: c.unknown.map(reasonText), unknownMessages: c.unknown } : {}),
    ...(c.inheritedFrom ? { inheritedFrom: c.inheritedFrom } : {}),
  };
}
