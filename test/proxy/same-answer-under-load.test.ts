import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { BUNDLED_EXAMPLE } from "../../src/cli/bundled-example.js";
import { loadConfig } from "../../src/config.js";
import { reportJson } from "../../src/report/render-json.js";
import { FilePairSource } from "../../src/source/file-pair-source.js";

/**
 * The run's own timing fields: how long this run took and how fast this machine stepped, plus the
 * process's resident memory. Everything else in the JSON must be the same on every run.
 */
function withoutRunTimings(report: Awaited<ReturnType<typeof analyze>>): unknown {
  const { timings: _timings, ...json } = structuredClone(reportJson(report));
  for (const m of json.measurements) {
    m.wallSeconds = 0;
    m.memory.rssBytes = 0;
    m.steps = m.steps.map((s) => ({ ...s, medianMs: 0, p10Ms: 0, p90Ms: 0, samplesPerSecond: 0 }));
  }
  return json;
}

/** One busy loop per core, in worker threads, until stopped. */
function saturateCores(count: number): () => Promise<void> {
  const workers = Array.from({ length: count }, () => new Worker("for (;;) {}", { eval: true }));
  return async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
}

describe("one answer for one input", () => {
  it("gives identical JSON, outside the run's own timing fields, on an idle " +
    "machine and with both cores saturated", async () => {
    // The bundled example's bot config names an A100-80GB and the dataset size.
    const { config, errors } = loadConfig(readFileSync(BUNDLED_EXAMPLE.config, "utf8"));
    expect(errors).toEqual([]);
    // The budget only guards: generous enough that load slows the run without cutting it.
    const run = () =>
      analyze(new FilePairSource(BUNDLED_EXAMPLE), config, { quick: true, timeBudgetSeconds: 600, backend: "wasm" });
    const idle = await run();
    const stop = saturateCores(2);
    let busy: Awaited<ReturnType<typeof analyze>>;
    try {
      busy = await run();
    } finally {
      await stop();
    }
    expect(idle.measurements[0].partial).toBe(false);
    expect(busy.measurements[0].partial).toBe(false);
    expect(withoutRunTimings(busy)).toEqual(withoutRunTimings(idle));
    // The speed on the GPU is part of what must not move.
    expect(busy.groups[0].estimate.speed!.stepTime.after).toEqual(idle.groups[0].estimate.speed!.stepTime.after);
  }, 300_000);
});
