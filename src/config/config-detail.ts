import type { ConfigIssue, ConfigIssues } from "./config-issue.js";

/** The ids of what a key's value should have been (`config.expect.*`), and their parameters besides `value`. */
export type ExpectId = Extract<keyof ConfigIssues, `config.expect.${string}`>;
type ExpectParams<K extends ExpectId> = Omit<ConfigIssues[K], "value">;

type Said = { id: ExpectId; params: Record<string, string | number> };

/** The English sentences the schema gave zod when it was built, and the same as ids. */
const SAID = new Map<string, Said>();
/** Sentences that quote what a file wrote, said while validating: bounded, the oldest dropped first. */
const SAID_EACH = new Map<string, Said>();
const MAX_SAID_EACH = 1000;

/**
 * The schema's English for what a value should be, remembered with its id, so the issue zod
 * reports (text only) can be given to the report as an id. The English stays for the CLI.
 * @example says("config.expect.boolean", {}, "expected true or false") // "expected true or false"
 */
export function says<K extends ExpectId>(id: K, params: ExpectParams<K>, english: string): string {
  SAID.set(english, { id, params: params as Record<string, string | number> });
  return english;
}

/**
 * `says` for a sentence that quotes the value being validated (`"fr" is not allowed…`), said
 * once per value; only the latest thousand are kept.
 */
export function saysEach<K extends ExpectId>(id: K, params: ExpectParams<K>, english: string): string {
  if (SAID_EACH.size >= MAX_SAID_EACH) SAID_EACH.delete(SAID_EACH.keys().next().value as string);
  SAID_EACH.set(english, { id, params: params as Record<string, string | number> });
  return english;
}

/**
 * The id of a sentence the schema said, with what the file wrote as `value`; undefined for any
 * other text (zod's own words).
 * @example expectation("expected true or false", '"yes"')
 * // { id: "config.expect.boolean", params: { value: '"yes"' } }
 */
export function expectation(english: string, value: string): ConfigIssue | undefined {
  const said = SAID.get(english) ?? SAID_EACH.get(english);
  return said && ({ id: said.id, params: { ...said.params, value } } as ConfigIssue);
}
