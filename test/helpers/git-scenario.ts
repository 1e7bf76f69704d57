import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Builds a throwaway git repository from fixtures/scenarios/<name>: `base/` as the first commit,
 * `head/` as the second. Returns the repo folder; the two commits are tagged `base` and `head`.
 */
export function gitScenario(name: string): string {
  const repo = mkdtempSync(join(tmpdir(), `batch-advisor-${name}-`));
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  for (const side of ["base", "head"]) {
    for (const entry of execFileSync("git", ["-C", repo, "ls-files"], { encoding: "utf8" }).split("\n").filter(Boolean))
      rmSync(join(repo, entry));
    cpSync(new URL(`../../fixtures/scenarios/${name}/${side}`, import.meta.url), repo, { recursive: true });
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", side);
    git("tag", side);
  }
  return repo;
}
