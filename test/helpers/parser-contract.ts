/**
 * What every config parser promises whatever it is given (src/detect/parse/parse-config.ts): it
 * never throws; the file is named and each error carries a message and, where it points at text,
 * a line inside the file; values are bounded in number and never an infinite number; and each
 * hostile input does what it carries (hits its bound, stays under one, reads a value).
 */
import fc from "fast-check";
import { MAX_LISTED_ERRORS, parseConfig } from "../../src/detect/parse/parse-config.js";
import type { Entry, ParsedConfig } from "../../src/detect/types.js";
import { MAX_VALUES, type Family, type HostileInput } from "./hostile-configs.js";
import { reasonText } from "../../src/report/messages/detection-reasons.js";

/** Words of a parser that failed inside (a stack overflow, a TypeError) rather than naming a fault. */
const INTERNAL = /Maximum call stack|Cannot read|is not a function|is not iterable|undefined|NaN|out of memory/;

/** How each family prefixes its own messages; the size bound and summary lines are whole-file messages. */
const PREFIX: Record<Family, RegExp> = {
  yaml: /^YAML: /,
  json: /^JSON: /,
  toml: /^TOML: /,
  python: /^Python: /,
  shell: /^shell: /,
  gin: /^gin: /,
};
const WHOLE_FILE = /^(File is [\d.]+ MiB; configs over|\d+ more errors in this file$)/;

export interface Outcome {
  parsed?: ParsedConfig;
  /** The promises broken, in words (empty when all held). */
  violations: string[];
}

/**
 * Parses `input` as `family` and lists every broken promise; never throws itself.
 * @example parseChecked({ kind: "noise", variant: "", text: "[[" }, "json").violations // []
 */
export function parseChecked(input: HostileInput, family: Family, path = `hostile.${family}`): Outcome {
  let parsed: ParsedConfig;
  try {
    parsed = parseConfig(path, input.text, family);
  } catch (error) {
    return { violations: [`threw: ${(error as Error)?.message ?? String(error)}`] };
  }
  return { parsed, violations: brokenPromises(input, family, parsed, path) };
}

/** Every promise `parsed` (the result of parsing `input` at `path`) broke: the contract, then the input's own. */
export function brokenPromises(input: HostileInput, family: Family, parsed: ParsedConfig, path: string): string[] {
  const out = contractViolations(input.text, family, parsed, path);
  out.push(...expectationViolations(input, family, parsed));
  return out.slice(0, 8);
}

/**
 * Asserts that every input `inputs` generates keeps its promises; a failure names the kind, the
 * variant and each broken promise, and fast-check shrinks it to a small example.
 * @example assertKeepsPromises("yaml", hostileInputs("yaml").bom, { numRuns: 25, seed: 1 })
 */
export function assertKeepsPromises(
  family: Family,
  inputs: fc.Arbitrary<HostileInput>,
  options: { numRuns: number; seed: number },
): void {
  fc.assert(
    fc.property(inputs, (input) => {
      const { violations } = parseChecked(input, family);
      if (violations.length) throw new Error(`${input.kind} (${input.variant}): ${violations.join("; ")}`);
    }),
    options,
  );
}

/** The promises that hold for any text. */
export function contractViolations(text: string, family: Family, r: ParsedConfig, path: string): string[] {
  const lines = text.replace(/^\ufeff/, "").split("\n").length;
  const out: string[] = [];
  const lineOk = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= lines;
  if (r.path !== path) out.push(`file named ${JSON.stringify(r.path)}, not ${path}`);
  if (r.format !== family) out.push(`format ${r.format}`);
  if (r.errors.length > MAX_LISTED_ERRORS + 1) out.push(`${r.errors.length} errors listed`);
  for (const e of r.errors) {
    if (typeof e.message !== "string" || !e.message.trim()) out.push(`error without a message: ${JSON.stringify(e)}`);
    else if (INTERNAL.test(e.message)) out.push(`internal failure: ${e.message.slice(0, 200)}`);
    else if (!PREFIX[family].test(e.message) && !WHOLE_FILE.test(e.message))
      out.push(`error not named for its format: ${e.message.slice(0, 200)}`);
    if (e.line !== undefined && !lineOk(e.line)) out.push(`error line ${e.line} of ${lines}: ${e.message}`);
    if (e.column !== undefined && !(Number.isInteger(e.column) && e.column >= 1))
      out.push(`error column ${e.column}: ${e.message}`);
  }
  if (r.entries.length > MAX_VALUES + 1) out.push(`${r.entries.length} entries`);
  for (const e of r.entries) {
    if (!Array.isArray(e.path) || !e.path.every((p) => typeof p === "string"))
      out.push(`path ${JSON.stringify(e.path)}`);
    else if (!lineOk(e.line) || !(Number.isInteger(e.column) && e.column >= 1))
      out.push(`entry ${e.path.join(".")} at ${e.line}:${e.column} of ${lines} lines`);
    if (typeof e.raw !== "string") out.push(`raw ${String(e.raw)}`);
    if (e.unknownReason !== undefined && (e.value !== null || !e.unknownReason))
      out.push(`unknown with a value or no reason: ${e.path.join(".")}`);
    if (typeof e.value === "number" && !Number.isFinite(e.value)) out.push(`${e.value} at ${e.path.join(".")}`);
    if (out.length > 8) break;
  }
  for (const c of r.comments) if (!lineOk(c.line)) out.push(`comment line ${c.line}`);
  return out.slice(0, 8);
}

