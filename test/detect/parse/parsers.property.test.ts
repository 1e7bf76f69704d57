import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import type { Format, ParsedConfig } from "../../../src/detect/types.js";

/** Small valid configs to mutate: each exercises the constructs its parser must track. */
const SEEDS: Record<Exclude<Format, "text">, string> = {
  yaml: "trainer:\n  devices: 4\nbatch_size: &bs 8\neval: *bs\nlr: 1e-3 # peak\nlist:\n  - 1\n  - {a: [2, 3]}\n---\nb: '${oc.env:BS}'\n",
  json: '{"train_batch_size": 64, // c\n "zero": {"stage": 2}, "l": [1, 2.5, "auto"], "s": "a\\"b"}\n',
  toml: '[training]\nlocal_batch_size = 8 # per gpu\nlr = 3e-4\nname = """x\ny"""\n[[a]]\nb = { c = [1, 2], "d.e" = \'f\' }\n',
  python: "import os\n_base_ = ['./a.py']\nbatch_size = 12\nga = 5 * 8 // 2 ** 1\ncfg = dict(a=1, b=[1, (2, 3)], c={'d': int(os.environ['BS'])})\n# batch_size = 3\ndef main(bs=2):\n    model.fit(x, batch_size=ga, epochs=bs)\n",
  shell: '#!/bin/bash\n#SBATCH --gres=gpu:4\nBS=${BS:-8}\nARGS="--lr 1e-4"\ntorchrun --nproc_per_node $((2*4)) train.py \\\n  --bs "$BS" $ARGS data.x=1 > log 2>&1 # tail\ncat <<EOF\nx\nEOF\n',
  gin: "include 'base.gin'\nBATCH_SIZE = 128\nx/y.Z.bs = %BATCH_SIZE\nf.g:\n  a = [1, (2, -3), {'k': @r()}]\n# note\n",
};
const FORMATS = Object.keys(SEEDS) as Array<keyof typeof SEEDS>;
const NOISE = "[]{}()\"'`:;,\\\n\t #$%@=-*&|<>!~.+0123456789abc_";

/** Truncations and inserted brackets, quotes, colons and backslashes applied to a seed. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(...NOISE), minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), times: fc.integer({ min: 2, max: 30 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ops: Mutation[]): string {
  for (const op of ops) {
    const at = text.length ? op.at % (text.length + 1) : 0;
    if (op.kind === "cut") text = text.slice(0, at);
    else if (op.kind === "insert") text = text.slice(0, at) + op.text + text.slice(at);
    else if (op.kind === "delete") text = text.slice(0, at) + text.slice(at + op.length);
    else text = text.slice(0, at) + text.slice(at, at + op.length).repeat(op.times) + text.slice(at);
  }
  return text;
}

/** What every parser promises, whatever it is given; returns the broken promises. */
function violations(text: string, format: Format, r: ParsedConfig): string[] {
  const lines = text.split("\n").length;
  const out: string[] = [];
  const lineOk = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= lines;
  if (r.format !== format) out.push(`format ${r.format}`);
  for (const e of r.errors) {
    if (typeof e.message !== "string" || e.message.length === 0) out.push(`error without a message: ${JSON.stringify(e)}`);
    // A parser that failed inside (stack overflow, a TypeError caught by parseConfig) broke its promise too.
    if (/Maximum call stack|Cannot read|is not a function|is not iterable|undefined|NaN/.test(e.message)) out.push(`internal failure: ${e.message}`);
    if (e.line !== undefined && !lineOk(e.line)) out.push(`error line ${e.line}: ${e.message}`);
    if (e.column !== undefined && !(Number.isInteger(e.column) && e.column >= 1)) out.push(`error column ${e.column}: ${e.message}`);
  }
  for (const e of r.entries) {
    if (!Array.isArray(e.path) || !e.path.every((p) => typeof p === "string")) out.push(`path ${JSON.stringify(e.path)}`);
    if (!lineOk(e.line) || !(Number.isInteger(e.column) && e.column >= 1)) out.push(`entry at ${e.line}:${e.column}: ${e.path.join(".")}`);
    if (typeof e.raw !== "string") out.push(`raw ${String(e.raw)}`);
    if (e.unknownReason !== undefined && e.value !== null) out.push(`unknown with a value: ${e.path.join(".")}`);
  }
  for (const c of r.comments) if (!lineOk(c.line)) out.push(`comment line ${c.line}`);
  return out.slice(0, 5);
}

