import { execFile } from "node:child_process";
import { posix } from "node:path";
import { promisify } from "node:util";
import { MAX_LOCAL_FILE_BYTES } from "./read-regular-file.js";
import type { SourceSkip, SourceSkipped } from "./source-skip.js";
import type { ChangeSource, ChangedFile, Side } from "./types.js";

const run = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

/** A git run that cannot start: a revision that is not a commit, a folder that is not a repository. The message is for
 * the user. */
export class SourceError extends Error {}

/**
 * Why a revision typed by the user cannot be given to git, or null when it can. A revision that
 * starts with "-" would be read by git as an option (`--output=FILE` writes a file).
 * @example revisionProblem("--output=/tmp/x") // 'a revision cannot start with "-"'
 */
export function revisionProblem(rev: string): string | null {
  if (rev === "") return "a revision cannot be empty";
  if (rev.startsWith("-")) return 'a revision cannot start with "-"';
  if (/[\s\0]/.test(rev)) return "a revision cannot contain spaces or control characters";
  return null;
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
}

/**
 * Reads two revisions of a local git repository through git's objects — never the working tree,
 * so a symlink is its link text, never the file it points to; symlinks (mode 120000) are refused
 * outright. Revisions are validated and passed after `--end-of-options`; nothing from the
 * repository is executed.
 * @example new GitSource({ repo: ".", base: "main", head: "HEAD" }).changedFiles()
 */
export class GitSource implements ChangeSource {
  readonly description: string;
  readonly skipped: SourceSkipped[] = [];
  private cache = new Map<string, Promise<GitRead>>();
  private commits?: Promise<Record<Side, string>>;

  constructor(private options: { repo: string; base: string; head: string; maxFileBytes?: number }) {
    for (const side of ["base", "head"] as const) {
      const problem = revisionProblem(options[side]);
      if (problem) throw new SourceError(`--${side} ${JSON.stringify(options[side])}: ${problem}`);
    }
    this.description = `git ${options.base}..${options.head} in ${options.repo}`;
  }

  async changedFiles(): Promise<ChangedFile[]> {
    const { base, head } = await this.resolved();
    const out = await this.git(["diff", "--name-status", "-M", "-z", "--end-of-options", base, head, "--"]);
    const parts = out.split("\0").filter((p) => p !== "");
    const files: ChangedFile[] = [];
    for (let i = 0; i < parts.length; ) {
      const code = parts[i++];
      if (code.startsWith("R") || code.startsWith("C")) {
        const previousPath = parts[i++];
        const path = parts[i++];
        files.push(code.startsWith("R") ? { path, status: "renamed", previousPath } : { path, status: "added" });
      } else {
        const path = parts[i++];
        files.push({ path, status: code === "A" ? "added" : code === "D" ? "removed" : "modified" });
      }
    }
    return files;
  }

  async read(side: Side, path: string): Promise<string | null> {
    const file = await this.readFile(side, path);
    if ("text" in file) return file.text;
    if (!file.missing && !this.skipped.some((s) => s.path === path))
      this.skipped.push({ path, reason: file.reason, why: file.why });
    return null;
  }

  /**
   * A file at one side with the reason it was not read: missing, outside the repository, a
   * symlink, a submodule or folder, or too large.
   */
  readFile(side: Side, path: string): Promise<GitRead> {
    const key = `${side}:${path}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.fetch(side, path);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /**
   * Every file at one side, symlinks left out: the searches that read files speculatively
   * (inheritors, launch scripts) never meet one, while a symlink the change or a config names is
   * refused by name when it is read.
   */
  async list(side: Side): Promise<string[]> {
    const rev = (await this.resolved())[side];
    const out = await this.git(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev]);
    const files: string[] = [];
    for (const line of out.split("\0")) {
      const tab = line.indexOf("\t");
      if (tab < 0) continue;
      const [mode, type] = line.slice(0, tab).split(" ");
      if (type === "blob" && mode !== "120000") files.push(line.slice(tab + 1));
    }
    return files;
  }

  private async fetch(side: Side, path: string): Promise<GitRead> {
    const normal = posix.normalize(path);
    if (posix.isAbsolute(normal) || normal === ".." || normal.startsWith("../"))
      return { missing: false, reason: "is outside the repository; not read", why: { id: "source.outside" } };
    const rev = (await this.resolved())[side];
    const entry = await this.entry(rev, normal);
    if (!entry) return { missing: true, reason: "not found", why: { id: "source.notFound" } };
    if (entry.mode === "120000")
      return {
        missing: false,
        reason: "is a symbolic link in the repository; not followed",
        why: { id: "source.symlink" },
      };
    if (entry.type !== "blob") {
      const submodule = entry.type === "commit";
      return {
        missing: false,
        reason: `is a ${submodule ? "submodule" : "folder"}, not a file; not read`,
        why: { id: submodule ? "source.submodule" : "source.folder" },
      };
    }
    const max = this.options.maxFileBytes ?? MAX_LOCAL_FILE_BYTES;
    if (entry.size > max) {
      const params = { size: (entry.size / 1048576).toFixed(1), max: (max / 1048576).toFixed(0) };
      return {
        missing: false,
        reason: `${params.size} MiB is over the ${params.max} MiB limit; not read`,
        why: { id: "source.tooLarge", params },
      };
    }
    return { text: await this.git(["cat-file", "blob", entry.object]) };
  }

  /** The tree entry at exactly `path` (mode, type, object, size), or null. */
  private async entry(rev: string, path: string): Promise<TreeEntry | null> {
    let out: string;
    try {
      out = await this.git([
        "--literal-pathspecs",
        "ls-tree",
        "-z",
        "-l",
        "--full-tree",
        "--end-of-options",
        rev,
        "--",
        path,
      ]);
    } catch {
      return null;
    }
    for (const line of out.split("\0")) {
      const tab = line.indexOf("\t");
      if (tab < 0 || line.slice(tab + 1) !== path) continue;
      const [mode, type, object, size] = line.slice(0, tab).trim().split(/\s+/);
      return { mode, type, object, size: Number(size) || 0 };
    }
    return null;
  }

  /** Both revisions as commit ids, checked once: a clear message instead of git's when one is not a commit. */
  private resolved(): Promise<Record<Side, string>> {
    this.commits ??= (async () => {
      const ids = {} as Record<Side, string>;
      for (const side of ["base", "head"] as const) {
        const rev = this.options[side];
        try {
          ids[side] = (await this.git(["rev-parse", "--verify", "-q", "--end-of-options", `${rev}^{commit}`])).trim();
        } catch {
          throw new SourceError(
            `--${side} ${JSON.stringify(rev)} is not a commit in ${this.options.repo} (or it is not a git repository)`,
          );
        }
      }
      return ids;
    })();
    return this.commits;
  }

  private async git(args: string[]): Promise<string> {
    const [global, rest] = args[0] === "--literal-pathspecs" ? [[args[0]], args.slice(1)] : [[], args];
    const { stdout } = await run("git", [...global, "-C", this.options.repo, ...rest], {
      maxBuffer: MAX_BUFFER,
      encoding: "utf8",
    });
    return stdout;
  }
}

export type GitRead = { text: string } | { missing: boolean; reason: string; why: SourceSkip };
