import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * The top of the git work tree holding `path` (the nearest folder with a `.git` entry), found
 * without running git; null outside any repository.
 * @example findRepoRoot("configs/train.yaml") // "/home/me/project"
 */
export function findRepoRoot(path: string): string | null {
  let dir = resolve(path);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * The folder a local config's other files (inherited bases, Hydra defaults) must stay inside:
 * the git work tree holding it, else the current folder when the file is under it, else the
 * file's own folder.
 */
export function rootForFile(file: string): string {
  const dir = dirname(resolve(file));
  const repo = findRepoRoot(dir);
  if (repo) return repo;
  const cwd = process.cwd();
  const rel = relative(cwd, dir);
  return rel === ".." || rel.startsWith("../") || isAbsolute(rel) ? dir : cwd;
}
