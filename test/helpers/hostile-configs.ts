/**
 * Generated hostile config files for the parser property tests (test/detect/parse/*.property.test.ts)
 * and their benchmark (bench/parsers-property.ts): one family of inputs per kind of attack or
 * accident, each carrying what the parser must do with it — the bound it must hit (by that bound's
 * message), the bound it must stay under, the value it must still read.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { formatOf } from "../../src/detect/parse/parse-config.js";
import type { Scalar } from "../../src/detect/types.js";

export const PARSER_FAMILIES = ["yaml", "json", "toml", "python", "shell", "gin"] as const;
export type Family = (typeof PARSER_FAMILIES)[number];

export const INPUT_KINDS = [
  "random-bytes",
  "random-unicode",
  "noise",
  "truncated",
  "mutated",
  "deep-nesting",
  "huge-number",
  "crlf",
  "bom",
  "unicode-key",
  "nul-bytes",
  "long-line",
  "many-keys",
  "expansion-bomb",
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** What each kind checks beyond the contract every input keeps (see parser-contract.ts). */
export const KIND_CLAIMS: Record<InputKind, string> = {
  "random-bytes": "random bytes read as UTF-8 or Latin-1",
  "random-unicode": "random code points, controls and lone surrogates",
  noise: "brackets, quotes, operators and line breaks",
  truncated: "a real fixture cut anywhere",
  mutated: "a real fixture with text inserted, deleted and repeated",
  "deep-nesting": "deep nesting hits the nesting bound past its depth, and never at 30 levels or less",
  "huge-number": "huge numbers (1e400, 2**1024, 99999999999999999999) are never Infinity and cost no other setting",
  crlf: "CRLF line ends read the same settings on the same lines as LF",
  bom: "a byte-order mark changes no setting, line or error",
  "unicode-key": "unicode keys (CJK, RTL marks, emoji, combining marks) are read back as written",
  "nul-bytes": "NUL bytes inside a real fixture",
  "long-line": "a 1 MiB single-line value is read whole; a long line of noise keeps the contract",
  "many-keys": "up to 2 000 keys are all read, under the 50 000-value cap",
  "expansion-bomb": "expansion bombs hit the expansion bound exactly when the computed expansion passes it",
};

/**
 * Inputs per kind in `npm test` (a few hundred per family, fixed seeds); the benchmark runs
 * ten thousand per family. Fewer of the kinds that cost a second each (1 MiB lines, bombs).
 */
export const TEST_RUNS: Record<InputKind, number> = {
  "random-bytes": 25,
  "random-unicode": 25,
  noise: 25,
  truncated: 25,
  mutated: 30,
  "deep-nesting": 30,
  "huge-number": 20,
  crlf: 20,
  bom: 20,
  "unicode-key": 30,
  "nul-bytes": 20,
  "long-line": 4,
  "many-keys": 10,
  "expansion-bomb": 12,
};

/** A bound named by its message: an error or an unknown value's reason that matches `message`. */
export interface BoundCheck {
  bound: string;
  message: RegExp;
}

export interface HostileInput {
  kind: InputKind;
  /** Which variant of the kind (`flow`, `merge-keys`, `1e400`), for failure reports and the benchmark. */
  variant: string;
  text: string;
  /** The bound this input goes past: some error or unknown reason must match. */
  hits?: BoundCheck;
  /** The bound this input stays under: nothing may match. */
  misses?: BoundCheck;
  /** Must read the same settings (path, value, line) as this text: a BOM or CRLF changes nothing. */
  sameAs?: string;
  /** Settings that must still be read, by path: a value, a string length, or "unknown" (null with a reason). */
  reads?: Array<{ path: string[]; value?: Scalar; length?: number; unknown?: RegExp }>;
}

