import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { frameworkById } from "../../../src/detect/frameworks/catalogue.js";

/**
 * Every fixture lives in fixtures/configs/<framework id>/…; each must be recognised as its own
 * folder's framework, so a new framework cannot quietly steal another's configs. `_trees/` holds
 * whole repository trees (launch scripts beside the configs they run), whose files belong to
 * several frameworks; their own tests pin them.
 */
const root = fileURLToPath(new URL("../../../fixtures/configs/", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const fixtures = filesUnder(root)
  .map((path) => {
    const rel = relative(root, path).split(/[\\/]/).join("/");
    return { rel, id: rel.split("/")[0], path };
  })
  .filter((f) => f.id !== "_trees");

describe("every config fixture is recognised as its own folder's framework", () => {
  it("has fixtures from more than one framework to tell apart", () => {
    expect(new Set(fixtures.map((f) => f.id)).size).toBeGreaterThan(1);
  });

  it.each(fixtures.map((f) => [f.rel, f] as const))("%s", (_rel, f) => {
    expect(frameworkById(f.id), `fixtures/configs/${f.id} names no framework in the catalogue`).toBeDefined();
    // Only the file name: the folder is the answer and must not be a hint.
    const report = detectFile(basename(f.path), readFileSync(f.path, "utf8"));
    expect(report.errors).toEqual([]);
    expect(report.framework).toBe(f.id);
  });
});
