import type { BatchChange, FileReport } from "../detect/types.js";

export interface FileChanges {
  path: string;
  changes: BatchChange[];
  head: FileReport;
  base?: FileReport;
  /** The change the estimate is written for: the batch itself when it changed, else the first. */
  primary: BatchChange;
}

const PRIMARY_ORDER = ["global_batch", "micro_batch", "tokens_per_batch", "grad_accum", "devices", "nodes"];

/**
 * One group per config file: a PR that sets `per_device_train_batch_size: 32` and
 * `gradient_accumulation_steps: 1` in one file changes one effective batch, so it gets one estimate.
 */
export function groupChanges(args: {
  changes: BatchChange[];
  files: FileReport[];
  baseFiles: FileReport[];
}): FileChanges[] {
  const groups = new Map<string, BatchChange[]>();
  for (const c of args.changes) groups.set(c.path, [...(groups.get(c.path) ?? []), c]);
  const result: FileChanges[] = [];
  for (const [path, changes] of groups) {
    const head = args.files.find((f) => f.path === path);
    if (!head) continue;
    const rank = (c: BatchChange) => {
      const i = PRIMARY_ORDER.indexOf(c.role);
      return i === -1 ? PRIMARY_ORDER.length : i;
    };
    const primary = [...changes].sort((a, b) => rank(a) - rank(b) || a.line - b.line)[0];
    result.push({ path, changes, head, base: args.baseFiles.find((f) => f.path === path), primary });
  }
  return result;
}
