import type { SeededRandom } from "../seeded-random.js";

/** Rows kept from a user's sample: enough for a proxy, small enough to hold and parse in a blink. */
export const MAX_SAMPLE_ROWS = 50_000;
/** Cells kept (rows × columns): a wide sample keeps fewer rows, so memory stays bounded. */
export const MAX_SAMPLE_CELLS = 4_000_000;
/** Longest record (CSV record or JSONL line) in characters: an unterminated quote cannot swallow the file. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** Characters of text cells kept at once (labels; features are numbers). */
const MAX_TEXT_CHARS = 64 * 1024 * 1024;

export interface SampleTable {
  columns: string[];
  /** Cells as written (numbers parsed), one array per row kept. */
  rows: Array<Array<string | number>>;
  /** 1-based source line of each row, for error messages. */
  lines: number[];
  /** Rows in the file; more than `rows.length` when the rows were sampled. */
  totalRows: number;
}

export interface SampleFormat {
  format: "csv" | "jsonl";
  source: string;
}

/**
 * Parses a CSV (header row, RFC 4180 quoting) or JSONL (one flat object per line) sample held in
 * memory; more than MAX_SAMPLE_ROWS rows is an error (`readSample` samples instead). Errors name
 * the file and line.
 * @example parseSample("x,y,label\n1,2,0\n", { format: "csv", source: "sample.csv" }).rows // [[1, 2, 0]]
 */
export function parseSample(text: string, options: SampleFormat): SampleTable {
  const reader = sampleReader(options);
  reader.push(text);
  return reader.end();
}

/**
 * Reads a sample of any length as a stream of text chunks, keeping at most MAX_SAMPLE_ROWS rows
 * (fewer for a wide file): past that, rows are chosen by reservoir sampling (Vitter's Algorithm R)
 * drawn from `rng`, so a seed gives the same sample every run and a file that fits is kept whole
 * without a single draw.
 * @example await readSample(createReadStream("big.csv", "utf8"), { format: "csv", source: "big.csv", rng })
 */
export async function readSample(
  chunks: AsyncIterable<string>,
  options: SampleFormat & { rng: SeededRandom /** Default MAX_SAMPLE_ROWS. */; maxRows?: number },
): Promise<SampleTable> {
  const reader = sampleReader(options);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.end();
}

interface Reader {
  push(chunk: string): void;
  end(): SampleTable;
}

function sampleReader(options: SampleFormat & { rng?: SeededRandom; maxRows?: number }): Reader {
  const { source } = options;
  let columns: string[] | null = null;
  let reservoir: Reservoir | null = null;
  const start = (names: string[]) => {
    columns = names;
    const capacity = Math.max(
      1,
      Math.min(options.maxRows ?? MAX_SAMPLE_ROWS, Math.floor(MAX_SAMPLE_CELLS / Math.max(1, names.length))),
    );
    reservoir = new Reservoir({ capacity, rng: options.rng, source });
  };
  const finish = (): SampleTable => {
    if (!columns || !reservoir) throw new Error(`${source}: empty file`);
    return { columns, rows: reservoir.rows, lines: reservoir.lines, totalRows: reservoir.seen };
  };

  if (options.format === "jsonl") {
    const lines = lineSplitter(source, (raw, line) => {
      if (raw.trim() === "") return;
      const record = jsonRecord(raw, `${source}:${line}`);
      if (!columns) start(Object.keys(record));
      reservoir!.add(jsonRow(record, columns!, `${source}:${line}`), line);
    });
    return {
      push: lines.push,
      end: () => {
        lines.end();
        return finish();
      },
    };
  }

  const records = csvRecords(source, (fields, line) => {
    if (!columns) return start(fields.map((f) => f.trim()));
    if (fields.length === 1 && fields[0].trim() === "") return;
    if (fields.length !== columns.length)
      throw new Error(`${source}:${line}: ${fields.length} fields, but the header has ${columns.length}`);
    reservoir!.add(fields.map(cell), line);
  });
  return {
    push: records.push,
    end: () => {
      records.end();
      return finish();
    },
  };
}

/** Keeps up to `capacity` rows; past that each new row replaces a random kept one with probability capacity ÷ seen. */
class Reservoir {
  readonly rows: Array<Array<string | number>> = [];
  readonly lines: number[] = [];
  seen = 0;
  private textChars = 0;

  constructor(private options: { capacity: number; rng?: SeededRandom; source: string }) {}

