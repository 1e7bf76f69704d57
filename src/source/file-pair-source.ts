import { readLocalFile } from "./read-local-file.js";
import { posix, relative } from "node:path";
import type { ChangeSource, ChangedFile, Side } from "./types.js";

/**
 * Two plain files as the base and head of one config, reported under one path (`label`, by
 * default the head file's). Inherited files are read beside each side's own file, so
 * `before/x.py` and `after/x.py` each find their own `_base_`.
 */
export class FilePairSource implements ChangeSource {
  readonly description: string;
  private label: string;

  constructor(private options: { base: string; head: string; label?: string }) {
    this.label = posix.normalize(options.label ?? options.head);
    this.description = `${relative(process.cwd(), options.base)} → ${relative(process.cwd(), options.head)}`;
  }

  async changedFiles(): Promise<ChangedFile[]> {
    return [{ path: this.label, status: "modified" }];
  }

  read(side: Side, path: string): Promise<string | null> {
    const file = side === "base" ? this.options.base : this.options.head;
    const relative = posix.relative(posix.dirname(this.label), posix.normalize(path));
    return readLocalFile(posix.join(posix.dirname(file), relative));
  }

  async list(): Promise<string[]> {
    return [this.label];
  }
}
