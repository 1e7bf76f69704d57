import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A file's text, a symlink to a target, or null to delete it in that commit. */
export type RepoEntry = string | { symlink: string } | null;

/** A throwaway folder with the given files (text or symlinks); returns the folder. */
export function tempFolder(files: Record<string, RepoEntry> = {}, prefix = "batch-advisor-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeEntries(dir, files);
  return dir;
}

/**
 * A throwaway git repository with one commit per step, each tagged; a step writes (or deletes)
 * only the files it names, so later steps build on earlier ones. The working tree is left at the
 * last step.
 * @example tempRepo([{ tag: "base", files: { "a.yaml": "x: 1\n" } }, { tag: "head", files: { "a.yaml": "x: 2\n" } }])
 */
export function tempRepo(steps: Array<{ tag: string; files: Record<string, RepoEntry> }>): string {
  const repo = tempFolder({}, "batch-advisor-repo-");
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  for (const step of steps) {
    writeEntries(repo, step.files);
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", step.tag);
    git("tag", step.tag);
  }
  return repo;
}

function writeEntries(dir: string, files: Record<string, RepoEntry>): void {
  for (const [path, entry] of Object.entries(files)) {
    const full = join(dir, path);
    rmSync(full, { force: true });
    if (entry === null) continue;
    mkdirSync(dirname(full), { recursive: true });
    if (typeof entry === "string") writeFileSync(full, entry);
    else symlinkSync(entry.symlink, full);
  }
}
