import { markdownTable } from "markdown-table";
import type { DetectResult } from "../detect/detect-changes.js";
import { distinctParts } from "../util/distinct-parts.js";
import type { FileReport } from "../detect/types.js";
import { reasonText } from "../report/messages/detection-reasons.js";
import { warningText } from "../report/messages/detection-warnings.js";

/** The human-readable detection report: settings per file, then the changes (when two sides were compared). */
export function formatDetection(
  result: Pick<DetectResult, "files" | "changes" | "skipped">,
  options: { compared: boolean },
): string {
  const out: string[] = [];
  for (const f of result.files) out.push(formatFile(f));
  if (result.changes.length) {
    out.push("Batch-size changes");
    out.push(
      markdownTable([
        ["file:line", "key", "before", "after", "effective batch", "learning rate"],
        ...result.changes.map((c) => [
          `${c.path}:${c.line}${c.inheritedFrom ? ` (from ${c.inheritedFrom})` : ""}`,
          c.key,
          show(c.before),
          show(c.after),
          effectiveCell(c.effective),
          c.learningRate.before === c.learningRate.after
            ? `${show(c.learningRate.after)} (unchanged)`
            : `${show(c.learningRate.before)} → ${show(c.learningRate.after)}`,
        ]),
      ]),
    );
    const unknown = distinctParts(result.changes.flatMap((c) => c.unknown));
    for (const u of unknown) out.push(`  unknown: ${reasonText(u)}`);
  } else if (options.compared) {
    out.push("No batch-size change.");
  }
  for (const s of result.skipped) out.push(`skipped ${s.path}: ${s.reason}`);
  return `${out.join("\n\n")}\n`;
}

function formatFile(f: FileReport): string {
  const lines = [`${f.path}  (${f.framework}, ${f.format})`];
  if (f.settings.length) {
    lines.push(
      markdownTable([
        ["line", "role", "key", "value"],
        ...f.settings.map((s) => [
          String(s.line),
          s.role,
          s.source ? `${s.key} (from ${s.source})` : s.key,
          s.unknownReason ? `${s.raw} (unknown: ${reasonText(s.unknownReason)})` : show(s.value),
        ]),
      ]),
    );
    const e = f.effective;
    lines.push(`effective batch: ${e.value ?? "unknown"}${e.value != null ? ` ${e.unit}` : ""} = ${e.formula}`);
    for (const u of e.unknown) lines.push(`  unknown: ${reasonText(u)}`);
  }
  for (const w of f.warnings) lines.push(`warning: ${warningText(w)}`);
  for (const e of f.errors)
    lines.push(`error${e.line ? ` at line ${e.line}${e.column ? `:${e.column}` : ""}` : ""}: ${e.message}`);
  return lines.join("\n");
}

function show(v: unknown): string {
  return v === null || v === undefined ? "—" : String(v);
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function effectiveCell(e: { before: number | null; after: number | null; ratio: number | null }): string {
  const ratio = e.ratio == null ? "" : ` (×${round(e.ratio)})`;
  if (e.before == null && e.after == null)
    return e.ratio == null ? "unknown" : `×${round(e.ratio)} (unknown parts cancel)`;
  return `${show(e.before)} → ${show(e.after)}${ratio}`;
}
