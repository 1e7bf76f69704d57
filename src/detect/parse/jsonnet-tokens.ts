import { syntaxError } from "../parse-problem.js";
import type { ParsedConfig, ParseError } from "../types.js";
import { lineIndex } from "./line-index.js";

/** Bounds for hostile files: tokens read and expression depth. */
export const JSONNET_LIMITS = { maxTokens: 200_000, maxDepth: 100 };

/** Field separators (`:`, `::`, `:::`, `+:` …) and operators, longest first. */
const OPERATOR = /^(?:::?:?|\+:::?|\+::?|==|!=|<=|>=|&&|\|\||<<|>>|[{}[\]().,;:+\-*/%<>=!~&|^$])/;

/** A Jsonnet token: number, string, identifier or operator, at its character offset. */
export type Tok = { kind: "num" | "str" | "id" | "op"; text: string; value?: string | number; offset: number };

/** A Jsonnet syntax error at a character offset, turned into a line by the parser. */
export class JsonnetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The file as tokens, or undefined with the error recorded in `out`; bounded by JSONNET_LIMITS.maxTokens. */
export function tokenize(text: string, out: ParsedConfig): Tok[] | undefined {
  const toks: Tok[] = [];
  const at = lineIndex(text);
  let i = 0;
  while (i < text.length) {
    if (toks.length > JSONNET_LIMITS.maxTokens) {
      out.errors.push(tooManyTokens());
      return undefined;
    }
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const eol = text.indexOf("\n", i);
      const end = eol < 0 ? text.length : eol;
      out.comments.push({ line: at(i).line, text: text.slice(i + (c === "#" ? 1 : 2), end).trim() });
      i = end;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (text.startsWith("|||", i)) {
      const end = text.indexOf("|||", i + 3);
      const stop = end < 0 ? text.length : end;
      // A text block's lines lose the indentation of its first line.
      const body = text.slice(i + 3, stop).replace(/^[^\n]*\n/, "");
      const indent = /^[ \t]*/.exec(body)?.[0] ?? "";
      const value = body
        .split("\n")
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
        .join("\n")
        .replace(/[ \t]*$/, "");
      toks.push({ kind: "str", text: text.slice(i, stop + 3), value, offset: i });
      i = stop + 3;
      continue;
    }
    const verbatim = c === "@" && (text[i + 1] === '"' || text[i + 1] === "'");
    if (c === '"' || c === "'" || verbatim) {
      const q = verbatim ? text[i + 1] : c;
      let j = i + (verbatim ? 2 : 1);
      let s = "";
      while (j < text.length && text[j] !== q) {
        if (text[j] === "\\" && !verbatim) {
          const e = text[j + 1];
          s += e === "n" ? "\n" : e === "t" ? "\t" : e;
          j += 2;
        } else s += text[j++];
      }
      if (j >= text.length) {
        out.errors.push(syntaxError("Jsonnet", "unterminated string", at(i)));
        return undefined;
      }
      toks.push({ kind: "str", text: text.slice(i, j + 1), value: s, offset: i });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (num) {
      toks.push({ kind: "num", text: num[0], value: Number(num[0]), offset: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_]\w*/.exec(text.slice(i, i + 256));
    if (id) {
      toks.push({ kind: "id", text: id[0], offset: i });
      i += id[0].length;
      continue;
    }
    const op = OPERATOR.exec(text.slice(i, i + 4));
    if (!op) {
      out.errors.push(syntaxError("Jsonnet", `unexpected character ${JSON.stringify(c)}`, at(i)));
      return undefined;
    }
    toks.push({ kind: "op", text: op[0], offset: i });
    i += op[0].length;
  }
  return toks;
}

function tooManyTokens(): ParseError {
  return {
    message: `Jsonnet: more than ${JSONNET_LIMITS.maxTokens} tokens; the file was not read`,
    problem: { id: "parse.tooManyTokens", params: { format: "Jsonnet", max: JSONNET_LIMITS.maxTokens } },
  };
}
