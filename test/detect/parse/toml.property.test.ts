import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import { TOML_LIMITS } from "../../../src/detect/parse/parse-toml.js";
import { INPUT_KINDS, KIND_CLAIMS, TEST_RUNS, hostileInputs } from "../../helpers/hostile-configs.js";
import { assertKeepsPromises, contractViolations } from "../../helpers/parser-contract.js";

const inputs = hostileInputs("toml");

describe("the TOML parser keeps its promises on generated hostile input", () => {
  for (const kind of INPUT_KINDS) {
    it(`${kind}: ${KIND_CLAIMS[kind]} (${TEST_RUNS[kind]} inputs)`, () => {
      assertKeepsPromises("toml", inputs[kind], { numRuns: TEST_RUNS[kind], seed: 3 });
    });
  }
});

describe("TOML is bounded", () => {
  const parse = (text: string) => {
    const r = parseConfig("torchtitan.toml", text, "toml");
    expect(contractViolations(text, "toml", r, "torchtitan.toml")).toEqual([]);
    return r;
  };

  it("an integer past 2**53 is read (rounded), and the lines after it too", () => {
    const r = parse("[training]\nsteps = 99999999999999999999\nlocal_batch_size = 8\n");
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([
      ["training.steps", 1e20],
      ["training.local_batch_size", 8],
    ]);
  });

  it(`arrays nested past ${TOML_LIMITS.maxDepth} levels name the bound and keep the lines before`, () => {
    const n = TOML_LIMITS.maxDepth + 10;
    const r = parse(`batch = 8\ndeep = ${"[".repeat(n)}${"]".repeat(n)}\n`);
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: `TOML: nesting deeper than ${TOML_LIMITS.maxDepth} levels; read up to that line`,
        line: 2,
      }),
    ]);
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([["batch", 8]]);
  });

  it(`a dotted key ${TOML_LIMITS.maxDepth + 1} parts long is refused with the nesting message`, () => {
    const r = parse(
      `${Array(TOML_LIMITS.maxDepth + 1)
        .fill("a")
        .join(".")} = 1\n`,
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(new RegExp(`^TOML: nesting deeper than ${TOML_LIMITS.maxDepth} levels`)),
    ]);
  });
});
