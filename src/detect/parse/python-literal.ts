import type { DetectionReason } from "../reason.js";
/**
 * Decodes Python number and string literals as the interpreter would read them, without running
 * anything. Shared by the Python and gin parsers (gin values are Python literals).
 */

/**
 * The number a Python numeric literal denotes, or a reason when it is not a plain number.
 * @example pythonNumber("1_000") // { value: 1000 }
 */
export function pythonNumber(text: string): { value: number } | { reason: DetectionReason } {
  const s = text.replace(/_/g, "");
  if (/[jJ]$/.test(s)) return { reason: { id: "value.complex", params: { value: text } } };
  let n: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0[oO][0-7]+$/.test(s)) n = parseInt(s.slice(2), 8);
  else if (/^0[bB][01]+$/.test(s)) n = parseInt(s.slice(2), 2);
  else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) n = Number(s);
  else return { reason: { id: "value.notNumberLiteral", params: { value: text } } };
  return Number.isFinite(n) ? { value: n } : { reason: { id: "value.tooLarge", params: { value: text } } };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "\n": "",
};

/**
 * The contents of a Python string literal (any prefix and quoting); undefined for f-strings, whose
 * contents are formatted at run time.
 * @example pythonString("r'a\\n'") // "a\\n"
 */
export function pythonString(text: string): string | undefined {
  const m = /^([rRbBuUfF]*)('''|"""|'|")/.exec(text);
  if (!m) return undefined;
  const prefix = m[1].toLowerCase();
  if (prefix.includes("f")) return undefined;
  const quote = m[2];
  let body = text.slice(m[0].length);
  // An unterminated literal (a syntax error) still yields what was written.
  if (body.endsWith(quote) && body.length >= quote.length) body = body.slice(0, body.length - quote.length);
  return prefix.includes("r") ? body : unescapePython(body);
}

function unescapePython(body: string): string {
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g,
    (whole, esc: string) => {
      if (esc in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[esc];
      if (/^[xuU]/.test(esc) && esc.length > 1) return safeCodePoint(parseInt(esc.slice(1), 16)) ?? whole;
      if (/^[0-7]+$/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
      return whole;
    },
  );
}

function safeCodePoint(n: number): string | undefined {
  return n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}
