import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import { INPUT_KINDS, KIND_CLAIMS, MAX_VALUES, TEST_RUNS, hostileInputs } from "../../helpers/hostile-configs.js";
import { assertKeepsPromises, contractViolations } from "../../helpers/parser-contract.js";
import { inEnglish } from "../../helpers/in-english.js";

const inputs = hostileInputs("gin");

describe("the gin parser keeps its promises on generated hostile input", () => {
  for (const kind of INPUT_KINDS) {
    it(`${kind}: ${KIND_CLAIMS[kind]} (${TEST_RUNS[kind]} inputs)`, () => {
      assertKeepsPromises("gin", inputs[kind], { numRuns: TEST_RUNS[kind], seed: 6 });
    });
  }
});

describe("gin macros are resolved within bounds", () => {
  const parse = (text: string) => {
    const r = parseConfig("pretrain.gin", text, "gin");
    expect(contractViolations(text, "gin", r, "pretrain.gin")).toEqual([]);
    return r;
  };

  it("self-multiplying macros (A1 = [%A0, %A0, %A0] …, 3³⁰ values) stop at the values cap with its message", () => {
    const lines = ["A0 = [1, 2]"];
    for (let i = 1; i < 30; i++) lines.push(`A${i} = [%A${i - 1}, %A${i - 1}, %A${i - 1}]`);
    lines.push("x.y = %A29");
    const r = parse(lines.join("\n"));
    expect(r.entries).toHaveLength(MAX_VALUES);
    expect(r.errors.map((e) => e.message)).toEqual([
      `gin: more than ${MAX_VALUES} values; the rest of the file was skipped`,
    ]);
  });

  it("a macro that refers to itself is unknown, not an endless loop", () => {
    const r = parse("A = [%B]\nB = [%A]\nx.y = %A\n");
    expect(r.entries.length).toBeGreaterThan(0);
    expect(
      inEnglish(r.entries).every(
        (e: { value: unknown; unknownReason?: string }) =>
          e.value === null && /refers to itself/.test(String(e.unknownReason)),
      ),
    ).toBe(true);
  });

  it("a chain of 65 macros, each wrapping the one before in a list, stops at the nesting bound", () => {
    const lines = ["A1 = [1]"];
    for (let i = 2; i <= 65; i++) lines.push(`A${i} = [%A${i - 1}]`);
    const r = parse(lines.join("\n"));
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^gin: values nested deeper than 64 levels at A65/),
    ]);
  });
});
