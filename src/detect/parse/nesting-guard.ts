/**
 * Nesting checks run before the JSON and YAML libraries, which recurse once per level and
 * overflow the stack near a thousand levels. No real config nests past a few dozen.
 */
export const MAX_NESTING = 256;

/**
 * The offset where JSON/JSONC brackets first nest deeper than `MAX_NESTING`, skipping strings
 * and comments; undefined when they never do.
 * @example jsonNestingFault("[".repeat(300)) // 256
 */
export function jsonNestingFault(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? text.length : eol;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "[" || c === "{") {
      if (++depth > MAX_NESTING) return i;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * The offset where YAML nests deeper than `MAX_NESTING`: flow brackets, block indentation and
 * `- - -` compact sequences together. Quoted text, comments and block scalars (`|`, `>`) are
 * skipped, so their contents never count.
 * @example yamlNestingFault("a: " + "[".repeat(300)) // 259
 */
export function yamlNestingFault(text: string): number | undefined {
  let flow = 0;
  let quote: string | null = null;
  const indents: number[] = [];
  let scalarIndent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const eol = text.indexOf("\n", lineStart) < 0 ? text.length : text.indexOf("\n", lineStart);
    const line = text.slice(lineStart, eol);
    const indent = /^ */.exec(line)![0].length;
    const blank = /^\s*(#.*)?$/.test(line);
    if (scalarIndent >= 0 && (blank || indent > scalarIndent)) {
      lineStart = eol + 1;
      continue;
    }
    scalarIndent = -1;
    if (!quote && flow === 0 && !blank) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      const dashes = /^(?:-[ \t]+)*/.exec(line.slice(indent))![0].replace(/[^-]/g, "").length;
      if (indents.length + dashes > MAX_NESTING) return lineStart + indent;
      if (/(^|[\s:])[|>][-+0-9]*[ \t]*(#.*)?$/.test(line)) scalarIndent = indent;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (quote === '"' && c === "\\") i++;
        else if (c === quote) quote = null;
      } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) break;
      else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
      else if (c === "[" || c === "{") {
        if (++flow + indents.length > MAX_NESTING) return lineStart + i;
      } else if (c === "]" || c === "}") flow = Math.max(0, flow - 1);
    }
    lineStart = eol + 1;
  }
  return undefined;
}
