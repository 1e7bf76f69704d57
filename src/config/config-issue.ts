import type { Message } from "../detect/message.js";

/**
 * What is wrong with one key of `.github/batch-advisor.yml`, as message ids that
 * src/report/messages/config-issues.ts words in each language. Parameters are what the file wrote
 * (a value as JSON), the keys and values allowed, and a library's or the schema's own detail.
 */
export interface ConfigIssues {
  "config.unknownKey": { guess: string };
  /** `allowed`: the keys allowed beside it, comma-separated. */
  "config.unknownKeyAllowed": { allowed: string };
  /** `value`: what the file wrote, as JSON; `allowed`: the values allowed, comma-separated. */
  "config.notAllowed": { value: string; allowed: string };
  "config.notMapping": { value: string; allowed: string };
  /** Any other invalid value: `detail` is the schema's words for what it expected. */
  "config.invalid": { value: string; detail: string };
  /** The file does not parse as YAML: `detail` is the YAML library's message. */
  "config.unreadable": { file: string; detail: string };
  /** A file a key names (`model.configJson`) is not in the repository at head. */
  "config.fileNotFound": { file: string };
  /** A file a key names is not JSON: `detail` is the JSON parser's message. */
  "config.fileNotJson": { file: string; detail: string };
  /** The proxy the settings chose could not run: `detail` is the error it stopped with. */
  "config.proxyFailed": { detail: string };
}

/** One bot-config problem: `{ id, params }`. */
export type ConfigIssue = Message<ConfigIssues>;
