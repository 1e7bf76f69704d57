import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildConfigJsonSchema, documentedKeys, formatSchema, SCHEMA_FILE } from "../../scripts/config-json-schema.js";
import { loadConfig } from "../../src/config.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("schema/batch-advisor.schema.json", () => {
  it(
    "is what the zod schema and docs/configuration.md generate today (run `npm " +
      "run schema` and commit it when this fails)",
    () => {
      const fresh = formatSchema(buildConfigJsonSchema(documentedKeys(read("docs/configuration.md"))));
      expect(read(SCHEMA_FILE)).toBe(fresh);
    },
  );

  it("rejects what the config loader rejects: an unknown key and a value outside an enum", () => {
    const schema = JSON.parse(read(SCHEMA_FILE));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.memory.additionalProperties).toBe(false);
    expect(schema.properties.language.enum).toEqual(["en", "zh-TW"]);
    // The loader agrees on the same two inputs, so the editor's red squiggle and the bot's message match.
    expect(loadConfig("budget: 40GiB\n").errors[0].key).toBe("budget");
    expect(loadConfig("language: fr\n").errors[0].key).toBe("language");
  });

  it("gives each documented key its meaning from the docs as the editor's hover text", () => {
    const schema = JSON.parse(read(SCHEMA_FILE));
    expect(schema.properties.memory.properties.level.description).toMatch(/^What going over the budget does/);
    expect(schema.properties.proxy.properties.seed.default).toBe(42);
  });
});
