import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

/** A walk outside git stops after this many files: a home folder is not a repository. */
export const MAX_WALKED_FILES = 100_000;

const run = promisify(execFile);

/**
 * The files of a local folder, relative to it: `git ls-files` (tracked and untracked, .gitignore
 * respected) in a work tree, else a walk that skips node_modules and dot-folders (.git, .venv).
 * Nothing is executed but git with fixed arguments; symlinks are not followed.
 * @example await listWorkTree("/repo") // ["configs/sft.yaml", "scripts/train.sh", …]
 */
export async function listWorkTree(root: string): Promise<string[]> {
  try {
    const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.split("\0").filter((p) => p !== "");
  } catch {
    return walk(root);
  }
}

async function walk(root: string, folder = "", out: string[] = []): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
      await walk(root, path, out);
    else if (entry.isFile()) out.push(path);
    if (out.length > MAX_WALKED_FILES) break;
  }
  return out;
}
