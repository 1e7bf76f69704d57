import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import { PYTHON_MAX_NESTING } from "../../../src/detect/parse/python-nesting.js";
import { TREE_LIMITS } from "../../../src/detect/parse/value-tree.js";
import {
  INPUT_KINDS,
  KIND_CLAIMS,
  MAX_VALUES,
  TEST_RUNS,
  chainValues,
  hostileInputs,
} from "../../helpers/hostile-configs.js";
import { assertKeepsPromises, contractViolations } from "../../helpers/parser-contract.js";
import { inEnglish } from "../../helpers/in-english.js";

const inputs = hostileInputs("python");

describe("the Python parser keeps its promises on generated hostile input", () => {
  for (const kind of INPUT_KINDS) {
    it(`${kind}: ${KIND_CLAIMS[kind]} (${TEST_RUNS[kind]} inputs)`, () => {
      assertKeepsPromises("python", inputs[kind], { numRuns: TEST_RUNS[kind], seed: 4 });
    });
  }
});

describe("Python is read, never run, within bounds", () => {
  const parse = (text: string) => {
    const r = parseConfig("config.py", text, "python");
    expect(contractViolations(text, "python", r, "config.py")).toEqual([]);
    return r;
  };

  it("the values cap is the one every format shares", () => {
    expect(TREE_LIMITS.maxEntries).toBe(MAX_VALUES);
  });

  it("self-multiplying names (a1 = [a0, a0, a0] …, 3³⁰ values) stop at the values cap with its message", () => {
    const lines = ["a0 = [1] * 2"];
    for (let i = 1; i < 30; i++) lines.push(`a${i} = [a${i - 1}, a${i - 1}, a${i - 1}]`);
    const r = parse(lines.join("\n"));
    expect(r.entries).toHaveLength(MAX_VALUES);
    expect(r.errors.map((e) => e.message)).toEqual([
      `Python: more than ${MAX_VALUES} values; the rest of the file was skipped`,
    ]);
  });

  it("under the cap every value is listed: 8 levels of doubling make 2·(2⁹ − 1) values", () => {
    const lines = ["a0 = [1, 2]"];
    for (let i = 1; i <= 8; i++) lines.push(`a${i} = [a${i - 1}, a${i - 1}]`);
    const r = parse(lines.join("\n"));
    expect(r.errors).toEqual([]);
    expect(r.entries).toHaveLength(chainValues(8, 2, 2));
  });

  it("exponential arithmetic is refused with a reason, not computed", () => {
    const r = parse("x = 9**9**9**9\ny = 2**1024\nz = 1e400\n");
    expect(inEnglish(r.entries.map((e) => [e.path[0], e.value, e.unknownReason]))).toEqual([
      ["x", null, "the result is too large to evaluate exactly"],
      ["y", null, "the result is too large to evaluate exactly"],
      ["z", null, "1e400 is too large to evaluate exactly"],
    ]);
  });

  it(
    `brackets nested past ${PYTHON_MAX_NESTING} (Python's own limit) are named ` +
      "at their line, and the lines before are read",
    () => {
      const r = parse(
        `batch_size = 8\nx = ${"(".repeat(PYTHON_MAX_NESTING + 1)}1${")".repeat(PYTHON_MAX_NESTING + 1)}\n`,
      );
      expect(r.errors).toEqual([
        expect.objectContaining({
          message:
            `Python: brackets nested deeper than ${PYTHON_MAX_NESTING} levels, which ` +
            "Python itself refuses; read up to that line",
          line: 2,
        }),
      ]);
      expect(r.entries.map((e) => [e.path[0], e.value])).toEqual([["batch_size", 8]]);
    },
  );

  it("blocks nested past 200 levels say their statements were skipped", () => {
    const deep =
      Array.from({ length: 210 }, (_, i) => " ".repeat(i) + "if x:").join("\n") + "\n" + " ".repeat(210) + "bs = 1\n";
    expect(parse(deep).errors.map((e) => e.message)).toEqual([
      "Python: blocks nested deeper than 200 levels; the statements inside were skipped",
    ]);
    const shallow =
      Array.from({ length: 20 }, (_, i) => " ".repeat(i) + "if x:").join("\n") + "\n" + " ".repeat(20) + "bs = 1\n";
    expect(parse(shallow).entries.map((e) => [e.path[0], e.value])).toEqual([["bs", 1]]);
  });
});
