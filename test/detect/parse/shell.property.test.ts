import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import { SHELL_LIMITS } from "../../../src/detect/parse/parse-shell.js";
import {
  INPUT_KINDS,
  KIND_CLAIMS,
  MAX_VALUES,
  SHELL_VALUE_SEGMENTS,
  TEST_RUNS,
  hostileInputs,
  shellChainSize,
} from "../../helpers/hostile-configs.js";
import { assertKeepsPromises, contractViolations } from "../../helpers/parser-contract.js";
import { inEnglish } from "../../helpers/in-english.js";

const inputs = hostileInputs("shell");

describe("the shell parser keeps its promises on generated hostile input", () => {
  for (const kind of INPUT_KINDS) {
    it(`${kind}: ${KIND_CLAIMS[kind]} (${TEST_RUNS[kind]} inputs)`, () => {
      assertKeepsPromises("shell", inputs[kind], { numRuns: TEST_RUNS[kind], seed: 5 });
    });
  }
});

describe("shell scripts are expanded, never run, within bounds", () => {
  const parse = (text: string) => {
    const r = parseConfig("train.sh", text, "shell");
    expect(contractViolations(text, "shell", r, "train.sh")).toEqual([]);
    return r;
  };

  it("the settings cap is the one every format shares", () => {
    expect(SHELL_LIMITS.maxEntries).toBe(MAX_VALUES);
  });

  it(
    'self-multiplying variables (A1="$A0 $A0 $A0" …) are cut off where one ' +
      "passes 5 000 pieces: the ones after it, and the command, are unknown",
    () => {
      const lines = ["A0=x"];
      for (let i = 1; i < 30; i++) lines.push(`A${i}="$A${i - 1} $A${i - 1} $A${i - 1}"`);
      lines.push('python t.py --bs "$A29"');
      const r = parse(lines.join("\n"));
      // A7 is the first over the bound (6 559 pieces): it still shows what it was set to; A8 on read it as unknown.
      expect([6, 7].map((i) => shellChainSize(i, 3, 1).segments > SHELL_VALUE_SEGMENTS)).toEqual([false, true]);
      const value = (name: string) => r.entries.find((e) => e.path[0] === name);
      expect((value("A7")!.value as string).length).toBe(shellChainSize(7, 3, 1).chars);
      for (const name of ["A8", "A29", "bs"]) {
        expect(inEnglish(value(name))).toMatchObject({
          value: null,
          unknownReason: "value too long to expand statically",
        });
      }
      expect(r.entries).toHaveLength(31);
    },
  );

  it("exponential arithmetic is refused with a reason, not computed", () => {
    const r = parse("X=$((9**9**9))\nY=$((2**1024))\n");
    expect(inEnglish(r.entries.map((e) => e.unknownReason))).toEqual([
      "the result is too large to evaluate exactly",
      "the result is too large to evaluate exactly",
    ]);
  });

  it("parameter expansions nested past 32 levels are named at their line", () => {
    const r = parse(`BS=8\nX=${"${A:-".repeat(40)}1${"}".repeat(40)}\n`);
    expect(r.errors).toEqual([
      expect.objectContaining({ message: "shell: parameter expansions nested deeper than 32 levels", line: 2 }),
    ]);
    expect(r.entries.find((e) => e.path[0] === "BS")?.value).toBe(8);
  });

  it(
    "words that multiply past 200 000 after expansion (even in commands that set " +
      "nothing) stop with the cap's message",
    () => {
      const r = parse(`W="${"w ".repeat(2500)}"\n${"echo $W $W $W $W $W $W $W $W $W $W\n".repeat(10)}`);
      expect(r.errors.map((e) => e.message)).toEqual([
        `shell: more than ${SHELL_LIMITS.maxFields} words after expansion; the rest of the file was skipped`,
      ]);
    },
  );
});
