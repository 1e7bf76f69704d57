import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import { YAML_LIMITS } from "../../../src/detect/parse/parse-yaml.js";
import {
  BOUND_MESSAGES,
  INPUT_KINDS,
  KIND_CLAIMS,
  TEST_RUNS,
  YAML_ALIAS_LIMIT,
  aliasBombText,
  aliasResolutions,
  hostileInputs,
} from "../../helpers/hostile-configs.js";
import { assertKeepsPromises, contractViolations } from "../../helpers/parser-contract.js";

const inputs = hostileInputs("yaml");

describe("the YAML parser keeps its promises on generated hostile input", () => {
  for (const kind of INPUT_KINDS) {
    it(`${kind}: ${KIND_CLAIMS[kind]} (${TEST_RUNS[kind]} inputs)`, () => {
      assertKeepsPromises("yaml", inputs[kind], { numRuns: TEST_RUNS[kind], seed: 1 });
    });
  }
});

describe("YAML expansion is bounded", () => {
  const parse = (text: string) => {
    const r = parseConfig("bomb.yaml", text, "yaml");
    expect(contractViolations(text, "yaml", r, "bomb.yaml")).toEqual([]);
    return r;
  };

  it("the walker's alias limit is the one the generated bombs are checked against", () => {
    expect(YAML_LIMITS.maxAliasCount).toBe(YAML_ALIAS_LIMIT);
  });

  it("a billion-laughs bomb (12 layers of 9 aliases) stops at the alias limit, with its message", () => {
    const r = parse(aliasBombText(12, 9, 9, false));
    expect(r.errors.map((e) => e.message)).toEqual([
      `YAML: more than ${YAML_ALIAS_LIMIT} alias expansions; the rest of the file was skipped`,
    ]);
  });

  it("just under the limit every alias is expanded: 3 layers of 9 make 918 resolutions and 9³ leaves under a3", () => {
    expect(aliasResolutions(3, 9)).toBe(918);
    const r = parse(aliasBombText(3, 9, 1, false));
    expect(r.errors).toEqual([]);
    expect(r.entries.filter((e) => e.path[0] === "a3")).toHaveLength(9 ** 3);
  });

  it("merge keys count as alias expansions too (<<: [*b, *b] nested 12 times)", () => {
    const r = parse(aliasBombText(12, 2, 1, true));
    expect(r.errors.some((e) => BOUND_MESSAGES.aliases.test(e.message))).toBe(true);
  });

  it("a file of junk lists 20 errors and counts the rest", () => {
    const r = parse("}]\n".repeat(5000));
    expect(r.errors).toHaveLength(21);
    expect(r.errors[20].message).toMatch(/^\d+ more errors in this file$/);
    expect(r.errors.slice(0, 20).every((e) => e.line !== undefined && e.message.startsWith("YAML: "))).toBe(true);
  });
});
