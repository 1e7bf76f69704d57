import type { ChangeSource, ChangedFile, Side } from "./types.js";

/**
 * Both sides held in memory: for benchmarks, tests, and fronts that already fetched the files.
 * A path missing from one side is added or removed; a path whose text differs is modified.
 */
export class MemorySource implements ChangeSource {
  readonly description: string;

  constructor(
    private sides: { base: Record<string, string>; head: Record<string, string> },
    description = "in-memory change",
  ) {
    this.description = description;
  }

  async changedFiles(): Promise<ChangedFile[]> {
    const { base, head } = this.sides;
    const files: ChangedFile[] = [];
    for (const path of Object.keys(head)) {
      if (!(path in base)) files.push({ path, status: "added" });
      else if (base[path] !== head[path]) files.push({ path, status: "modified" });
    }
    for (const path of Object.keys(base)) if (!(path in head)) files.push({ path, status: "removed" });
    return files;
  }

  async read(side: Side, path: string): Promise<string | null> {
    return this.sides[side][path] ?? null;
  }

  async list(side: Side): Promise<string[]> {
    return Object.keys(this.sides[side]);
  }
}