/** Small valid configs to mutate: each exercises the constructs its parser must track. */
export const SEEDS: Record<Family, string> = {
  yaml:
    "trainer:\n  devices: 4\nbatch_size: &bs 8\neval: *bs\nlr: 1e-3 # " +
    "peak\nlist:\n  - 1\n  - {a: [2, 3]}\n---\nb: '${oc.env:BS}'\n",
  json: '{"train_batch_size": 64, // c\n "zero": {"stage": 2}, "l": [1, 2.5, "auto"], "s": "a\\"b"}\n',
  toml:
    "[training]\nlocal_batch_size = 8 # per gpu\nlr = 3e-4\nname = " +
    '"""x\ny"""\n[[a]]\nb = { c = [1, 2], "d.e" = \'f\' }\n',
  python:
    "import os\n_base_ = ['./a.py']\nbatch_size = 12\nga = 5 * 8 // 2 ** 1\ncfg " +
    "= dict(a=1, b=[1, (2, 3)], c={'d': int(os.environ['BS'])})\n# batch_size = " +
    "3\ndef main(bs=2):\n    model.fit(x, batch_size=ga, epochs=bs)\n",
  shell:
    '#!/bin/bash\n#SBATCH --gres=gpu:4\nBS=${BS:-8}\nARGS="--lr 1e-4"\ntorchrun ' +
    '--nproc_per_node $((2*4)) train.py \\\n  --bs "$BS" $ARGS data.x=1 > log ' +
    "2>&1 # tail\ncat <<EOF\nx\nEOF\n",
  gin: "include 'base.gin'\nBATCH_SIZE = 128\nx/y.Z.bs = %BATCH_SIZE\nf.g:\n  a = [1, (2, -3), {'k': @r()}]\n# note\n",
};

const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/configs/", import.meta.url));

