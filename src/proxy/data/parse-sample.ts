/** Row limit of a user's sample: enough for a proxy, small enough to parse in a blink. */
export const MAX_SAMPLE_ROWS = 50_000;

export interface SampleTable {
  columns: string[];
  /** Cells as written (numbers parsed), one array per row. */
  rows: Array<Array<string | number>>;
  /** 1-based source line of each row, for error messages. */
  lines: number[];
}

/**
 * Parses a CSV (header row, RFC 4180 quoting) or JSONL (one flat object per line) sample.
 * Errors name the file and line.
 * @example parseSample("x,y,label\n1,2,0\n", { format: "csv", source: "sample.csv" }).rows // [[1, 2, 0]]
 */
export function parseSample(text: string, options: { format: "csv" | "jsonl"; source: string }): SampleTable {
  return options.format === "csv" ? parseCsv(text, options.source) : parseJsonl(text, options.source);
}

function parseJsonl(text: string, source: string): SampleTable {
  const table: SampleTable = { columns: [], rows: [], lines: [] };
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new Error(`${source}:${line}: not valid JSON (${(error as Error).message})`);
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`${source}:${line}: each line must be a JSON object`);
    const record = value as Record<string, unknown>;
    if (table.columns.length === 0) table.columns = Object.keys(record);
    const missing = table.columns.filter((c) => !(c in record));
    if (missing.length) throw new Error(`${source}:${line}: missing field${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`);
    table.rows.push(table.columns.map((c) => {
      const cell = record[c];
      if (typeof cell === "number" || typeof cell === "string") return cell;
      throw new Error(`${source}:${line}: field "${c}" must be a number or a string`);
    }));
    table.lines.push(line);
    if (table.rows.length > MAX_SAMPLE_ROWS) throw new Error(`${source}:${line}: more than ${MAX_SAMPLE_ROWS} rows`);
  });
  return table;
}

function parseCsv(text: string, source: string): SampleTable {
  const records = csvRecords(text, source);
  const header = records.shift();
  if (!header) throw new Error(`${source}: empty file`);
  const table: SampleTable = { columns: header.fields.map((f) => f.trim()), rows: [], lines: [] };
  for (const record of records) {
    if (record.fields.length === 1 && record.fields[0].trim() === "") continue;
    if (record.fields.length !== table.columns.length) {
      throw new Error(`${source}:${record.line}: ${record.fields.length} fields, but the header has ${table.columns.length}`);
    }
    table.rows.push(record.fields.map((f) => {
      const trimmed = f.trim();
      const n = Number(trimmed);
      return trimmed !== "" && Number.isFinite(n) ? n : trimmed;
    }));
    table.lines.push(record.line);
    if (table.rows.length > MAX_SAMPLE_ROWS) throw new Error(`${source}:${record.line}: more than ${MAX_SAMPLE_ROWS} rows`);
  }
  return table;
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines. */
function csvRecords(text: string, source: string): Array<{ fields: string[]; line: number }> {
  const records: Array<{ fields: string[]; line: number }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ fields, line: recordLine });
      fields = [];
      field = "";
      recordLine = ++line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error(`${source}:${recordLine}: unterminated quoted field`);
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ fields, line: recordLine });
  }
  return records;
}
