import type { Comment } from "../types.js";

/**
 * Collects `#` comments line by line. Quotes are tracked per line so `"a#b"` is not a comment;
 * good enough for YAML, TOML, shell and gin, where comments only matter as hints and decoys.
 */
export function scanHashComments(text: string): Comment[] {
  const comments: Comment[] = [];
  text.split("\n").forEach((lineText, i) => {
    let quote: string | null = null;
    for (let c = 0; c < lineText.length; c++) {
      const ch = lineText[c];
      if (quote) {
        if (ch === "\\") c++;
        else if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "#" && (c === 0 || /\s/.test(lineText[c - 1]))) {
        comments.push({ line: i + 1, text: lineText.slice(c + 1).trim() });
        break;
      }
    }
  });
  return comments;
}
