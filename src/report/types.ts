/**
 * The `Report`: everything `analyze()` found, predicted and rendered for one pull request (or one
 * CLI run). Fronts only choose where to send it: a sticky comment, a job summary, stdout, a file.
 */
import type { BatchChange, EffectiveBatch, FileReport } from "../detect/types.js";
import type { Estimate, Level } from "../estimate/types.js";
import type { Measurements } from "../proxy/types.js";
import type { Language } from "../config/schema.js";
import type { ConfigIssue } from "../config/config-issue.js";
import type { SkipReason } from "../detect/skip-reason.js";
import type { SourceSkip } from "../source/source-skip.js";

/** One file's batch change as the report shows it: its changes and one estimate for the file's new effective batch. */
export interface ChangeGroup {
  path: string;
  /** The file's changed settings (micro, accumulation, devices…), in line order. */
  changes: BatchChange[];
  estimate: Estimate;
  /** Index into `Report.measurements` of the proxy run behind the estimate, when one ran. */
  measurementIndex?: number;
  /** Per-device batch, accumulation and devices at base, when the file existed there. */
  baseParts?: EffectiveBatch["parts"];
}

/** A line GitHub can annotate (workflow command or check-run annotation). */
export interface Annotation {
  path: string;
  line: number;
  level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

/** What a one-click edit changes on its line. */
export type SuggestionTopic = "learning-rate" | "schedule";

/** An edit the author can apply in one click (review comment with a ```suggestion``` block). */
export interface Suggestion {
  path: string;
  line: number;
  /** The whole line as it is at head. */
  original: string;
  /** The whole line as suggested. */
  replacement: string;
  reason: string;
  /** What the edit changes; absent means the learning rate alone (as before schedules had suggestions). */
  topics?: SuggestionTopic[];
}

export interface Report {
  /** Schema version of the JSON form. */
  version: 1;
  language: Language;
  /** Where the change came from, e.g. "git main..HEAD in /repo". */
  source: string;
  files: FileReport[];
  groups: ChangeGroup[];
  measurements: Measurements[];
  /** Files not analysed and why. */
  skipped: Array<{ path: string; reason: string; why?: SkipReason | SourceSkip }>;
  /** Problems with the bot config (`.github/batch-advisor.yml`), each naming the key. */
  configErrors: Array<{ key: string; message: string; line?: number; issue?: ConfigIssue }>;
  /** The worst verdict over all groups; "ok" when nothing changed. */
  level: Exclude<Level, "info">;
  /** True when a predicted peak breaks a memory budget at level `error`. */
  overBudget: boolean;
  /** One line for a check-run title or a log. */
  summary: string;
  /** The comment body in Markdown, with the hidden marker that finds it again. */
  markdown: string;
  annotations: Annotation[];
  suggestions: Suggestion[];
  /** Seconds spent per phase, for the log and the benchmarks. */
  timings: { detect: number; proxy: number; estimate: number; render: number; total: number };
}
