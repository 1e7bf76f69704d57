import type { ChangeSource, Side } from "../source/types.js";

/**
 * Bytes of files one run reads for detection (changed configs, the files they inherit, launch
 * scripts, configs searched for inheritors), every read counted, a file read again counted again
 * (it is parsed again). Each file is bounded on its own (10 MiB read, 2 MiB parsed), but not their
 * sum: junk is slow to parse (on 2 shared cores, 1 MiB of junk YAML took 31 s, of junk Python 17 s),
 * so 300 changed files of 2 MiB could hold a runner for hours. A real pull request reads well under
 * 1 MiB, and even 500 searched configs of 20 KB read 10 MB; past 32 MiB (at most about 17 minutes of
 * the slowest junk) the rest is named as not read.
 */
export const MAX_DETECT_BYTES = 32 * 1024 * 1024;

/** Why a file was not read once the budget was spent (src/report/messages words it again). */
export function budgetReason(maxBytes: number): string {
  return `not read: the run had already read its budget of ${formatMiB(maxBytes)} MiB of configs`;
}

/** A source's reads, counted against one run's budget. */
export interface ReadBudget {
  /** The file's text, or null without reading it once the budget is spent (the path is then in `refused`). */
  read(side: Side, path: string): Promise<string | null>;
  /** True once the bytes read reach the budget: nothing more is read. */
  spent(): boolean;
  /** Paths refused, in the order they were asked for, each once. */
  readonly refused: readonly string[];
  /** Reads refused so far, a path asked for again counted again: a caller compares it before and after its reads. */
  refusals(): number;
  readonly maxBytes: number;
}

/**
 * Reads through `source` until `maxBytes` have been read; the read that crosses the budget is
 * kept (it is already bounded per file), every later one is refused without touching the source.
 * @example const budget = readBudget(source); await budget.read("head", "a.yaml"); budget.spent() // false
 */
export function readBudget(source: ChangeSource, maxBytes = MAX_DETECT_BYTES): ReadBudget {
  let used = 0;
  let refusals = 0;
  const refused: string[] = [];
  return {
    maxBytes,
    refused,
    spent: () => used >= maxBytes,
    refusals: () => refusals,
    async read(side, path) {
      if (used >= maxBytes) {
        refusals++;
        if (!refused.includes(path)) refused.push(path);
        return null;
      }
      const text = await source.read(side, path);
      if (text !== null) used += Buffer.byteLength(text, "utf8");
      return text;
    },
  };
}

function formatMiB(bytes: number): string {
  const mib = bytes / 1048576;
  return Number.isInteger(mib) ? String(mib) : mib.toFixed(2);
}
