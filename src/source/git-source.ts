import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { ChangeSource, ChangedFile, Side } from "./types.js";

const run = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

/**
 * Reads two revisions of a local git repository with `git show REV:path` — git reads the
 * objects; nothing from the repository is executed.
 * @example new GitSource({ repo: ".", base: "main", head: "HEAD" }).changedFiles()
 */
export class GitSource implements ChangeSource {
  readonly description: string;
  private cache = new Map<string, Promise<string | null>>();

  constructor(private options: { repo: string; base: string; head: string }) {
    this.description = `git ${options.base}..${options.head} in ${options.repo}`;
  }

  async changedFiles(): Promise<ChangedFile[]> {
    const out = await this.git(["diff", "--name-status", "-M", "-z", this.options.base, this.options.head, "--"]);
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

  read(side: Side, path: string): Promise<string | null> {
    const rev = side === "base" ? this.options.base : this.options.head;
    const key = `${rev}:${path}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.git(["show", `${rev}:${path}`]).catch(() => null);
      this.cache.set(key, hit);
    }
    return hit;
  }

  async list(side: Side): Promise<string[]> {
    const rev = side === "base" ? this.options.base : this.options.head;
    const out = await this.git(["ls-tree", "-r", "-z", "--name-only", rev]);
    return out.split("\0").filter((p) => p !== "");
  }

  private async git(args: string[]): Promise<string> {
    const { stdout } = await run("git", ["-C", this.options.repo, ...args], { maxBuffer: MAX_BUFFER, encoding: "utf8" });
    return stdout;
  }
}