/** Every error message and unknown reason: where a bound says it was hit. */
export function boundMessages(r: ParsedConfig): string[] {
  return [
    ...r.errors.map((e) => e.message),
    ...r.entries.flatMap((e) => (e.unknownReason ? [reasonText(e.unknownReason)] : [])),
  ];
}

function expectationViolations(input: HostileInput, family: Family, r: ParsedConfig): string[] {
  const out: string[] = [];
  const messages = boundMessages(r);
  if (input.hits && !messages.some((m) => input.hits!.message.test(m)))
    out.push(
      `did not hit the ${input.hits.bound} bound (messages: ${JSON.stringify(messages.slice(0, 3)).slice(0, 300)})`,
    );
  if (input.misses) {
    const hit = messages.find((m) => input.misses!.message.test(m));
    if (hit) out.push(`hit the ${input.misses.bound} bound below it: ${hit.slice(0, 200)}`);
  }
  for (const want of input.reads ?? []) {
    const e = findEntry(r.entries, want.path);
    const name = want.path.join(".").slice(0, 80);
    if (!e) out.push(`${name} not read (errors: ${JSON.stringify(r.errors.slice(0, 2)).slice(0, 300)})`);
    else if (want.value !== undefined && e.value !== want.value)
      out.push(
        `${name} read as ${JSON.stringify(e.value)?.slice(0, 80)}, not ${JSON.stringify(want.value).slice(0, 80)}`,
      );
    else if (
      want.length !== undefined &&
      !(typeof e.value === "string" && e.value.length === want.length) &&
      e.raw.length !== want.length
    )
      out.push(
        `${name} read ${typeof e.value === "string" ? e.value.length : String(e.value)} characters, not ${want.length}`,
      );
    else if (
      want.unknown &&
      !(e.value === null && want.unknown.test(e.unknownReason ? reasonText(e.unknownReason) : ""))
    )
      out.push(
        `${name} not unknown by ${want.unknown}: ` +
          JSON.stringify(e.unknownReason ? reasonText(e.unknownReason) : e.value).slice(0, 100),
      );
  }
  if (input.sameAs !== undefined) {
    const plain = parseConfig(`hostile.${family}`, input.sameAs, family);
    const a = settings(r.entries);
    const b = settings(plain.entries);
    if (a !== b) out.push(`read differently from the plain text: ${firstDifference(a, b)}`);
    const faults = (p: ParsedConfig) =>
      p.errors.map((e) => `${e.line ?? "-"}: ${e.message.replace(/\r/g, "")}`).join("\n");
    if (faults(r) !== faults(plain))
      out.push(`errors differ from the plain text's: ${firstDifference(faults(r), faults(plain))}`);
  }
  return out;
}

function findEntry(entries: Entry[], path: string[]): Entry | undefined {
  const key = path.join("\u0000");
  return entries.find((e) => e.path.join("\u0000") === key);
}

/** Settings as the detector sees them: key path, value and line (a CR a string kept is not a change). */
function settings(entries: Entry[]): string {
  return entries
    .map((e) =>
      JSON.stringify([
        e.path,
        typeof e.value === "string" ? e.value.replace(/\r/g, "") : e.value,
        e.unknownReason ?? null,
        e.line,
      ]),
    )
    .join("\n");
}

function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) return `${x[i] ?? "(none)"} vs ${y[i] ?? "(none)"}`.slice(0, 300);
  return "";
}
