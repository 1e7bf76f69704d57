import { dirname, join, posix, relative } from "node:path";
import { rootForFile } from "./find-repo-root.js";
import { type NotRead, readRegularFile } from "./read-regular-file.js";
import type { SourceSkipped } from "./source-skip.js";
import type { ChangeSource, ChangedFile, Side } from "./types.js";

/**
 * Two plain files as the base and head of one config, reported under one path (`label`, by
 * default the head file's). The two files are read as given, wherever they are; every other
 * path (an inherited `_base_`, Hydra defaults, `model.configJson`) is read beside that side's
 * own file and must stay inside that side's root: the git work tree holding it, else the
 * current folder when the file is under it, else the file's own folder.
 * @example new FilePairSource({ base: "old.yaml", head: "new.yaml" }) // compares old.yaml with new.yaml
 */
export class FilePairSource implements ChangeSource {
  readonly description: string;
  readonly skipped: SourceSkipped[] = [];
  private label: string;
  private roots: Record<Side, string>;

  constructor(private options: { base: string; head: string; label?: string }) {
    this.label = posix.normalize(options.label ?? options.head);
    this.description = `${relative(process.cwd(), options.base)} → ${relative(process.cwd(), options.head)}`;
    this.roots = { base: rootForFile(options.base), head: rootForFile(options.head) };
  }

  async changedFiles(): Promise<ChangedFile[]> {
    return [{ path: this.label, status: "modified" }];
  }

  async read(side: Side, path: string): Promise<string | null> {
    const own = side === "base" ? this.options.base : this.options.head;
    const wanted = posix.normalize(path);
    // The label is the pair's own file on each side; it must never be looked up by name beside
    // the other side's file (old.yaml and new.yaml in one folder would compare new.yaml with itself).
    if (wanted === this.label) return this.readOwn(own);
    const beside = join(dirname(own), posix.relative(posix.dirname(this.label), wanted));
    const file = await readRegularFile(beside, { root: this.roots[side] });
    if (file.ok) return file.text;
    return file.missing ? null : this.skip(path, file);
  }

  async list(): Promise<string[]> {
    return [this.label];
  }

  private async readOwn(path: string): Promise<string | null> {
    const file = await readRegularFile(path);
    return file.ok ? file.text : this.skip(path, file);
  }

  private skip(path: string, { reason, why }: NotRead): null {
    if (!this.skipped.some((s) => s.path === path)) this.skipped.push({ path, reason, why });
    return null;
  }
}