function checkContract(text: string, format: Format): ParsedConfig {
  let parsed: ParsedConfig | undefined;
  expect(() => (parsed = parseConfig(`config.${format}`, text, format))).not.toThrow();
  expect(violations(text, format, parsed!)).toEqual([]);
  return parsed!;
}

describe("every parser keeps its contract on random and malformed input", () => {
  for (const format of FORMATS) {
    it(`${format}: random strings (300 runs)`, () => {
      fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...NOISE), maxLength: 120 }), (text) => void checkContract(text, format)), { numRuns: 300, seed: 42 });
    });

    it(`${format}: random Unicode, control characters and lone surrogates (50 runs)`, () => {
      fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => void checkContract(text, format)), { numRuns: 50, seed: 11 });
    });

    it(`${format}: mutated valid configs (120 runs)`, () => {
      fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (ops) => void checkContract(mutate(SEEDS[format], ops), format)), { numRuns: 120, seed: 7 });
    });

    it(`${format}: the unmutated seed parses without errors`, () => {
      const r = checkContract(SEEDS[format], format);
      expect(r.errors).toEqual([]);
      expect(r.entries.length).toBeGreaterThan(2);
    });
  }
});

describe("hostile input stays bounded", () => {
  const deep: Record<keyof typeof SEEDS, (n: number) => string> = {
    yaml: (n) => "a: " + "[".repeat(n) + "]".repeat(n),
    json: (n) => "[".repeat(n) + "]".repeat(n),
    toml: (n) => "a = " + "[".repeat(n) + "]".repeat(n),
    python: (n) => "x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\ny = " + "dict(a=".repeat(n) + "1" + ")".repeat(n),
    shell: (n) => "X=" + "${A:-".repeat(n) + "1" + "}".repeat(n) + "\nY=$((" + "(".repeat(n) + "1" + ")".repeat(n) + "))",
    gin: (n) => "x.y = " + "[".repeat(n) + "]".repeat(n),
  };

  for (const format of FORMATS) {
    it(`${format}: deep nesting up to 3000 levels, balanced or not`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3000 }), fc.boolean(), (n, cut) => {
          const text = deep[format](n);
          void checkContract(cut ? text.slice(0, Math.ceil(text.length / 2)) : text, format);
        }),
        { numRuns: 12, seed: 3 },
      );
    });

    it(`${format}: 100 000 levels of nesting end in a clear error, not a stack overflow`, () => {
      const r = checkContract(deep[format](100_000), format);
      expect(r.errors.length).toBeGreaterThan(0);
    });

    it(`${format}: a 1 MB line`, () => {
      const line = { yaml: "a: ", json: '{"a": "', toml: 'a = "', python: "a = '", shell: "python t.py --a ", gin: "a.b = '" }[format] + "x".repeat(1 << 20);
      void checkContract(line, format);
    });
  }

  it("yaml: a billion-laughs alias bomb is cut off with an error", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
    const r = checkContract(lines.join("\n") + "\n", "yaml");
    expect(r.errors.length).toBeGreaterThan(0);
  });

  it("python, shell and gin: self-multiplying definitions are cut off", () => {
    const py = ["a0 = [1] * 2"];
    const sh = ["A0=x"];
    const gin = ["A0 = [1, 2]"];
    for (let i = 1; i < 30; i++) {
      py.push(`a${i} = [a${i - 1}, a${i - 1}, a${i - 1}]`);
      sh.push(`A${i}="$A${i - 1} $A${i - 1} $A${i - 1}"`);
      gin.push(`A${i} = [%A${i - 1}, %A${i - 1}, %A${i - 1}]`);
    }
    sh.push("python t.py $A29");
    gin.push("x.y = %A29");
    expect(checkContract(py.join("\n"), "python").errors.length).toBeGreaterThan(0);
    checkContract(sh.join("\n"), "shell");
    expect(checkContract(gin.join("\n"), "gin").errors.length).toBeGreaterThan(0);
  });

  it("python and shell: exponential arithmetic is refused, not computed", () => {
    expect(checkContract("x = 9**9**9**9\n", "python").entries[0].unknownReason).toBe("the result is too large to evaluate exactly");
    expect(checkContract("X=$((9**9**9))\n", "shell").entries[0].unknownReason).toBe("the result is too large to evaluate exactly");
  });
});
