import { readdirSync, readFileSync } from "node:fs";

/** fixtures/configs/_trees/<name> as a tree of repository path → text, for a MemorySource. */
export function fixtureTree(name: string): Record<string, string> {
  const root = new URL(`../../fixtures/configs/_trees/${name}/`, import.meta.url).pathname;
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = `${entry.parentPath}/${entry.name}`;
    files[full.slice(root.length)] = readFileSync(full, "utf8");
  }
  return files;
}