/** The real framework configs in fixtures/configs/, by the format parseConfig reads them as. */
export const FIXTURES: Record<Family, string[]> = (() => {
  const by: Record<Family, string[]> = { yaml: [], json: [], toml: [], python: [], shell: [], gin: [] };
  for (const d of readdirSync(FIXTURES_DIR, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const path = join(d.parentPath, d.name);
    const text = readFileSync(path, "utf8");
    const format = formatOf(path, text);
    // Formats without generators yet (Jsonnet, PowerShell) are left out rather than half-covered.
    if ((PARSER_FAMILIES as readonly string[]).includes(format)) by[format as Family].push(text);
  }
  return by;
})();

/** Seed and fixtures: every real text a family has. */
const realTexts = (family: Family) => [SEEDS[family], ...FIXTURES[family]];

const NOISE = "[]{}()\"'`:;,\\\n\t #$%@=-*&|<>!~.+0123456789abc_";

/** Messages of the bounds, as the parsers word them (src/detect/parse/). */
export const BOUND_MESSAGES = {
  nesting: /nest(ed|ing) (deeper than \d+ levels|too deeply)/,
  aliases: /more than \d+ alias expansions/,
  values: /more than \d+ (values|settings)/,
  shellValue: /value too long to expand statically/,
  size: /configs over \d+ MiB are not read/,
} as const;

// ---------------------------------------------------------------------------------------------
// Deep nesting: every way each format nests, with the depth past which its guard must speak.

interface DeepVariant {
  name: string;
  make: (n: number) => string;
  /** Past this many levels the nesting bound's message must appear (undefined: no bound applies). */
  boundAt?: number;
  /** Largest n worth generating (block forms grow quadratically). */
  maxN: number;
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n");

const DEEP: Record<Family, DeepVariant[]> = {
  yaml: [
    { name: "flow", make: (n) => "a: " + "[".repeat(n) + "1" + "]".repeat(n) + "\n", boundAt: 64, maxN: 5000 },
    { name: "flow-map", make: (n) => "a: " + "{a: ".repeat(n) + "1" + "}".repeat(n) + "\n", boundAt: 64, maxN: 5000 },
    { name: "block", make: (n) => lines(n, (i) => " ".repeat(i) + "a:") + " 1\n", boundAt: 64, maxN: 600 },
    { name: "dashes", make: (n) => "- ".repeat(n) + "1\n", boundAt: 64, maxN: 5000 },
  ],
  json: [
    { name: "arrays", make: (n) => "[".repeat(n) + "1" + "]".repeat(n), boundAt: 256, maxN: 5000 },
    { name: "objects", make: (n) => '{"a": '.repeat(n) + "1" + "}".repeat(n), boundAt: 256, maxN: 5000 },
  ],
  toml: [
    { name: "arrays", make: (n) => "a = " + "[".repeat(n) + "1" + "]".repeat(n) + "\n", boundAt: 64, maxN: 5000 },
    {
      name: "inline-tables",
      make: (n) => "a = " + "{b = ".repeat(n) + "1" + "}".repeat(n) + "\n",
      boundAt: 64,
      maxN: 5000,
    },
    { name: "dotted-key", make: (n) => Array(n).fill("a").join(".") + " = 1\n", boundAt: 64, maxN: 5000 },
    { name: "table-header", make: (n) => "[" + Array(n).fill("a").join(".") + "]\nb = 1\n", boundAt: 64, maxN: 5000 },
  ],
  python: [
    { name: "parentheses", make: (n) => "x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n", boundAt: 200, maxN: 5000 },
    {
      name: "dict-calls",
      make: (n) => "y = " + "dict(a=".repeat(n) + "1" + ")".repeat(n) + "\n",
      boundAt: 64,
      maxN: 5000,
    },
    { name: "lists", make: (n) => "z = " + "[".repeat(n) + "1" + "]".repeat(n) + "\n", boundAt: 64, maxN: 5000 },
    {
      name: "blocks",
      make: (n) => lines(n, (i) => " ".repeat(i) + "if x:") + "\n" + " ".repeat(n) + "bs = 1\n",
      boundAt: 200,
      maxN: 600,
    },
  ],
  shell: [
    {
      name: "parameter-defaults",
      make: (n) => "X=" + "${A:-".repeat(n) + "1" + "}".repeat(n) + "\n",
      boundAt: 32,
      maxN: 5000,
    },
    {
      name: "arithmetic",
      make: (n) => "Y=$((" + "(".repeat(n) + "1" + ")".repeat(n) + "))\n",
      boundAt: 64,
      maxN: 5000,
    },
    // Command substitutions are never run, so their depth is never walked: no bound applies.
    { name: "command-substitutions", make: (n) => "Z=" + "$(echo ".repeat(n) + "1" + ")".repeat(n) + "\n", maxN: 5000 },
  ],
  gin: [
    { name: "lists", make: (n) => "x.y = " + "[".repeat(n) + "1" + "]".repeat(n) + "\n", boundAt: 64, maxN: 5000 },
    { name: "dicts", make: (n) => "x.y = " + "{'a': ".repeat(n) + "1" + "}".repeat(n) + "\n", boundAt: 64, maxN: 5000 },
    {
      name: "macro-chain",
      make: (n) => lines(n, (i) => `A${i + 1} = ${i ? `[%A${i}]` : "[1]"}`) + `\nx.y = %A${n}\n`,
      boundAt: 64,
      maxN: 600,
    },
  ],
};

/** Levels every format must read without a nesting complaint: real configs stay well under. */
const SHALLOW = 30;

function deepNesting(family: Family): fc.Arbitrary<HostileInput> {
  return fc
    .record({
      variant: fc.constantFrom(...DEEP[family]),
      // Mostly around the bounds, sometimes far past them.
      n: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 300 }), weight: 4 },
        { arbitrary: fc.integer({ min: 1, max: 5000 }), weight: 1 },
      ),
      cut: fc.boolean(),
    })
    .map(({ variant, n, cut }) => {
      const depth = Math.min(n, variant.maxN);
      const full = variant.make(depth);
      const nesting = { bound: `nesting (${variant.boundAt ?? "none"} levels)`, message: BOUND_MESSAGES.nesting };
      // Cut in half the file is unbalanced: only the contract holds (a guard may or may not see the depth).
      if (cut)
        return {
          kind: "deep-nesting" as const,
          variant: `${variant.name}, ${depth} levels, cut`,
          text: full.slice(0, Math.ceil(full.length / 2)),
        };
      const input: HostileInput = { kind: "deep-nesting", variant: `${variant.name}, ${depth} levels`, text: full };
      if (variant.boundAt !== undefined && depth > variant.boundAt) input.hits = nesting;
      if (depth <= SHALLOW) input.misses = nesting;
      return input;
    });
}

// ---------------------------------------------------------------------------------------------
// Huge numbers: the setting beside them is still read, and no number is Infinity.

