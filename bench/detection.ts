import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectChanges } from "../src/detect/detect-changes.js";
import { MemorySource } from "../src/source/memory-source.js";
import { machineInfo, median } from "./machine.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/configs/", import.meta.url));

/**
 * A generated change of `count` config files: copies of every framework fixture, each with its
 * first batch-like number doubled at head, so every file parses, matches a framework and diffs.
 */
export function generatedChange(count: number): MemorySource {
  const templates = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return { name: full.slice(FIXTURES.length), text: readFileSync(full, "utf8") };
    });
  if (!templates.length) throw new Error(`no fixtures in ${FIXTURES}`);
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length];
    const path = `configs/${i}/${t.name}`;
    base[path] = t.text;
    // Double the first batch-like number; a trailing newline keeps files without one in the change too.
    const firstBatch = /((?:batch|BATCH|micro|bs)[\w.-]*["']?\s*[:=]?\s*)(\d+)/;
    head[path] = `${t.text.replace(firstBatch, (_, k: string, n: string) => `${k}${Number(n) * 2}`)}\n`;
  }
  return new MemorySource({ base, head }, `${count} generated config files`);
}

/** Detection throughput on a generated 500-file change (goal ≤ 1 s on 2 cores). */
export async function benchDetection(options: { quick?: boolean } = {}) {
  const runs = options.quick ? 3 : 7;
  const sizes = options.quick ? [500] : [1, 10, 100, 500];
  const bySize: Record<string, { medianSeconds: number; runs: number[]; changes: number; filesPerSecond: number }> = {};
  for (const size of sizes) {
    const seconds: number[] = [];
    let changes = 0;
    for (let r = 0; r < runs; r++) {
      const source = generatedChange(size);
      const start = performance.now();
      const result = await detectChanges(source);
      seconds.push((performance.now() - start) / 1000);
      changes = result.changes.length;
    }
    const m = median(seconds);
    bySize[size] = { medianSeconds: m, runs: seconds, changes, filesPerSecond: size / m };
  }
  const result = {
    name: "detection",
    machine: machineInfo(),
    goal: "detect a 500-file change in ≤ 1 s on 2 cores",
    detectSecondsFor500Files: bySize[500].medianSeconds,
    filesPerSecond: bySize[500].filesPerSecond,
    bySize,
  };
  // The corpus score (bench/detection-corpus.ts) shares this file; keep it.
  const path = new URL("./results/detection.json", import.meta.url);
  const corpus = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as { corpus?: unknown }).corpus : undefined;
  writeFileSync(path, `${JSON.stringify({ ...result, ...(corpus ? { corpus } : {}) }, null, 2)}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchDetection({ quick: process.argv.includes("--quick") });
  console.log(
    `detection: ${r.detectSecondsFor500Files.toFixed(3)} s for 500 files (${Math.round(r.filesPerSecond)} files/s)`,
  );
}
