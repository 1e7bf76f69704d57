/**
 * Writes a number in the style of the value it replaces: exponent form stays exponent form
 * ("3e-4" → "4.24e-4"), decimals stay decimals ("0.0003" → "0.000424"), quotes are kept.
 * Three significant digits, or as many as the original had.
 * @example formatLike(0.000424264, "3e-4") // "4.24e-4"
 */
export function formatLike(value: number, raw: string | undefined): string {
  const text = (raw ?? "").trim();
  const quote = /^(['"]).*\1$/.test(text) ? text[0] : "";
  const body = quote ? text.slice(1, -1) : text;
  const mantissa = /^[-+]?(\d*\.?\d*)/.exec(body)?.[1] ?? "";
  const digits = Math.max(3, mantissa.replace(/^0*\.?0*/, "").replace(".", "").length);
  let out: string;
  if (/e/i.test(body) || (!body && (value < 1e-3 || value >= 1e5))) {
    const [m, e] = value.toExponential(digits - 1).split("e");
    const exp = Number(e);
    const padded = /e-0\d/i.test(body) ? `${exp < 0 ? "-" : ""}${String(Math.abs(exp)).padStart(2, "0")}` : String(exp);
    out = `${trimZeros(m)}${/E/.test(body) ? "E" : "e"}${padded}`;
  } else {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(value))));
    out = trimZeros(value.toFixed(decimals));
  }
  return `${quote}${out}${quote}`;
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}
