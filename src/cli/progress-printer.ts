import type { ProgressEvent } from "../proxy/types.js";

/**
 * Progress for a terminal (one bar redrawn in place) or a log (one line per phase), on stderr so
 * stdout stays the report. Returns the handler and a `done` that clears the bar.
 */
export function progressPrinter(write: (text: string) => void, isTTY: boolean) {
  let lastPhase = "";
  let drawn = false;
  const handler = (e: ProgressEvent & { group?: number }) => {
    const label = `${e.group !== undefined ? `change ${e.group + 1} · ` : ""}${e.phase}`;
    if (isTTY) {
      const width = 24;
      const filled = e.total > 0 ? Math.round((Math.min(e.step, e.total) / e.total) * width) : 0;
      const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
      write(`\r\x1b[2K${label.padEnd(22)} [${bar}] ${e.step}/${e.total}${e.message ? ` ${e.message}` : ""}`);
      drawn = true;
    } else if (label !== lastPhase) {
      write(`${label}${e.message ? `: ${e.message}` : ""}\n`);
    }
    lastPhase = label;
  };
  return {
    handler,
    done: () => {
      if (drawn) write("\r\x1b[2K");
    },
  };
}
