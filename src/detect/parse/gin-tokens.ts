/**
 * Tokens of a gin-config file. Gin values are Python literals plus `@ref` and `%MACRO`; newlines
 * end a binding except inside brackets or after a `\`, as in Python.
 */
export type GinTokenKind = "name" | "string" | "number" | "ref" | "macro" | "punct" | "newline" | "error";

export interface GinToken {
  kind: GinTokenKind;
  text: string;
  offset: number;
  /** For the first token of a line: whether the line is indented (a block-form body line). */
  indented?: boolean;
}

export interface GinLexed {
  tokens: GinToken[];
  comments: Array<{ offset: number; text: string }>;
}

const NAME = /[A-Za-z_][\w./]*/y;
const NUMBER = /(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)/y;
const STRING =
  /[rRbBuU]{0,2}(?:'''[\s\S]*?(?:'''|$)|"""[\s\S]*?(?:"""|$)|'(?:[^'\\\n]|\\[\s\S])*'?|"(?:[^"\\\n]|\\[\s\S])*"?)/y;

/** @example lexGin("BATCH_SIZE = 128\n").tokens.map((t) => t.kind) // ["name", "punct", "number", "newline"] */
export function lexGin(text: string): GinLexed {
  const tokens: GinToken[] = [];
  const comments: GinLexed["comments"] = [];
  let depth = 0;
  let lineStart = true;
  let i = 0;
  const push = (token: GinToken, indented?: boolean) => {
    if (lineStart && token.kind !== "newline") token.indented = indented;
    tokens.push(token);
    if (token.kind !== "newline") lineStart = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    const indented = lineStart && i > 0 && text[i - 1] !== "\n";
    if (c === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n")))
      i += text[i + 1] === "\n" ? 2 : 3;
    else if (c === "\n") {
      if (depth === 0 && !lineStart) push({ kind: "newline", text: "\n", offset: i });
      if (depth === 0) lineStart = true;
      i++;
    } else if (c === "#") {
      const eol = text.indexOf("\n", i);
      const end = eol < 0 ? text.length : eol;
      comments.push({ offset: i, text: text.slice(i + 1, end).trim() });
      i = end;
    } else if (c === "@" || c === "%") {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(text);
      const name = m ? m[0] : "";
      let end = i + 1 + name.length;
      if (c === "@" && text.startsWith("()", end)) end += 2;
      push({ kind: c === "@" ? "ref" : "macro", text: text.slice(i, end), offset: i }, indented);
      i = end;
    } else if (match(STRING, text, i) && /^[rRbBuU]{0,2}['"]/.test(text.slice(i, i + 3))) {
      const s = match(STRING, text, i)!;
      push({ kind: "string", text: s, offset: i }, indented);
      i += s.length;
    } else if (/[0-9.]/.test(c) && match(NUMBER, text, i)) {
      const n = match(NUMBER, text, i)!;
      push({ kind: "number", text: n, offset: i }, indented);
      i += n.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const n = match(NAME, text, i)!;
      push({ kind: "name", text: n, offset: i }, indented);
      i += n.length;
    } else {
      if ("([{".includes(c)) depth++;
      else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
      push({ kind: "=,:-+()[]{}".includes(c) ? "punct" : "error", text: c, offset: i }, indented);
      i++;
    }
  }
  if (!lineStart) push({ kind: "newline", text: "\n", offset: text.length });
  return { tokens, comments };
}

function match(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  const m = re.exec(text);
  return m && m[0].length > 0 ? m[0] : undefined;
}
