/**
 * The head-side line numbers a unified diff shows (added and context lines): the only lines
 * GitHub accepts a review comment on with `side: "RIGHT"`.
 * @example commentableLines("@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n+b: 3") // Set { 1, 2 }
 */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of (patch ?? "").split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
    } else if (!inHunk || line.startsWith("-") || line.startsWith("\\")) {
      // Removed lines exist only at base; "\ No newline at end of file" is no line at all.
    } else {
      lines.add(next++);
    }
  }
  return lines;
}
