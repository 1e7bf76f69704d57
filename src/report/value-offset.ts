import type { BatchSetting } from "../detect/types.js";

/**
 * Where a setting's raw value sits on its head line: at its column when that matches, else first
 * after the key, else last on the line; -1 when the setting has no raw text.
 * @example valueOffset("  lr: 1.0e-4  # was 1.0e-4", { key: "lr", raw: "1.0e-4", … }) // 6
 */
export function valueOffset(line: string, setting: BatchSetting): number {
  const raw = setting.raw;
  if (!raw) return -1;
  if (setting.column !== undefined && line.startsWith(raw, setting.column - 1)) return setting.column - 1;
  const leaf =
    setting.key
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? setting.key;
  const keyAt = line.indexOf(leaf);
  if (keyAt >= 0) {
    const after = line.indexOf(raw, keyAt + leaf.length);
    if (after >= 0) return after;
  }
  return line.lastIndexOf(raw);
}
