import type { BatchChange, FileReport, ParseError } from "../detect/types.js";
import type { Level, Note } from "../estimate/types.js";
import { unknownParts } from "./batch-parts.js";
import type { Translator } from "./messages/translate.js";
import { wordDetectionReason, wordUnknownPart } from "./messages/detection-reasons.js";
import { wordDetectionWarning } from "./messages/detection-warnings.js";
import { wordConfigIssue } from "./messages/config-issues.js";
import { wordSkipReason } from "./messages/skip-reasons.js";
import { wordParseError } from "./messages/parse-errors.js";
import { wordSourceSkip } from "./messages/source-skips.js";
import { quote } from "./quote.js";
import { untrusted } from "./untrusted.js";
import type { ChangeGroup, Report } from "./types.js";
import type { SkipReason } from "../detect/skip-reason.js";
import type { SourceSkip } from "../source/source-skip.js";

export type AlertKind = "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION";

const KIND: Record<Exclude<Level, "ok">, AlertKind> = { info: "NOTE", warn: "WARNING", error: "CAUTION" };

/**
 * A GitHub alert block: one item as a paragraph, several as a list.
 * @example alert("WARNING", ["Over budget."]) // "> [!WARNING]\n> Over budget."
 */
export function alert(kind: AlertKind, items: string[]): string {
  if (!items.length) return "";
  const body = items.length === 1 ? items[0].split("\n") : items.map((i) => `- ${i.replace(/\n/g, " ")}`);
  return [`> [!${kind}]`, ...body.map((l) => `> ${l}`.trimEnd())].join("\n");
}

/**
 * The budget check and the risks of one group as alerts (CAUTION for error, WARNING for warn,
 * NOTE for info), the worst first; unknown parts of the effective batch are named when no risk names them.
 * @example renderGroupAlerts({ group, file, t }) // "> [!CAUTION]\n> Predicted peak 44.0 GiB …"
 */