const HUGE_LITERALS: Record<Family, string[]> = {
  yaml: [
    "1e400",
    "-1e400",
    "1e-400",
    "99999999999999999999",
    "1" + "0".repeat(400),
    "0x" + "f".repeat(300),
    ".inf",
    "-.Inf",
    ".nan",
  ],
  json: ["1e400", "-1e400", "1e-400", "99999999999999999999", "1" + "0".repeat(400), "-" + "9".repeat(500)],
  toml: [
    "1e400",
    "-1e400",
    "1e-400",
    "99999999999999999999",
    "0x" + "f".repeat(300),
    "inf",
    "-inf",
    "nan",
    "1_000_000_000_000_000_000_000",
  ],
  python: [
    "1e400",
    "-1e400",
    "2**1024",
    "10**400",
    "9**9**9**9",
    "99999999999999999999",
    "1" + "0".repeat(400),
    "0x" + "f".repeat(300),
    "float('inf')",
    "1e400 * 0",
  ],
  shell: [
    "1e400",
    "99999999999999999999",
    "$((2**1024))",
    "$((9**9**9))",
    "$((99999999999999999999 * 99))",
    "1" + "0".repeat(400),
  ],
  gin: ["1e400", "-1e400", "99999999999999999999", "1" + "0".repeat(400), "0x" + "f".repeat(300)],
};

function hugeNumberText(family: Family, literal: string): { text: string; big: string[]; after: string[] } {
  switch (family) {
    case "yaml":
      return { text: `big: ${literal}\nafter: 1\n`, big: ["big"], after: ["after"] };
    case "json":
      return { text: `{"big": ${literal}, "after": 1}\n`, big: ["big"], after: ["after"] };
    case "toml":
      return { text: `big = ${literal}\nafter = 1\n`, big: ["big"], after: ["after"] };
    case "python":
      return { text: `big = ${literal}\nafter = 1\n`, big: ["big"], after: ["after"] };
    case "shell":
      return { text: `BIG=${literal}\npython train.py --big "$BIG" --after 1\n`, big: ["big"], after: ["after"] };
    case "gin":
      return { text: `a.big = ${literal}\na.after = 1\n`, big: ["a", "big"], after: ["a", "after"] };
  }
}

