import type { BatchChange, FileReport, Scalar } from "../detect/types.js";
import { formatNumber } from "./format-number.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import type { ChangeGroup } from "./types.js";
import { groupLevel } from "./level.js";
import { untrusted } from "./untrusted.js";
import { verdictText } from "./verdict-text.js";

/**
 * A group's heading and the list of its changed settings with their lines.
 * @example renderGroupHeading({ group, t })
 *   // "### `train.yaml`: effective batch 32 → 64 examples (×2)\n\n- `per_device_train_batch_size` (line 12): 32 → 64"
 */
export function renderGroupHeading(input: { group: ChangeGroup; t: Translator }): string {
  const { group, t } = input;
  const changes = group.changes.map((c) => `- ${changeLine(c, t)}`).join("\n");
  const heading = t.t("group.heading", {
    path: untrusted(group.path, "code", { t }),
    effective: effectiveText(group, t),
  });
  return `${heading}\n\n${changes}`;
}

/** "effective batch 32 → 64 examples (×2)", with "unknown" where a side is not known. */
export function effectiveText(group: ChangeGroup, t: Translator): string {
  const b = group.estimate.batch;
  const unit = t.t(b.unit === "tokens" ? "unit.tokens" : "unit.samples");
  const side = (v: number | null) => (v === null ? t.t("cell.unknown") : formatNumber(v));
  // "unknown → unknown examples" reads oddly: the unit goes only with a number.
  const unitShown = b.before === null && b.after === null ? "" : ` ${unit}`;
  const ratio = b.ratio === null ? "" : t.t("verdict.ratio", { ratio: formatNumber(b.ratio) });
  return t.t("group.effective", { before: side(b.before), after: side(b.after), unit: unitShown, ratio });
}

/**
 * "`key` (line 12): 32 → 64", noting the file the change is in when it is not this one: the launch
 * script that runs the config, or an inherited file. A value that is not a number shows as code, as written.
 */
export function changeLine(c: BatchChange, t: Translator): string {
  const file = c.launchScript ?? c.inheritedFrom;
  const from = file
    ? ` ${t.t(c.launchScript ? "group.launchScript" : "group.inherited", { file: untrusted(file, "code", { t }) })}`
    : "";
  return t.t("group.change", {
    key: untrusted(c.key, "code", { t }),
    where: t.t("word.line", { line: String(c.line) }),
    before: scalar(c.before, t),
    after: scalar(c.after, t),
    from,
  });
}

/**
 * One line for a group the comment has no room to show in full: where, what, and the verdict (which names steps and
 * memory).
 * @example collapsedLine(group, t)
 *   // "`train.yaml:12` `batch_size` 32 → 64: **Warning** — Batch 32 → 64 (×2): 1.93× fewer steps, …"
 */
export function collapsedLine(group: ChangeGroup, t: Translator, file?: FileReport): string {
  const e = group.estimate;
  const first = group.changes[0];
  const where = untrusted(`${group.path}:${first?.line ?? e.change.line}`, "code", { t });
  const what = first
    ? `${untrusted(first.key, "code", { t })} ${scalar(first.before, t)} → ${scalar(first.after, t)}`
    : "";
  const level = t.t(`level.${groupLevel(group)}` as MessageId);
  return `${where} ${what}: **${level}** — ${untrusted(verdictText(e, t, { group, file }), "text", { t })}`;
}

function scalar(v: Scalar, t: Translator): string {
  if (v === null) return t.t("cell.unknown");
  return typeof v === "number" ? formatNumber(v) : untrusted(v, "code", { t });
}
