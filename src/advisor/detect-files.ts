import { relative, resolve } from "node:path";
import type { DetectResult } from "../detect/detect-changes.js";
import { detectConfig } from "../detect/detect-config.js";
import { rootForFile } from "../source/find-repo-root.js";
import { listWorkTree } from "../source/list-work-tree.js";
import { readRegularFile } from "../source/read-regular-file.js";

/**
 * `batch-advisor detect FILE…`: each file read as `analyze` reads a config of its tree
 * (`detectConfig`: its bases, its framework, and the devices of a launch script beside it), its
 * other files kept inside its repository (or folder). A file that cannot be read, or an inherited
 * file refused, is named in `skipped`; reports keep the path as typed.
 * @example (await detectFiles(["configs/sft.yaml"])).files[0].effective.formula // "… — devices from scripts/train.sh"
 */
export async function detectFiles(paths: string[], options: { devices?: number } = {}): Promise<DetectResult> {
  const result: DetectResult = { files: [], changes: [], baseFiles: [], skipped: [] };
  const trees = new Map<string, Promise<string[]>>();
  for (const typed of paths) {
    const own = await readRegularFile(typed);
    if (!own.ok) {
      result.skipped.push({
        path: typed,
        reason: own.missing ? "cannot be read (missing, a folder, or no permission)" : own.reason,
      });
      continue;
    }
    // The file was typed by the user and is read wherever it is; what it names stays inside its root.
    const root = rootForFile(typed);
    const path = relative(root, resolve(typed)).split("\\").join("/");
    const read = async (p: string) => {
      if (p === path) return own.text;
      const file = await readRegularFile(p, { root });
      if (!file.ok && !file.missing && !result.skipped.some((s) => s.path === p))
        result.skipped.push({ path: p, reason: file.reason });
      return file.ok ? file.text : null;
    };
    const files = () => {
      let listed = trees.get(root);
      if (!listed) trees.set(root, (listed = listWorkTree(root)));
      return listed;
    };
    const report = await detectConfig({ path, read, files, devices: options.devices });
    if (report) result.files.push({ ...report, path: typed });
  }
  return result;
}
