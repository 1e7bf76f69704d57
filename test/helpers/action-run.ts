import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import { API } from "./github-api.js";

export interface ActionRun {
  dir: string;
  /** What the step printed: logs and workflow commands (::warning …, ::error …). */
  stdout: () => string;
  summary: () => string;
  outputs: () => Record<string, string>;
  /** 1 when core.setFailed was called. */
  failed: () => boolean;
  /** Undo the env, the stdout capture and the exit code. */
  restore: () => void;
}

// @actions/core remembers the summary file's path after its first write, so every run of one
// test file (one module instance of core) shares this file, emptied at the start of each run.
const SUMMARY = join(mkdtempSync(join(tmpdir(), "batch-advisor-summary-")), "summary.md");

/**
 * The runner's side of a step: env (GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
 * GITHUB_API_URL, RUNNER_TEMP, INPUT_*) pointing at a temp folder, and stdout captured.
 */
export function actionRun(
  options: { event?: string; inputs?: Record<string, string>; eventName?: string } = {},
): ActionRun {
  const dir = mkdtempSync(join(tmpdir(), "batch-advisor-action-"));
  const eventPath = join(dir, "event.json");
  writeFileSync(
    eventPath,
    readFileSync(new URL(`../../fixtures/events/${options.event ?? "pull_request.synchronize"}.json`, import.meta.url)),
  );
  writeFileSync(SUMMARY, "");
  writeFileSync(join(dir, "output.txt"), "");
  const env: Record<string, string> = {
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName ?? "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: "acme/train",
    GITHUB_API_URL: API,
    GITHUB_STEP_SUMMARY: SUMMARY,
    GITHUB_OUTPUT: join(dir, "output.txt"),
    RUNNER_TEMP: dir,
    "INPUT_GITHUB-TOKEN": "test-token",
    ...Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  let printed = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  return {
    dir,
    stdout: () => printed,
    summary: () => readFileSync(SUMMARY, "utf8"),
    outputs: () => parseOutputs(readFileSync(join(dir, "output.txt"), "utf8")),
    failed: () => process.exitCode === 1,
    restore: () => {
      spy.mockRestore();
      vi.unstubAllEnvs();
      process.exitCode = undefined;
    },
  };
}

/** GITHUB_OUTPUT's heredoc form: `name<<DELIM\nvalue\nDELIM`. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

export function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
}
