import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { diffSettings } from "../../src/detect/diff-settings.js";
import { batchParts } from "../../src/report/batch-parts.js";
import type { ChangeGroup } from "../../src/report/types.js";

describe("batchParts", () => {
  it("shows the per-device share of a changed global batch with its value at base", () => {
    const base = detectFile("d2.yaml", "SOLVER:\n  IMS_PER_BATCH: 16\n", { devices: 8 });
    const head = detectFile("d2.yaml", "SOLVER:\n  IMS_PER_BATCH: 64\n", { devices: 8 });
    const group = {
      path: "d2.yaml",
      changes: diffSettings(base, head),
      baseParts: base.effective.parts,
    } as unknown as ChangeGroup;
    expect(batchParts(group, head).map((p) => [p.role, p.before, p.after, p.changed])).toEqual([
      ["micro_batch", 2, 8, true],
      ["grad_accum", 1, 1, false],
      ["devices", 8, 8, false],
    ]);
  });
});
