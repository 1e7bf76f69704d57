import { loadConfig } from "../../src/config.js";
import { detectFile } from "../../src/detect/detect-file.js";
import { parseConfig } from "../../src/detect/parse/parse-config.js";
import { buildWorkload } from "../../src/workload/read-workload.js";
import type { Workload } from "../../src/workload/types.js";

/**
 * The workload of one config text as the advisor reads it: detection's report, the parsed entries,
 * the bot config (YAML text) and the files the config names (path → text; absent means missing).
 */
export function workloadOf(
  path: string,
  text: string,
  options: { bot?: string; files?: Record<string, string> } = {},
): Workload {
  const { config, errors } = loadConfig(options.bot ?? "");
  if (errors.length) throw new Error(errors.map((e) => e.message).join("; "));
  const file = detectFile(path, text, { devices: config.devices });
  const entries = parseConfig(path, text).entries;
  const files = new Map<string, string | null>(Object.entries(options.files ?? {}));
  return buildWorkload({
    file,
    entries,
    config,
    files: { get: (p: string) => files.get(p) ?? null, has: () => true } as unknown as ReadonlyMap<
      string,
      string | null
    >,
  });
}
