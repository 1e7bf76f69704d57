/**
 * The hidden line that records which head commit a sticky comment was written for, so a run for
 * an older head can tell it would overwrite a newer report.
 */
const PATTERN = /\n?<!-- batch-advisor:head ([0-9a-f]{7,64}) -->\n?/i;

/**
 * The body with its head line: after the text, where it changes no rendering.
 * @example withHead("<!-- batch-advisor:comment -->\nreport\n", "cccc…")
 *   // "<!-- batch-advisor:comment -->\nreport\n<!-- batch-advisor:head cccc… -->\n"
 */
export function withHead(body: string, sha: string): string {
  return `${withoutHead(body).replace(/\n*$/, "\n")}<!-- batch-advisor:head ${sha} -->\n`;
}

/**
 * The head a comment was written for, or undefined when it records none (written before the
 * line existed, or by hand).
 * @example recordedHead("…<!-- batch-advisor:head cccc… -->") // "cccc…"
 */
export function recordedHead(body: string): string | undefined {
  return PATTERN.exec(body)?.[1]?.toLowerCase();
}

/** The body without its head line: two reports of the same text for different commits are the same report. */
export function withoutHead(body: string): string {
  return body.replace(PATTERN, "\n");
}
