import type { z } from "zod";
import { expectation } from "./config-detail.js";
import type { ConfigIssue } from "./config-issue.js";
import { siblingKeys, suggestKey } from "./suggest-key.js";

/** One problem in `.github/batch-advisor.yml`, named by its dotted key. */
export interface ConfigError {
  /** Dotted key path (`memory.budget`, `files.2`); empty for the whole file. */
  key: string;
  /** The full sentence, key first: `language: "fr" is not allowed; use one of: en, zh-TW`. */
  message: string;
  line?: number;
  /** The same problem as a message id (after the key), which the report words in the reader's language. */
  issue?: ConfigIssue;
}

/**
 * Turns zod issues into sentences that name the key and say what is allowed. Unknown keys get
 * one error each, with the nearest known key when there is one.
 * @example formatIssue({ code: "invalid_value", path: ["language"], values: ["en", "zh-TW"] }, "fr", keys)
 *   // [{ key: "language", message: 'language: "fr" is not allowed; use one of: en, zh-TW' }]
 */
export function formatIssue(issue: z.core.$ZodIssue, value: unknown, known: string[]): ConfigError[] {
  const key = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((name) => {
      const path = key ? `${key}.${name}` : name;
      const guess = suggestKey(path, known);
      const allowed = siblingKeys(path, known).join(", ");
      const hint = guess ? `did you mean ${guess}?` : `allowed keys here: ${allowed}`;
      const issue: ConfigIssue = guess
        ? { id: "config.unknownKey", params: { guess } }
        : { id: "config.unknownKeyAllowed", params: { allowed } };
      return { key: path, message: `${path}: unknown key; ${hint}`, issue };
    });
  }
  const shown = value === undefined ? "" : `${JSON.stringify(value)} `;
  const label = key || "(file)";
  const written = value === undefined ? "" : JSON.stringify(value);
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map(String).join(", ");
    return [
      {
        key,
        message: `${label}: ${shown}is not allowed; use one of: ${allowed}`,
        issue: { id: "config.notAllowed", params: { value: written, allowed } },
      },
    ];
  }
  if (issue.code === "invalid_type" && issue.expected === "object") {
    const allowed = siblingKeys(key ? `${key}.x` : "x", known).join(", ");
    return [
      {
        key,
        message: `${label}: ${shown}is not valid; expected a mapping of keys (${allowed})`,
        issue: { id: "config.notMapping", params: { value: written, allowed } },
      },
    ];
  }
  const message = issue.message.startsWith(`"`) ? issue.message : `${shown}is not valid; ${issue.message}`;
  return [
    {
      key,
      message: `${label}: ${message}`,
      // The schema's own sentences have ids; zod's (or a library's) stay quoted as config.invalid.
      issue: expectation(issue.message, written) ?? {
        id: "config.invalid",
        params: { value: written, detail: issue.message },
      },
    },
  ];
}