function hugeNumber(family: Family): fc.Arbitrary<HostileInput> {
  return fc.constantFrom(...HUGE_LITERALS[family]).map((literal) => {
    const { text, big, after } = hugeNumberText(family, literal);
    return {
      kind: "huge-number" as const,
      variant: literal.length > 24 ? `${literal.slice(0, 12)}… (${literal.length} chars)` : literal,
      text,
      reads: [{ path: big }, { path: after, value: 1 }],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Unicode keys: CJK, RTL marks, emoji, combining marks; read back exactly as written.

/** Characters every family accepts inside a quoted key: no controls, quotes, backslashes, `$` or line breaks. */
const keyChar = fc
  .oneof(
    fc.constantFrom(
      "批",
      "次",
      "大",
      "小",
      "é",
      "ß",
      "Ω",
      "ж",
      "ع",
      "ש",
      "\u200f",
      "\u202e",
      "\u2066",
      "👩‍💻",
      "🚀",
      "e\u0301",
      "ﬁ",
      "Ａ",
      "_",
      "-",
      " ",
      ".",
    ),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  )
  .filter((c) => !/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Co}\p{Cn}"'`\\$!\u0085\ufeff\ufffe\uffff]/u.test(c));

/** A key that is not all spaces and does not end in a space (shells and YAML trim those). */
const unicodeKeyText = fc
  .array(keyChar, { minLength: 1, maxLength: 10 })
  .map((cs) => cs.join(""))
  .filter((k) => k.trim() === k && k.length > 0 && !/^[.-]/.test(k));

function unicodeKey(family: Family): fc.Arbitrary<HostileInput> {
  return unicodeKeyText.map((key) => {
    const base = {
      kind: "unicode-key" as const,
      variant: [...key].map((c) => `U+${c.codePointAt(0)!.toString(16)}`).join(" "),
    };
    switch (family) {
      case "yaml":
        return {
          ...base,
          text: `"${key}": 7\nbatch_size: 8\n`,
          reads: [
            { path: [key], value: 7 },
            { path: ["batch_size"], value: 8 },
          ],
        };
      case "json":
        return {
          ...base,
          text: `{"${key}": 7, "batch_size": 8}\n`,
          reads: [
            { path: [key], value: 7 },
            { path: ["batch_size"], value: 8 },
          ],
        };
      case "toml":
        return {
          ...base,
          text: `"${key}" = 7\nbatch_size = 8\n`,
          reads: [
            { path: [key], value: 7 },
            { path: ["batch_size"], value: 8 },
          ],
        };
      case "python":
        return {
          ...base,
          text: `cfg = {"${key}": 7}\nbatch_size = 8\n`,
          reads: [
            { path: ["cfg", key], value: 7 },
            { path: ["batch_size"], value: 8 },
          ],
        };
      case "shell":
        return {
          ...base,
          text: `python train.py --name "${key}" --batch_size 8\n`,
          reads: [
            { path: ["name"], value: key },
            { path: ["batch_size"], value: 8 },
          ],
        };
      case "gin":
        return {
          ...base,
          text: `a.b = {"${key}": 7}\na.batch_size = 8\n`,
          reads: [
            { path: ["a", "b", key], value: 7 },
            { path: ["a", "batch_size"], value: 8 },
          ],
        };
    }
  });
}

// ---------------------------------------------------------------------------------------------
// A 1 MB single line: the value is read whole (the 2 MiB file bound is the only limit).

export const ONE_MB = 1 << 20;

const LONG_LINES: Record<Family, { text: (v: string) => string; path: string[] }> = {
  yaml: { text: (v) => `a: ${v}\n`, path: ["a"] },
  json: { text: (v) => `{"a": "${v}"}`, path: ["a"] },
  toml: { text: (v) => `a = "${v}"\n`, path: ["a"] },
  python: { text: (v) => `a = '${v}'\n`, path: ["a"] },
  shell: { text: (v) => `python t.py --a ${v}\n`, path: ["a"] },
  gin: { text: (v) => `a.b = '${v}'\n`, path: ["a", "b"] },
};

function longLine(family: Family): fc.Arbitrary<HostileInput> {
  const unit = fc.oneof(
    { arbitrary: fc.constantFrom("x", "ab", "批次", "0123456789"), weight: 3 },
    { arbitrary: fc.string({ unit: fc.constantFrom(..."abcXYZ019_.-"), minLength: 1, maxLength: 8 }), weight: 1 },
  );
  const junk = fc.string({ unit: fc.constantFrom(...NOISE.replace("\n", "")), minLength: 1, maxLength: 8 });
  return fc.oneof(
    unit.map((u) => {
      const v = u.repeat(Math.ceil(ONE_MB / u.length)).slice(0, ONE_MB);
      return {
        kind: "long-line" as const,
        variant: `1 MiB value of ${JSON.stringify(u)}`,
        text: LONG_LINES[family].text(v),
        reads: [{ path: LONG_LINES[family].path, length: v.length }],
      };
    }),
    // A long line of noise: 16 KiB, since only the contract is checked (Python's parser recovers slowly from junk).
    junk.map((j) => ({
      kind: "long-line" as const,
      variant: `16 KiB line of ${JSON.stringify(j)}`,
      text: j.repeat(Math.ceil(16384 / j.length)).slice(0, 16384),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Many keys: each family keeps at most 50 000 values and says so past that.

export const MAX_VALUES = 50_000;

export function manyKeysText(family: Family, n: number): string {
  const line: Record<Family, (i: number) => string> = {
    yaml: (i) => `k${i}: ${i}`,
    json: (i) => `${i ? "," : "{"}"k${i}": ${i}`,
    toml: (i) => `k${i} = ${i}`,
    python: (i) => `k${i} = ${i}`,
    shell: (i) => `K${i}=${i}`,
    gin: (i) => `a.k${i} = ${i}`,
  };
  return lines(n, line[family]) + (family === "json" ? "}\n" : "\n");
}

function manyKeys(family: Family): fc.Arbitrary<HostileInput> {
  // Generated counts stay under the cap (a run of 10 000 inputs cannot afford 50 000 keys each);
  // the cap itself is pinned by one test per family.
  return fc.integer({ min: 1, max: 2000 }).map((n) => ({
    kind: "many-keys" as const,
    variant: `${n} keys`,
    text: manyKeysText(family, n),
    misses: { bound: `${MAX_VALUES} values`, message: BOUND_MESSAGES.values },
    reads: [
      { path: family === "gin" ? ["a", `k${n - 1}`] : [family === "shell" ? `K${n - 1}` : `k${n - 1}`], value: n - 1 },
    ],
  }));
}

// ---------------------------------------------------------------------------------------------
// Expansion bombs: YAML aliases (billion laughs), merge keys, and the same trick through Python
// names, gin macros and shell variables. The expected bound is computed, not guessed.

export const YAML_ALIAS_LIMIT = 1000;

/** Alias resolutions the YAML walker makes for `layers` anchors of `fan` aliases each to the one before. */
export function aliasResolutions(layers: number, fan: number): number {
  let total = 0;
  let within = 0; // resolutions to visit layer i's node once
  for (let i = 1; i <= layers; i++) {
    within = fan * (1 + within);
    total += within;
  }
  return total;
}

/** `a0: &a0 [x…]` then `aI: &aI [*aI-1 × fan]`, as a list or through `<<:` merge keys. */
export function aliasBombText(layers: number, fan: number, leaves: number, merge: boolean): string {
  if (merge) {
    const out = ["b0: &b0 {k0: 1}"];
    for (let i = 1; i <= layers; i++)
      out.push(
        `b${i}: &b${i} {<<: [${Array(fan)
          .fill(`*b${i - 1}`)
          .join(", ")}], k${i}: ${i}}`,
      );
    return out.join("\n") + "\n";
  }
  const out = [`a0: &a0 [${Array(leaves).fill("x").join(", ")}]`];
  for (let i = 1; i <= layers; i++)
    out.push(
      `a${i}: &a${i} [${Array(fan)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return out.join("\n") + "\n";
}

/** Values a chain of `layers` definitions, each `fan` copies of the one before over `leaves` values, expands to. */
export function chainValues(layers: number, fan: number, leaves: number): number {
  let total = 0;
  for (let i = 0; i <= layers; i++) total += leaves * fan ** i;
  return total;
}

/** Past this many characters or pieces a shell variable is unknown (src/detect/parse/shell-expand.ts). */
export const SHELL_VALUE_CHARS = 100_000;
export const SHELL_VALUE_SEGMENTS = 5_000;

/**
 * Size of shell variable A{layer} when A0 is `width` characters and each next one is `"$A $A …"`
 * (`fan` copies): its characters, and the pieces the expander keeps (each copy, each space, and
 * the two quote marks' empty pieces).
 */
export function shellChainSize(layer: number, fan: number, width: number): { chars: number; segments: number } {
  let chars = width;
  let segments = 1;
  for (let i = 1; i <= layer; i++) {
    chars = fan * chars + (fan - 1);
    segments = fan * segments + (fan - 1) + 2;
  }
  return { chars, segments };
}

function expansionBomb(family: Family): fc.Arbitrary<HostileInput> {
  const values = { bound: `${MAX_VALUES} values`, message: BOUND_MESSAGES.values };
  switch (family) {
    case "yaml":
      return fc
        .record({
          layers: fc.integer({ min: 1, max: 10 }),
          fan: fc.integer({ min: 2, max: 9 }),
          leaves: fc.integer({ min: 1, max: 3 }),
          merge: fc.boolean(),
        })
        .map(({ layers, fan, leaves, merge }) => {
          const resolutions = aliasResolutions(layers, fan);
          const aliases = { bound: `${YAML_ALIAS_LIMIT} alias expansions`, message: BOUND_MESSAGES.aliases };
          return {
            kind: "expansion-bomb" as const,
            variant: `${merge ? "merge keys" : "aliases"}, ${layers} layers × ${fan} (${resolutions} resolutions)`,
            text: aliasBombText(layers, fan, leaves, merge),
            ...(resolutions > YAML_ALIAS_LIMIT ? { hits: aliases } : { misses: aliases }),
          };
        });
    case "python":
    case "gin":
      return fc
        .record({ layers: fc.integer({ min: 1, max: 20 }), fan: fc.integer({ min: 2, max: 3 }) })
        .map(({ layers, fan }) => {
          const py = family === "python";
          const defs = [py ? "a0 = [1, 2]" : "A0 = [1, 2]"];
          for (let i = 1; i <= layers; i++)
            defs.push(
              py
                ? `a${i} = [${Array(fan)
                    .fill(`a${i - 1}`)
                    .join(", ")}]`
                : `A${i} = [${Array(fan)
                    .fill(`%A${i - 1}`)
                    .join(", ")}]`,
            );
          if (!py) defs.push(`x.y = %A${layers}`);
          // Python lists each definition's values; gin also the binding that uses the last macro.
          const total = chainValues(layers, fan, 2) + (py ? 0 : 2 * fan ** layers);
          const variant = `${layers} definitions × ${fan} (${total} values)`;
          // Just past the cap the walk may stop a little early or late; only clear cases are asserted.
          const check = total > 1.1 * MAX_VALUES ? { hits: values } : total <= MAX_VALUES ? { misses: values } : {};
          return { kind: "expansion-bomb" as const, variant, text: defs.join("\n") + "\n", ...check };
        });
    case "shell":
      return fc
        .record({
          layers: fc.integer({ min: 1, max: 29 }),
          fan: fc.integer({ min: 2, max: 3 }),
          width: fc.integer({ min: 1, max: 200 }),
        })
        .map(({ layers, fan, width }) => {
          const defs = [`A0=${"x".repeat(width)}`];
          for (let i = 1; i <= layers; i++)
            defs.push(
              `A${i}="${Array(fan)
                .fill(`$A${i - 1}`)
                .join(" ")}"`,
            );
          defs.push(`python t.py --v "$A${layers}"`);
          const size = (i: number) => shellChainSize(i, fan, width);
          // The variable that first passes the bound still shows its value; every one that reads it is unknown.
          const cutAt = Array.from({ length: layers + 1 }, (_, i) => i).find(
            (i) => size(i).chars > SHELL_VALUE_CHARS || size(i).segments > SHELL_VALUE_SEGMENTS,
          );
          const tooLong = {
            bound: `${SHELL_VALUE_CHARS} characters or ${SHELL_VALUE_SEGMENTS} pieces per variable`,
            message: BOUND_MESSAGES.shellValue,
          };
          const past = (i: number) => cutAt !== undefined && i > cutAt;
          const reads: NonNullable<HostileInput["reads"]> = [];
          for (let i = 0; i <= layers; i++)
            reads.push(
              past(i) ? { path: [`A${i}`], unknown: tooLong.message } : { path: [`A${i}`], length: size(i).chars },
            );
          // The command reads the stored variable, so it is unknown from the first one past the bound.
          const commandPast = cutAt !== undefined && layers >= cutAt;
          reads.push(
            commandPast ? { path: ["v"], unknown: tooLong.message } : { path: ["v"], length: size(layers).chars },
          );
          return {
            kind: "expansion-bomb" as const,
            variant: `${layers} variables × ${fan} from ${width} chars (A${layers} is ${size(layers).chars} chars)`,
            text: defs.join("\n") + "\n",
            reads,
            ...(commandPast ? { hits: tooLong } : { misses: tooLong }),
          };
        });
    case "json":
    case "toml":
      // No references in these formats: a wide flat array is their nearest bomb.
      return fc.integer({ min: 1, max: 20_000 }).map((n) => ({
        kind: "expansion-bomb" as const,
        variant: `flat array of ${n}`,
        text: family === "json" ? `[${Array(n).fill("1").join(",")}]` : `a = [${Array(n).fill("1").join(",")}]\n`,
        misses: values,
      }));
  }
}

// ---------------------------------------------------------------------------------------------
// Accidents of real files: truncation, mutation, NUL bytes, CRLF line ends, a byte-order mark.

/** Truncations and inserted brackets, quotes, colons and backslashes applied to a text. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.string({ unit: fc.constantFrom(...NOISE), minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant("repeat" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
    times: fc.integer({ min: 2, max: 30 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

export function mutate(text: string, ops: Mutation[]): string {
  for (const op of ops) {
    const at = text.length ? op.at % (text.length + 1) : 0;
    if (op.kind === "cut") text = text.slice(0, at);
    else if (op.kind === "insert") text = text.slice(0, at) + op.text + text.slice(at);
    else if (op.kind === "delete") text = text.slice(0, at) + text.slice(at + op.length);
    else text = text.slice(0, at) + text.slice(at, at + op.length).repeat(op.times) + text.slice(at);
  }
  return text;
}

const realText = (family: Family) =>
  fc.nat({ max: realTexts(family).length - 1 }).map((i) => ({ i, text: realTexts(family)[i] }));

/** Every kind of input for one parser family. */
export function hostileInputs(family: Family): Record<InputKind, fc.Arbitrary<HostileInput>> {
  const named = (kind: InputKind, variant: string, text: string): HostileInput => ({ kind, variant, text });
  return {
    "random-bytes": fc
      .record({ bytes: fc.uint8Array({ maxLength: 600 }), latin1: fc.boolean() })
      .map(({ bytes, latin1 }) =>
        named("random-bytes", latin1 ? "latin1" : "utf-8", new TextDecoder(latin1 ? "latin1" : "utf-8").decode(bytes)),
      ),
    "random-unicode": fc
      .string({ unit: "binary", maxLength: 200 })
      .map((t) => named("random-unicode", "code points and lone surrogates", t)),
    noise: fc
      .string({ unit: fc.constantFrom(...NOISE), maxLength: 300 })
      .map((t) => named("noise", "brackets, quotes and operators", t)),
    truncated: fc
      .record({ real: realText(family), at: fc.nat() })
      .map(({ real, at }) =>
        named(
          "truncated",
          `text ${real.i} cut at ${at % (real.text.length + 1)}`,
          real.text.slice(0, at % (real.text.length + 1)),
        ),
      ),
    mutated: fc
      .record({ real: realText(family), ops: fc.array(mutation, { minLength: 1, maxLength: 6 }) })
      .map(({ real, ops }) => named("mutated", `text ${real.i}, ${ops.length} edits`, mutate(real.text, ops))),
    "deep-nesting": deepNesting(family),
    "huge-number": hugeNumber(family),
    crlf: realText(family).map(({ i, text }) => ({
      ...named("crlf", `text ${i}`, text.replace(/\r?\n/g, "\r\n")),
      sameAs: text,
    })),
    bom: realText(family).map(({ i, text }) => ({ ...named("bom", `text ${i}`, `\ufeff${text}`), sameAs: text })),
    "unicode-key": unicodeKey(family),
    "nul-bytes": fc
      .record({ real: realText(family), at: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }) })
      .map(({ real, at }) => {
        let text = real.text;
        for (const a of at) text = text.slice(0, a % (text.length + 1)) + "\u0000" + text.slice(a % (text.length + 1));
        return named("nul-bytes", `text ${real.i}, ${at.length} NUL`, text);
      }),
    "long-line": longLine(family),
    "many-keys": manyKeys(family),
    "expansion-bomb": expansionBomb(family),
  };
}

/**
 * One arbitrary over every kind, weighted towards the cheap ones so that ten thousand inputs per
 * family stay affordable (a 1 MiB line is one input in a hundred).
 */
export function hostileInput(family: Family): fc.Arbitrary<HostileInput> {
  const kinds = hostileInputs(family);
  const weights: Record<InputKind, number> = {
    "random-bytes": 10,
    "random-unicode": 6,
    noise: 10,
    truncated: 10,
    mutated: 14,
    "deep-nesting": 8,
    "huge-number": 6,
    crlf: 5,
    bom: 5,
    "unicode-key": 8,
    "nul-bytes": 5,
    "long-line": 1,
    "many-keys": 4,
    "expansion-bomb": 8,
  };
  return fc.oneof(...INPUT_KINDS.map((k) => ({ arbitrary: kinds[k], weight: weights[k] })));
}

/**
 * `count` inputs for one family, the same for the same seed, made a batch at a time so that the
 * benchmark never holds more than a few hundred (some are 1 MiB) at once.
 * @example [...hostileInputStream("yaml", 10_000, 1)].length // 10000
 */
export function* hostileInputStream(family: Family, count: number, seed: number): Generator<HostileInput> {
  const batch = 200;
  for (let made = 0, b = 0; made < count; made += batch, b++) {
    yield* fc.sample(hostileInput(family), { numRuns: Math.min(batch, count - made), seed: seed * 100_003 + b });
  }
}
