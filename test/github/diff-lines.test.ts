import { describe, expect, it } from "vitest";
import { commentableLines } from "../../src/github/diff-lines.js";

describe("commentableLines", () => {
  it("counts added and context lines at head, not removed ones", () => {
    const patch = [
      "@@ -3,4 +3,5 @@ model:",
      " hidden: 512",
      "-batch_size: 8",
      "+batch_size: 32",
      "+grad_accum: 2",
      " lr: 1e-4",
      " epochs: 3",
    ].join("\n");
    expect([...commentableLines(patch)]).toEqual([3, 4, 5, 6, 7]);
  });

  it("follows several hunks and skips the no-newline marker", () => {
    const patch = [
      "@@ -1 +1 @@",
      "-a: 1",
      "+a: 2",
      "@@ -40,2 +40,2 @@",
      " b: 1",
      "-c: 2",
      "+c: 3",
      "\\ No newline at end of file",
    ].join("\n");
    expect([...commentableLines(patch)]).toEqual([1, 40, 41]);
  });

  it("has no lines for a file without a patch (binary or too large a diff)", () => {
    expect(commentableLines(undefined).size).toBe(0);
  });
});
