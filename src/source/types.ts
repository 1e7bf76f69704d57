import type { SourceSkip } from "./source-skip.js";

/** Where file contents at the two sides of a change come from: local git, two plain files, or the GitHub API. */

export type Side = "base" | "head";

export interface ChangedFile {
  /** Path at head (at base for removed files). */
  path: string;
  status: "added" | "modified" | "removed" | "renamed";
  /** Path at base when the file was renamed. */
  previousPath?: string;
}

export interface ChangeSource {
  /** Short description for reports, e.g. "git main..HEAD in /repo". */
  readonly description: string;
  changedFiles(): Promise<ChangedFile[]>;
  /** Contents of a file at one side; null when it does not exist there. */
  read(side: Side, path: string): Promise<string | null>;
  /** Every file path at one side, for finding configs that inherit a changed file. */
  list(side: Side): Promise<string[]>;
  /**
   * Files the source would not read (binary, too large), with the English reason and the same as
   * an id (src/source/source-skip.ts); filled as files are read.
   */
  readonly skipped?: ReadonlyArray<{ path: string; reason: string; why?: SourceSkip }>;
}
