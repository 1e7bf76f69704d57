import { describe, expect, it } from "vitest";
import { jsonNestingFault, MAX_NESTING, yamlNestingFault } from "../../../src/detect/parse/nesting-guard.js";
import { parseYaml } from "../../../src/detect/parse/parse-yaml.js";

describe("nesting guard", () => {
  it("finds where JSON brackets pass the bound", () => {
    expect(jsonNestingFault("[".repeat(MAX_NESTING + 1))).toBe(MAX_NESTING);
    expect(jsonNestingFault("[".repeat(MAX_NESTING) + "]".repeat(MAX_NESTING))).toBeUndefined();
  });

  it("does not count brackets in JSON strings and comments", () => {
    const many = "[".repeat(MAX_NESTING + 10);
    expect(jsonNestingFault(`{"a": "${many}", // ${many}\n /* ${many} */ "b": 1}`)).toBeUndefined();
  });

  it("counts YAML flow brackets, block indentation and compact sequences together", () => {
    expect(yamlNestingFault("a: " + "[".repeat(MAX_NESTING + 1))).toBeDefined();
    expect(
      yamlNestingFault(Array.from({ length: MAX_NESTING + 1 }, (_, i) => " ".repeat(i) + "k:").join("\n")),
    ).toBeDefined();
    expect(yamlNestingFault("- ".repeat(MAX_NESTING + 1) + "x")).toBeDefined();
  });

  it("does not count YAML quoted text, comments or block scalars", () => {
    const many = "[".repeat(MAX_NESTING + 10);
    const art = Array.from({ length: MAX_NESTING + 10 }, (_, i) => "  " + " ".repeat(i) + "x").join("\n");
    const text = `a: "${many}"\nb: '${many}' # ${many}\nc: |\n${art}\nd: 1\n`;
    expect(yamlNestingFault(text)).toBeUndefined();
    expect(parseYaml(text, "a.yaml").errors).toEqual([]);
  });

  it("reports the YAML fault with its line instead of a stack overflow", () => {
    const r = parseYaml("ok: 1\nbad: " + "[".repeat(5000) + "]".repeat(5000) + "\n", "a.yaml");
    expect(r.errors).toEqual([
      {
        message: `YAML: nesting deeper than ${MAX_NESTING} levels; the file was not read`,
        line: 2,
        column: MAX_NESTING + 5,
        problem: { id: "parse.tooDeep", params: { format: "YAML", max: MAX_NESTING } },
      },
    ]);
  });
});
