/** CPython's tokenizer refuses more than this many open brackets (MAXLEVEL in tokenizer.c). */
export const PYTHON_MAX_NESTING = 200;

/**
 * The offset where brackets first nest deeper than Python allows, skipping strings and comments;
 * undefined when they never do. Checked before @lezer/python, whose time grows steeply with depth
 * (tens of seconds for a few hundred kilobytes of `((((`).
 * @example pythonNestingFault("x = " + "(".repeat(300)) // 204
 */
export function pythonNestingFault(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "#") {
      const eol = text.indexOf("\n", i);
      if (eol < 0) return undefined;
      i = eol;
    } else if (c === '"' || c === "'") {
      i = stringEnd(text, i) - 1;
    } else if (c === "(" || c === "[" || c === "{") {
      if (++depth > PYTHON_MAX_NESTING) return i;
    } else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function stringEnd(text: string, i: number): number {
  const q = text[i];
  if (text.startsWith(q.repeat(3), i)) {
    let j = i + 3;
    for (;;) {
      const k = text.indexOf(q.repeat(3), j);
      if (k < 0) return text.length;
      if (!escaped(text, k)) return k + 3;
      j = k + 1;
    }
  }
  let j = i + 1;
  while (j < text.length && text[j] !== q && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
  return Math.min(j + 1, text.length);
}

function escaped(text: string, k: number): boolean {
  let n = 0;
  for (let j = k - 1; j >= 0 && text[j] === "\\"; j--) n++;
  return n % 2 === 1;
}
