/**
 * A cell of a GFM table: every pipe escaped, even one inside a code span or after a backslash
 * (GitHub splits cells on any unescaped "|" before it parses the cell, then drops the escaping
 * backslash), and no line break.
 * @example escapeCell("a|b\nc") // "a\\|b c"
 */
export function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, " ");
}
