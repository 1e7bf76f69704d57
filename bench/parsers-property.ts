// `npx tsx bench/parsers-property.ts [--quick]`: ten thousand generated hostile inputs per parser
// family (a thousand with --quick) through parseConfig, each checked against every promise the
// property tests check (test/helpers/parser-contract.ts); writes bench/results/parsers-property.json.
import { writeFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseConfig } from "../src/detect/parse/parse-config.js";
import {
  hostileInputStream,
  INPUT_KINDS,
  PARSER_FAMILIES,
  type Family,
  type InputKind,
} from "../test/helpers/hostile-configs.js";
import { boundMessages, brokenPromises } from "../test/helpers/parser-contract.js";
import { machineInfo, median } from "./machine.js";

const SEED = 20_260_901;
const MiB = 1024 * 1024;

/** A full collection between families, so each family's heap figure starts from the same floor. */
const collect: () => void = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

interface KindFigures {
  inputs: number;
  /** Inputs built to go past a bound (a depth, an expansion, a size computed from the input). */
  pastABound: number;
  /** Of those, the ones whose result named the bound (an error or unknown reason matched its message). */
  boundsHit: number;
  maxMs: number;
  /** Most heap one result kept alive after a full collection (measured for each new most-entries input and slow ones).
   * */
  maxRetainedMiB: number;
}

/**
 * Whether to measure what this result keeps alive (two full collections, tens of ms on a big heap):
 * when it holds more entries than any measured before of its kind, or its parse was slow.
 */
function worthMeasuring(state: { entries: number; slow: number }, entries: number, ms: number): boolean {
  if (entries > state.entries) {
    state.entries = entries;
    return true;
  }
  if (ms > 500 && state.slow < 20) {
    state.slow++;
    return true;
  }
  return false;
}

interface FamilyFigures {
  inputs: number;
  failures: number;
  /** The first few failures: kind, variant and the promises broken. */
  failureExamples: Array<{ kind: InputKind; variant: string; broken: string[] }>;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  slowest: { kind: InputKind; variant: string; ms: number; chars: number };
  /** Largest input, in characters (the 1 MiB lines). */
  largestInputChars: number;
  /** Heap in use right after a parse, its result still held, above the heap before the family started; the most over
   * all
   * inputs (includes garbage not yet collected). */
  peakHeapAboveStartMiB: number;
  /** Most heap one parse result kept alive, after a full collection. */
  maxRetainedMiB: number;
  byKind: Record<InputKind, KindFigures>;
}