  add(row: Array<string | number>, line: number): void {
    const { capacity, rng, source } = this.options;
    this.seen++;
    let slot = this.rows.length;
    if (slot >= capacity) {
      if (!rng) throw new Error(`${source}:${line}: more than ${capacity} rows`);
      slot = rng.int(this.seen);
      if (slot >= capacity) return;
      this.textChars -= textChars(this.rows[slot]);
    }
    this.rows[slot] = row;
    this.lines[slot] = line;
    this.textChars += textChars(row);
    if (this.textChars > MAX_TEXT_CHARS)
      throw new Error(
        `${source}:${line}: the text cells of the sample take more ` +
          `than ${MAX_TEXT_CHARS / 1048576} MiB; features must be numbers and labels short`,
      );
  }
}

function textChars(row: Array<string | number>): number {
  let n = 0;
  for (const c of row) if (typeof c === "string") n += c.length;
  return n;
}

function cell(field: string): string | number {
  const trimmed = field.trim();
  const n = Number(trimmed);
  return trimmed !== "" && Number.isFinite(n) ? n : trimmed;
}

function jsonRecord(raw: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new Error(`${where}: each line must be a JSON object`);
  return value as Record<string, unknown>;
}

function jsonRow(record: Record<string, unknown>, columns: string[], where: string): Array<string | number> {
  const missing = columns.filter((c) => !(c in record));
  if (missing.length)
    throw new Error(
      `${where}: missing field${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`,
    );
  return columns.map((c) => {
    const value = record[c];
    if (typeof value === "number" || typeof value === "string") return value;
    throw new Error(`${where}: field "${c}" must be a number or a string`);
  });
}

/** Lines of a chunked text (1-based numbers), each bounded by MAX_RECORD_CHARS. */
function lineSplitter(source: string, onLine: (text: string, line: number) => void) {
  // The unfinished line is kept in pieces, so a long line costs its length once, not once per chunk.
  let pieces: string[] = [];
  let pending = 0;
  let line = 0;
  return {
    push(chunk: string) {
      let from = 0;
      for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
        pieces.push(chunk.slice(from, nl));
        onLine(pieces.join(""), ++line);
        pieces = [];
        pending = 0;
        from = nl + 1;
      }
      if (from < chunk.length) {
        pieces.push(chunk.slice(from));
        pending += chunk.length - from;
        if (pending > MAX_RECORD_CHARS)
          throw new Error(`${source}:${line + 1}: a line longer than ${MAX_RECORD_CHARS / 1048576} MiB`);
      }
    },
    end() {
      if (pending > 0) onLine(pieces.join(""), ++line);
      pieces = [];
      pending = 0;
    },
  };
}

const PLAIN_RUN = /[^,"\r\n]+/y;
const QUOTED_RUN = /[^"\n]+/y;

/**
 * RFC 4180 records of a chunked text: quoted fields may hold commas, doubled quotes and newlines.
 * A chunk may end anywhere (inside a quote, between "\r" and "\n"); the state carries over.
 */
function csvRecords(source: string, onRecord: (fields: string[], line: number) => void) {
  let fields: string[] = [];
  let field = "";
  let size = 0;
  let quoted = false;
  /** A quote seen inside a quoted field: the next character says whether it was doubled. */
  let quoteSeen = false;
  /** A "\r" ended the last record: a "\n" right after it belongs to it. */
  let afterCR = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    onRecord(fields, recordLine);
    fields = [];
    field = "";
    size = 0;
    recordLine = ++line;
  };
  return {
    push(chunk: string) {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i];
        if (afterCR) {
          afterCR = false;
          if (ch === "\n") continue;
        }
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          quoted = false;
        }
        if (++size > MAX_RECORD_CHARS)
          throw new Error(
            `${source}:${recordLine}: a record longer than ${MAX_RECORD_CHARS / 1048576} MiB (an unterminated quote?)`,
          );
        if (quoted) {
          if (ch === '"') quoteSeen = true;
          else if (ch === "\n") {
            line++;
            field += ch;
          } else {
            QUOTED_RUN.lastIndex = i;
            const run = QUOTED_RUN.exec(chunk)![0];
            size += run.length - 1;
            field += run;
            i += run.length - 1;
          }
        } else if (ch === '"' && field.trim() === "") {
          quoted = true;
          field = "";
        } else if (ch === ",") {
          fields.push(field);
          field = "";
        } else if (ch === "\n" || ch === "\r") {
          afterCR = ch === "\r";
          endRecord();
        } else if (ch === '"') {
          field += ch;
        } else {
          // The plain run up to the next comma, line end or quote is copied in one slice.
          PLAIN_RUN.lastIndex = i;
          const run = PLAIN_RUN.exec(chunk)![0];
          size += run.length - 1;
          field += run;
          i += run.length - 1;
        }
      }
    },
    end() {
      if (quoteSeen) {
        quoteSeen = false;
        quoted = false;
      }
      if (quoted) throw new Error(`${source}:${recordLine}: unterminated quoted field`);
      if (field !== "" || fields.length > 0) endRecord();
    },
  };
}