export function renderGroupAlerts(input: { group: ChangeGroup; file?: FileReport; t: Translator }): string {
  const { group, t } = input;
  const e = group.estimate;
  const items: Array<{ level: Exclude<Level, "ok">; text: string }> = [];
  const budget = e.memory.budget;
  const budgetShown = budget && budget.status !== "ok";
  // Notes are the estimate stage's words around the PR's keys and values: all of it is text, never Markdown.
  const note = (n: Note) => untrusted(t.note(n), "text", { t });
  if (budget && budgetShown)
    items.push({
      level: budget.status === "unknown" ? "info" : (budget.status as "warn" | "error"),
      text: note(budget.message),
    });
  const unknown = unknownParts(group.changes, input.file);
  // Each part's PR names pass the border one by one, so the sentence around them is ours.
  const unknownText = unknown.map((u) => wordUnknownPart(u, quote(t), t)).join(t.t("verdict.join"));
  // A value that cannot be read leaves the batch unknown: said first, with the value as written.
  for (const c of group.changes)
    for (const u of c.unreadable ?? []) items.push({ level: "warn", text: unreadableText(c, u, t) });
  for (const r of e.risks) {
    if (r.id === "over-budget" && budgetShown) continue;
    const text = r.source
      ? t.t("alert.source", { text: note(r), source: untrusted(r.source, "text", { t }) })
      : note(r);
    const parts = r.id === "unknown-batch-parts" && unknown.length;
    items.push({
      level: r.level,
      text: parts ? `${text}${t.t("word.sentenceJoin")}${t.t("alert.unknownParts", { parts: unknownText })}` : text,
    });
  }
  if (unknown.length && !e.risks.some((r) => r.id === "unknown-batch-parts"))
    items.push({ level: "info", text: t.t("alert.unknownParts", { parts: unknownText }) });
  // A parse error or a conflict in the file itself (DeepSpeed's three numbers disagree) is a warning.
  const path = input.file ? untrusted(input.file.path, "code", { t }) : "";
  if (input.file?.errors.length)
    items.push({ level: "warn", text: `${t.t("alert.fileErrors", { path })} ${fileErrorList(input.file, t)}` });
  if (input.file?.warnings.length)
    items.push({ level: "warn", text: `${t.t("alert.detectWarnings", { path })} ${warningList(input.file, t)}` });
  // The schedule's message already lists the settings to change and their new values.
  if (e.schedule.shouldScale) items.push({ level: "info", text: note(e.schedule.message) });
  const order: Array<Exclude<Level, "ok">> = ["error", "warn", "info"];
  return order
    .map((level) =>
      alert(
        KIND[level],
        items.filter((i) => i.level === level).map((i) => i.text),
      ),
    )
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Problems with `.github/batch-advisor.yml`, each naming its key, as one CAUTION alert.
 * @example renderConfigErrors(report.configErrors, t) // "> [!CAUTION]\n> The bot configuration …"
 */
export function renderConfigErrors(errors: Report["configErrors"], t: Translator): string {
  if (!errors.length) return "";
  const items = errors.map((e) =>
    t.t("alert.configError", {
      key: untrusted(e.key, "code", { t }),
      where: e.line ? t.t("alert.where", { where: t.t("word.line", { line: String(e.line) }) }) : "",
      message: configMessage(e, t),
    }),
  );
  return alert("CAUTION", [`${t.t("alert.configErrors")}\n${items.map((i) => `- ${i}`).join("\n")}`]);
}

/**
 * A config error after the key the alert already names: its message id in the reader's language,
 * or, from a stage that gives only a sentence (a proxy that could not run), that sentence as text.
 */
function configMessage(e: Report["configErrors"][number], t: Translator): string {
  if (e.issue) return wordConfigIssue(e.issue, quote(t), t);
  const message = e.key && e.message.startsWith(`${e.key}: `) ? e.message.slice(e.key.length + 2) : e.message;
  return untrusted(message, "text", { t });
}

/**
 * Files that were not analysed, and why, as one NOTE alert.
 * @example renderSkipped([{ path: "a.yaml", reason: "parse error" }], t)
 */
export function renderSkipped(skipped: Report["skipped"], t: Translator): string {
  if (!skipped.length) return "";
  const items = skipped.map((s) => {
    // Detection's skips and our sources' are ids; a source that gives none is quoted in its own words.
    const reason = !s.why
      ? untrusted(s.reason, "text", { t })
      : s.why.id.startsWith("source.")
        ? wordSourceSkip(s.why as SourceSkip, quote(t), t)
        : wordSkipReason(s.why as SkipReason, quote(t), t);
    return `- ${t.t("alert.skippedFile", { path: untrusted(s.path, "code", { t }), reason })}`;
  });
  return alert("NOTE", [`${t.t("alert.skipped")}\n${items.join("\n")}`]);
}

/**
 * Configs with errors that gave no change to report (a file that does not parse at all), so the
 * author learns the bot could not read them instead of seeing silence.
 * @example renderUnreadable([{ path: "ds.json", errors: [{ message: "JSON: ValueExpected", line: 3 }], … }], t)
 */
export function renderUnreadable(files: FileReport[], t: Translator): string {
  if (!files.length) return "";
  const items = files.map((f) => `${untrusted(f.path, "code", { t })}${t.t("word.colon")}${fileErrorList(f, t)}`);
  return alert("WARNING", [`${t.t("alert.unreadable")}\n${items.map((i) => `- ${i}`).join("\n")}`]);
}

/** A file's warnings on one line, their PR names quoted one by one. */
function warningList(file: FileReport, t: Translator): string {
  return file.warnings
    .map((w) => wordDetectionWarning(w, quote(t), t, (e) => errorText(e, t)))
    .join(t.t("word.itemJoin"));
}

/** A file's parse errors on one line: the first three, with their lines, and how many more. */
function fileErrorList(file: FileReport, t: Translator): string {
  const shown = file.errors.slice(0, 3).map((e) =>
    t.t("alert.fileError", {
      where: e.line ? `${t.t("word.line", { line: String(e.line) })}${t.t("word.colon")}` : "",
      message: errorText(e, t),
    }),
  );
  if (file.errors.length > 3) shown.push(`… (+${file.errors.length - 3})`);
  return shown.join(t.t("word.itemJoin"));
}

/** One parse error in the reader's language, the parser's own words quoted as code. */
function errorText(e: ParseError, t: Translator): string {
  return wordParseError(e, quote(t), t);
}

/** "Cannot read the new value of `key` (line 3): `${oc.env:BS}` (read from environment variable BS at run time). …" */
function unreadableText(c: BatchChange, u: NonNullable<BatchChange["unreadable"]>[number], t: Translator): string {
  const line = u.side === "before" ? (c.baseLine ?? c.line) : c.line;
  return t.t(u.side === "after" ? "alert.unreadableValue" : "alert.unreadableValueBefore", {
    key: untrusted(c.key, "code", { t }),
    where: t.t("word.line", { line: String(line) }),
    value: untrusted(u.raw, "code", { t }),
    reason: t.t("alert.reason", { reason: wordDetectionReason(u.reason, quote(t), t) }),
  });
}

/** Note ids a risk already covers in other words. */
const SAME_AS: Record<string, string[]> = { "speed-not-transferable": ["speed-proxy-backend"] };

/**
 * Notes of the estimate worth a line but not an alert (how the ratio was read, speed backend,
 * memory basis, convergence position).
 */
export function estimateNotes(group: ChangeGroup, t: Translator): string[] {
  const e = group.estimate;
  const notes: Note[] = [
    ...(e.notes ?? []),
    ...(e.speed?.notes ?? []),
    ...e.memory.notes,
    ...(e.convergence?.notes ?? []),
  ];
  // A note the risks already say (the same id, or the same words) is not repeated.
  const said = new Set(e.risks.flatMap((r) => [r.id as string, t.note(r), ...(SAME_AS[r.id] ?? [])]));
  return [...new Set(notes.filter((n) => !said.has(n.id)).map((n) => t.note(n)))].filter((text) => !said.has(text));
}