/** Heap a parse's result keeps alive: a full collection before, the parse, another with the result held. */
function retainedMiB(parse: () => unknown): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const held = parse();
  collect();
  const after = process.memoryUsage().heapUsed;
  return held ? Math.max(0, after - before) / MiB : 0;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function benchFamily(family: Family, count: number): FamilyFigures {
  collect();
  const startHeap = process.memoryUsage().heapUsed;
  const times: number[] = [];
  const byKind = Object.fromEntries(
    INPUT_KINDS.map((k) => [k, { inputs: 0, pastABound: 0, boundsHit: 0, maxMs: 0, maxRetainedMiB: 0 }]),
  ) as Record<InputKind, KindFigures>;
  const out: FamilyFigures = {
    inputs: 0,
    failures: 0,
    failureExamples: [],
    medianMs: 0,
    p99Ms: 0,
    maxMs: 0,
    slowest: { kind: "noise", variant: "", ms: 0, chars: 0 },
    largestInputChars: 0,
    peakHeapAboveStartMiB: 0,
    maxRetainedMiB: 0,
    byKind,
  };
  let peakHeap = startHeap;
  const measured = Object.fromEntries(INPUT_KINDS.map((k) => [k, { entries: -1, slow: 0 }])) as Record<
    InputKind,
    { entries: number; slow: number }
  >;
  const path = `hostile.${family}`;
  for (const input of hostileInputStream(family, count, SEED)) {
    const start = performance.now();
    const parsed = parseConfig(path, input.text, family);
    const ms = performance.now() - start;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const broken = brokenPromises(input, family, parsed, path);
    times.push(ms);
    out.inputs++;
    out.largestInputChars = Math.max(out.largestInputChars, input.text.length);
    const kind = byKind[input.kind];
    kind.inputs++;
    kind.maxMs = Math.max(kind.maxMs, ms);
    if (input.hits) kind.pastABound++;
    if (input.hits && boundMessages(parsed).some((m) => input.hits!.message.test(m))) kind.boundsHit++;
    if (worthMeasuring(measured[input.kind], parsed.entries.length, ms)) {
      kind.maxRetainedMiB = Math.max(
        kind.maxRetainedMiB,
        retainedMiB(() => parseConfig(path, input.text, family)),
      );
      out.maxRetainedMiB = Math.max(out.maxRetainedMiB, kind.maxRetainedMiB);
    }
    if (ms > out.slowest.ms) out.slowest = { kind: input.kind, variant: input.variant, ms, chars: input.text.length };
    if (broken.length) {
      out.failures++;
      if (out.failureExamples.length < 10)
        out.failureExamples.push({ kind: input.kind, variant: input.variant, broken });
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  out.medianMs = median(sorted);
  out.p99Ms = percentile(sorted, 99);
  out.maxMs = sorted[sorted.length - 1];
  out.peakHeapAboveStartMiB = (peakHeap - startHeap) / MiB;
  return out;
}

/** Every parser family on generated hostile inputs: failures (must be 0), time per input, memory. */
export async function benchParsersProperty(options: { quick?: boolean; log?: (line: string) => void } = {}) {
  const count = options.quick ? 1_000 : 10_000;
  const families = {} as Record<Family, FamilyFigures>;
  const started = performance.now();
  for (const family of PARSER_FAMILIES) {
    const t = performance.now();
    families[family] = benchFamily(family, count);
    const f = families[family];
    options.log?.(
      `  ${family}: ${f.inputs} inputs, ${f.failures} failures, ` +
        `p99 ${f.p99Ms.toFixed(1)} ms, max ${f.maxMs.toFixed(0)} ms ` +
        `(${f.slowest.kind}: ${f.slowest.variant})  [${((performance.now() - t) / 1000).toFixed(0)} s]`,
    );
  }
  const all = Object.values(families);
  const result = {
    name: "parsers-property",
    machine: machineInfo(),
    goal: "≥ 10 000 generated hostile inputs per parser family, 0 failures; every bound named when hit",
    seed: SEED,
    quick: !!options.quick,
    inputsPerFamily: count,
    inputs: all.reduce((n, f) => n + f.inputs, 0),
    failures: all.reduce((n, f) => n + f.failures, 0),
    maxMsPerInput: Math.max(...all.map((f) => f.maxMs)),
    p99MsPerInputWorstFamily: Math.max(...all.map((f) => f.p99Ms)),
    peakHeapAboveStartMiB: Math.max(...all.map((f) => f.peakHeapAboveStartMiB)),
    maxRetainedMiB: Math.max(...all.map((f) => f.maxRetainedMiB)),
    /** The process's peak resident set over the whole run (generator, parsers and checks together). */
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    seconds: (performance.now() - started) / 1000,
    notes: [
      "Times are per parseConfig call on a shared 2-core machine; the contract checks are not timed.",
      "A 1 MiB line is about one input in a hundred; long lines of noise are 16 KiB.",
      "peakHeapAboveStartMiB is sampled right after each parse with its result " +
        "still held: it includes garbage not yet collected, and may miss a peak " +
        "inside a parse; peakRssMiB is the operating system's high-water mark for the whole run.",
      "maxRetainedMiB is what one result keeps alive after a full collection, " +
        "measured for each input that held more entries than any before of its kind, " +
        "and for up to 20 inputs per kind that took over 500 ms.",
    ],
    families,
  };
  writeFileSync(new URL("./results/parsers-property.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** One line for `npm run bench`. */
export function summariseParsersProperty(r: Awaited<ReturnType<typeof benchParsersProperty>>): string {
  return (
    `${r.inputs} hostile inputs (${r.inputsPerFamily} per family), ${r.failures} ` +
    `failures; per input p99 ≤ ${r.p99MsPerInputWorstFamily.toFixed(1)} ms, ` +
    `max ${r.maxMsPerInput.toFixed(0)} ms; peak heap ` +
    `+${r.peakHeapAboveStartMiB.toFixed(0)} MiB (one result keeps ` +
    `≤ ${r.maxRetainedMiB.toFixed(0)} MiB), RSS ${r.peakRssMiB.toFixed(0)} MiB`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchParsersProperty({ quick: process.argv.includes("--quick"), log: (line) => console.log(line) });
  console.log(`parsers-property: ${summariseParsersProperty(r)}`);
  if (r.failures) process.exitCode = 1;
}
