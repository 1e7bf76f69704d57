import { LineCounter, parseDocument } from "yaml";
import { configSchema, type BotConfig } from "./config/schema.js";
import { formatIssue, type ConfigError } from "./config/format-issue.js";
import { keyLine } from "./config/key-line.js";
import { knownKeys } from "./config/known-keys.js";

export type { BotConfig } from "./config/schema.js";
export type { ConfigError } from "./config/format-issue.js";
export { parseBytes, parseCount, parseRelative } from "./config/parse-size.js";

export interface LoadedConfig {
  config: BotConfig;
  errors: ConfigError[];
}

const KNOWN = knownKeys(configSchema);

/** Every default, as if `.github/batch-advisor.yml` were empty. */
export function defaultConfig(): BotConfig {
  return configSchema.parse({});
}

/**
 * Reads `.github/batch-advisor.yml`. Never throws: a bad value or unknown key becomes an error
 * that names the key and the allowed values, and that key falls back to its default so the
 * rest of the file still applies.
 * @example loadConfig("language: fr", ".github/batch-advisor.yml").errors[0].message
 *   // 'language: "fr" is not allowed; use one of: en, zh-TW'
 */
export function loadConfig(text: string, path = ".github/batch-advisor.yml"): LoadedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const errors: ConfigError[] = doc.errors.map((e) => ({
    key: "",
    message: `${path}: ${e.message.split("\n")[0]}`,
    line: lines.linePos(e.pos[0]).line,
    issue: { id: "config.unreadable", params: { file: path, detail: e.message.split("\n")[0] } },
  }));
  if (errors.length) return { config: defaultConfig(), errors };

  // A small alias budget: a config has no reason to expand aliases thousands of times.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const detail = (e as Error).message;
    const issue = { id: "config.unreadable", params: { file: path, detail } } as const;
    return { config: defaultConfig(), errors: [{ key: "", message: `${path}: ${detail}`, issue }] };
  }
  if (data === null || data === undefined) data = {};
  // Each round drops what was wrong and parses again, so one bad key costs only itself.
  for (let round = 0; round < 50; round++) {
    const result = configSchema.safeParse(data);
    if (result.success) return { config: result.data, errors };
    for (const issue of result.error.issues) {
      const value = issue.code === "unrecognized_keys" ? undefined : valueAt(data, issue.path);
      for (const error of formatIssue(issue, value, KNOWN)) {
        const at = error.key ? error.key.split(".") : [];
        errors.push({ ...error, message: `${path}: ${error.message}`, line: keyLine(doc, lines, at) });
      }
      data =
        issue.code === "unrecognized_keys"
          ? issue.keys.reduce((d, k) => without(d, [...issue.path, k]), data)
          : without(data, issue.path);
    }
  }
  return { config: defaultConfig(), errors };
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );
}

/** A copy of `data` without the value at `path` (array items are removed, not left as holes). */
function without(data: unknown, path: PropertyKey[]): unknown {
  if (path.length === 0) return {};
  if (data === null || typeof data !== "object") return data;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const index = Number(head);
    return rest.length ? data.map((v, i) => (i === index ? without(v, rest) : v)) : data.filter((_, i) => i !== index);
  }
  const copy: Record<PropertyKey, unknown> = { ...(data as Record<PropertyKey, unknown>) };
  if (rest.length) copy[head] = without(copy[head], rest);
  else delete copy[head];
  return copy;
}
