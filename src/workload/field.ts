import type { Entry } from "../detect/types.js";
import type { WorkloadReason } from "./reason.js";
import type { Field, WorkloadSource } from "./types.js";

/**
 * A value read from a config entry: the source names the file (the inherited one when the entry
 * came from a base config), the key as written and its line.
 * @example fromEntry(2048, entry, "train.yaml").source
 *   // { kind: "config", file: "train.yaml", key: "max_seq_length", line: 4 }
 */
export function fromEntry<T>(value: T, entry: Entry, file: string): Field<T> {
  return { value, source: configSource(entry, file) };
}

export function configSource(entry: Entry, file: string): Extract<WorkloadSource, { kind: "config" }> {
  return { kind: "config", file: entry.source ?? file, key: keyOf(entry), line: entry.line };
}

/** The key as a user would recognise it: dotted for nested keys, `--flag` for command-line flags. */
export function keyOf(entry: Entry): string {
  const key = entry.path.join(".");
  return entry.context && entry.path.length === 1 && !key.startsWith("#") ? `--${key}` : key;
}

/** What a framework does when the config says nothing, with the framework named. */
export function fromDefault<T>(value: T, framework: string, what: WorkloadReason): Field<T> {
  return { value, source: { kind: "default", framework, what } };
}

export function fromBotConfig<T>(value: T, key: string): Field<T> {
  return { value, source: { kind: "bot-config", key } };
}

export function derived<T>(value: T, from: WorkloadReason): Field<T> {
  return { value, source: { kind: "derived", from } };
}

/** A field that is not known, with why (and, when it helps, what to add and where the config named it). */
export function unknown<T>(
  reason: WorkloadReason,
  extra: Omit<Extract<WorkloadSource, { kind: "unknown" }>, "kind" | "reason"> = {},
): Field<T> {
  return { value: null, source: { kind: "unknown", reason, ...extra } };
}
