// Regenerates schema/batch-advisor.schema.json from the zod schema and docs/configuration.md.
//   npm run schema            write the file
//   npm run schema -- --check exit 1 when the committed file is stale (test/config/schema-fresh.test.ts does the same)
// Runs under tsx: it imports the TypeScript sources directly, no build needed.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildConfigJsonSchema, documentedKeys, formatSchema, SCHEMA_FILE } from "./config-json-schema.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, SCHEMA_FILE);
const text = formatSchema(
  buildConfigJsonSchema(documentedKeys(readFileSync(join(root, "docs/configuration.md"), "utf8"))),
);

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {}
  if (committed !== text) {
    console.error(`${SCHEMA_FILE} is stale: run \`npm run schema\` and commit it`);
    process.exitCode = 1;
  } else console.log(`${SCHEMA_FILE} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${SCHEMA_FILE}`);
}
