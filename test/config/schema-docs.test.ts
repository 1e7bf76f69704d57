import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildConfigJsonSchema, documentedKeys, schemaKeys } from "../../scripts/config-json-schema.js";

// Built from the live zod schema, not the committed file: a key added to src/config/schema.ts
// must be documented before this passes, whether or not the schema file was regenerated.
const docs = documentedKeys(readFileSync(new URL("../../docs/configuration.md", import.meta.url), "utf8"));
const keys = schemaKeys(buildConfigJsonSchema(new Map()));

describe("docs/configuration.md and the config schema", () => {
  it("documents every key the schema accepts (a section is documented through its keys)", () => {
    const undocumented = keys.filter((k) => !k.section && !docs.has(k.path)).map((k) => k.path);
    expect(undocumented).toEqual([]);
  });

  it("documents no key the schema would reject", () => {
    const known = new Set(keys.map((k) => k.path));
    expect([...docs.keys()].filter((path) => !known.has(path))).toEqual([]);
  });

  it("reads the key tables the way they are written", () => {
    expect(docs.get("memory.calibration.peak")).toMatch(/^The peak you measured there/);
    expect(docs.get("language")).toBe("Language of the comment.");
    expect(keys).toContainEqual({ path: "memory.calibration", section: true });
    expect(keys.length).toBeGreaterThan(30);
  });
});
