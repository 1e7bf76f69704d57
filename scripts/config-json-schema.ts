// The JSON Schema of `.github/batch-advisor.yml`, generated from the zod schema (src/config/schema.ts)
// with each key's meaning taken from its row in docs/configuration.md, so an editor's hover text
// and the docs are one text. Used by scripts/generate-schema.mjs and the tests that keep the
// committed schema, the zod schema and the docs in step.
import { z } from "zod";
import { configSchema } from "../src/config/schema.js";

/** Where the generated schema is committed, and shipped in the npm package (`batch-advisor/schema.json`). */
export const SCHEMA_FILE = "schema/batch-advisor.schema.json";

/** A key of the schema: its dotted path and whether it holds keys of its own (a section like `memory`). */
export interface SchemaKey {
  path: string;
  section: boolean;
}

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  description?: string;
  [key: string]: unknown;
};

/**
 * The schema as an editor reads it: the input side of the zod schema (sizes as `"40GiB"` or a
 * number, before they are parsed), draft-07 because yaml-language-server and most editors speak it.
 * @example buildConfigJsonSchema(new Map([["language", "Language of the comment."]])).properties.language.description
 *   // "Language of the comment."
 */
export function buildConfigJsonSchema(meanings: ReadonlyMap<string, string>): JsonSchema {
  const generated = z.toJSONSchema(configSchema, {
    io: "input",
    target: "draft-7",
    unrepresentable: "any",
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  const schema: JsonSchema = {
    $schema,
    title: "batch-advisor configuration (.github/batch-advisor.yml)",
    description:
      "Every key is optional; an empty file means every default. Keys and their meaning: docs/configuration.md.",
    ...rest,
  };
  forEachKey(schema, (path, node) => {
    const meaning = meanings.get(path);
    if (meaning !== undefined) node.description = meaning;
  });
  return schema;
}

/** The committed form: two-space JSON with a final newline, so a regeneration diff is readable. */
export function formatSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Every key the schema accepts, sections included, as dotted paths (`memory.calibration.peak`).
 * @example schemaKeys(buildConfigJsonSchema(new Map())).find((k) => k.path === "memory")?.section // true
 */
export function schemaKeys(schema: JsonSchema): SchemaKey[] {
  const keys: SchemaKey[] = [];
  forEachKey(schema, (path, node) => keys.push({ path, section: childProperties(node) !== undefined }));
  return keys;
}

/**
 * The keys docs/configuration.md documents: the first cell of each key table row (`| \`memory.budget\` | …`)
 * and the row's last cell, its meaning, with the Markdown left in (editors render it).
 * @example documentedKeys("| `language` | `en` \\| `zh-TW` | `en` | Language of the comment. |").get("language")
 *   // "Language of the comment."
 */
export function documentedKeys(markdown: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const line of markdown.split("\n")) {
    const match = /^\|\s*`([A-Za-z][\w.]*)`\s*\|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    // Cells are split on pipes that are not escaped (`en` \| `zh-TW` is one cell).
    const cells = match[2].split(/(?<!\\)\|/);
    keys.set(match[1], cells[cells.length - 1].trim());
  }
  return keys;
}

function forEachKey(node: JsonSchema, visit: (path: string, node: JsonSchema) => void, prefix = ""): void {
  for (const [name, child] of Object.entries(childProperties(node) ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    visit(path, child);
    forEachKey(child, visit, path);
  }
}

/** A section's keys, also when the section is one branch of a union (`key: true` or `key: { … }`). */
function childProperties(node: JsonSchema): Record<string, JsonSchema> | undefined {
  if (node.properties) return node.properties;
  const branch = node.anyOf?.find((b) => b.properties);
  return branch?.properties;
}
