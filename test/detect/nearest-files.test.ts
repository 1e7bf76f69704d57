import { describe, expect, it } from "vitest";
import { nearestFiles } from "../../src/detect/nearest-files.js";

describe("nearestFiles", () => {
  const files = ["other/deep/x.py", "configs/_base_/a.py", "configs/rtmdet/b.py", "configs/rtmdet/c.yaml", "README.md"];

  it("keeps matching files, the ones sharing the longest folder prefix with a target first", () => {
    expect(nearestFiles({ files, pattern: /\.py$/, near: ["configs/rtmdet/changed.py"], limit: 10 })).toEqual([
      "configs/rtmdet/b.py",
      "configs/_base_/a.py",
      "other/deep/x.py",
    ]);
  });

  it("stops at the limit, dropping the farthest", () => {
    expect(nearestFiles({ files, pattern: /\.(py|yaml)$/, near: ["configs/_base_/z.py"], limit: 2 })).toEqual([
      "configs/_base_/a.py",
      "configs/rtmdet/b.py",
    ]);
  });
});
