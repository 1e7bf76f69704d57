import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import { JSON_LIMITS } from "../../../src/detect/parse/parse-json.js";
import { MAX_NESTING } from "../../../src/detect/parse/nesting-guard.js";
import { INPUT_KINDS, KIND_CLAIMS, MAX_VALUES, TEST_RUNS, hostileInputs } from "../../helpers/hostile-configs.js";
import { assertKeepsPromises, contractViolations } from "../../helpers/parser-contract.js";

const inputs = hostileInputs("json");

describe("the JSON/JSONC parser keeps its promises on generated hostile input", () => {
  for (const kind of INPUT_KINDS) {
    it(`${kind}: ${KIND_CLAIMS[kind]} (${TEST_RUNS[kind]} inputs)`, () => {
      assertKeepsPromises("json", inputs[kind], { numRuns: TEST_RUNS[kind], seed: 2 });
    });
  }
});

describe("JSON is bounded", () => {
  const parse = (text: string) => {
    const r = parseConfig("ds_config.json", text, "json");
    expect(contractViolations(text, "json", r, "ds_config.json")).toEqual([]);
    return r;
  };

  it("the values cap is the one every format shares", () => {
    expect(JSON_LIMITS.maxEntries).toBe(MAX_VALUES);
  });

  it("a flat array of a million values (2 MB of `1,`) keeps the first 50 000 and says so", () => {
    const r = parse(`[${"1,".repeat(999_999)}1]`);
    expect(r.entries).toHaveLength(MAX_VALUES);
    expect(r.errors).toEqual([
      {
        message: `JSON: more than ${MAX_VALUES} values; the rest of the file was skipped`,
        problem: { id: "parse.tooManyValues", params: { format: "JSON", max: MAX_VALUES } },
      },
    ]);
  });

  it(`nesting one level past ${MAX_NESTING} is refused before the parser recurses, at the offending bracket`, () => {
    const r = parse(`{"ok": 1,\n "deep": ${"[".repeat(MAX_NESTING + 1)}${"]".repeat(MAX_NESTING + 1)}}`);
    expect(r.errors).toEqual([
      {
        message: `JSON: nesting deeper than ${MAX_NESTING} levels; the file was not read`,
        line: 2,
        column: 10 + MAX_NESTING - 1,
        problem: { id: "parse.tooDeep", params: { format: "JSON", max: MAX_NESTING } },
      },
    ]);
    expect(parse(`${"[".repeat(MAX_NESTING - 1)}${"]".repeat(MAX_NESTING - 1)}`).errors).toEqual([]);
  });

  it("a byte-order mark is not an error (editors on Windows write one)", () => {
    expect(parse('\ufeff{"train_batch_size": 64}').errors).toEqual([]);
  });
});
