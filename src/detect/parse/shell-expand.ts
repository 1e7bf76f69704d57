import { shellArithmetic } from "./shell-arith.js";
import type { Word, WordPart } from "./shell-lexer.js";
import type { DetectionReason } from "../reason.js";
import { unknownReason } from "./unknown-value.js";

/**
 * A run of expanded text with the offset where it was written, so a flag that came out of
 * `$ARGS` is reported on the line that defines ARGS. `unknown` marks text only known at run time.
 */
export interface Segment {
  text: string;
  offset: number;
  /** Unquoted expansion: blanks in it separate words. */
  split: boolean;
  /** Quoted text: makes a word even when empty (`""`). */
  quoted: boolean;
  unknown?: DetectionReason;
}

/** One word after expansion and word splitting. */
export interface Field {
  segments: Segment[];
  offset: number;
  raw: string;
  /**
   * How many words before this one in its command stand for a number of words known only at run
   * time (`"$@"`, an unset unquoted `$ARGS`): a positional's `$N` is known only relative to words
   * with the same count.
   */
  drift?: number;
  /**
   * This word itself may be any number of words at run time: "spread" passes on the caller's
   * arguments (`"$@"`, `${@:3}`) or an unknown array; "split" is an unknown unquoted expansion.
   */
  drifts?: "spread" | "split";
}

export interface ShellVar {
  segments: Segment[];
  /** Elements, for arrays `NAME=(a b)`. */
  elements?: Segment[][];
  offset: number;
}

/** Expansions that could multiply (`A="$A$A"` in a loop) stop here, reported as unknown. */
const MAX_VALUE_CHARS = 100_000;
const MAX_VALUE_SEGMENTS = 5_000;

/**
 * Shell variables set so far in the file, read top to bottom. A variable the file never sets is
 * unknown, with unknown-value.ts's reason; `${VAR:-8}` then takes its default.
 */
export class ShellVars {
  private vars = new Map<string, ShellVar>();

  get(name: string): ShellVar | undefined {
    return this.vars.get(name);
  }

  set(name: string, value: ShellVar): void {
    const chars = value.segments.reduce((n, s) => n + s.text.length, 0);
    if (chars > MAX_VALUE_CHARS || value.segments.length > MAX_VALUE_SEGMENTS) {
      value = {
        offset: value.offset,
        segments: [
          {
            text: "",
            offset: value.offset,
            split: false,
            quoted: true,
            unknown: { id: "value.tooLongToExpand" },
          },
        ],
      };
    }
    this.vars.set(name, value);
  }

  unset(name: string): void {
    this.vars.delete(name);
  }

  /** `$VAR` expanded as bash would, without word splitting. */
  expandParts(parts: WordPart[], depth = 0): Segment[] {
    const out: Segment[] = [];
    for (const part of parts) {
      if (part.kind === "lit") out.push({ text: part.text, offset: part.offset, split: false, quoted: part.quoted });
      else if (part.kind === "cmdsub") out.push(this.commandOutput(part));
      else if (part.kind === "arith") {
        const r = shellArithmetic(part.expr, this);
        out.push(
          "value" in r
            ? { text: String(r.value), offset: part.offset, split: !part.quoted, quoted: part.quoted }
            : unknownSegment(r.reason, part.raw, part.offset),
        );
      } else out.push(...this.variable(part, depth));
    }
    return out;
  }

  /**
   * `$(expr 16 / $N)` is integer arithmetic, as `$((16 / N))` is: read the same way (nothing is
   * run). Any other command's output is known only at run time.
   */
  private commandOutput(part: Extract<WordPart, { kind: "cmdsub" }>): Segment {
    const expr = /^\$\(\s*expr\s+([^`$()]*(?:\$\{?\w+\}?[^`$()]*)*)\)$/.exec(part.raw);
    if (expr) {
      const r = shellArithmetic(expr[1].replace(/\\\*/g, "*").replace(/(["'])(.*?)\1/g, "$2"), this);
      if ("value" in r) return { text: String(r.value), offset: part.offset, split: !part.quoted, quoted: part.quoted };
    }
    return unknownSegment({ id: "value.shellCommand" }, part.raw, part.offset);
  }

  /** Expands a word into fields: unquoted expansions split on blanks, `"$@"` vanishes. */
  expandWord(word: Word): Field[] {
    const fields = splitFields(this.expandParts(word.parts));
    if (fields.length === 1) return [{ ...fields[0], offset: word.start, raw: word.raw }];
    return fields;
  }

  private variable(part: Extract<WordPart, { kind: "var" }>, depth: number): Segment[] {
    const reason = reasonFor(part);
    if (part.complex && part.raw.startsWith("${{"))
      return [unknownSegment({ id: "value.actionsExpression", params: { expr: part.raw } }, part.raw, part.offset)];
    if (part.complex)
      return [unknownSegment({ id: "value.shellExpansion", params: { expr: part.raw } }, part.raw, part.offset)];
    if (part.name === "@" || part.name === "*") return [];
    const v = /^[A-Za-z_]/.test(part.name) ? this.vars.get(part.name) : undefined;
    const value = v && (part.all && v.elements ? joinElements(v.elements) : v.segments);
    const isEmpty = value !== undefined && value.every((s) => !s.unknown && s.text === "");
    const arg = () => (depth > 32 ? [] : this.expandParts(part.arg ?? [], depth + 1));
    const mark = (segs: Segment[]) =>
      segs.map((s) => (s.unknown || s.text === " \u0000" ? s : { ...s, split: !part.quoted, quoted: part.quoted }));
    switch (part.op) {
      case ":-":
      case "-":
      case ":=":
      case "=": {
        // A variable the file does not set takes the default the file gives (`BS=${BS:-8}` → 8).
        const useDefault = value === undefined || (part.op.startsWith(":") && isEmpty);
        if (!useDefault) return mark(value);
        const d = arg();
        if (part.op.endsWith("=") && /^[A-Za-z_]/.test(part.name))
          this.set(part.name, { segments: d, offset: part.offset });
        return mark(d);
      }
      case ":+":
      case "+":
        if (value === undefined || (part.op === ":+" && isEmpty)) return [];
        return value.some((s) => s.unknown) ? [unknownSegment(reason, part.raw, part.offset)] : mark(arg());
      default:
        return value === undefined ? [unknownSegment(reason, part.raw, part.offset)] : mark(value);
    }
  }
}

function reasonFor(part: Extract<WordPart, { kind: "var" }>): DetectionReason {
  if (/^[?$!-]$/.test(part.name)) return { id: "value.shellSpecial", params: { name: `$${part.name}` } };
  return unknownReason(`$${part.name}`) ?? { id: "value.shellVar", params: { name: part.name } };
}

function unknownSegment(reason: DetectionReason, raw: string, offset: number): Segment {
  return { text: raw, offset, split: false, quoted: true, unknown: reason };
}

/** Array elements become separate words even when quoted, as `"${ARR[@]}"` does. */
function joinElements(elements: Segment[][]): Segment[] {
  const out: Segment[] = [];
  elements.forEach((el, i) => {
    if (i > 0) out.push({ text: " \u0000", offset: el[0]?.offset ?? 0, split: true, quoted: false });
    out.push(...el.map((s) => ({ ...s, quoted: true })));
  });
  return out;
}

/**
 * Word splitting: blanks in unquoted expansions end a word; quoted text and unknown values never
 * split. @example splitFields([{ text: "--bs 8", split: true, … }]).length // 2
 */
function splitFields(segments: Segment[]): Field[] {
  const fields: Field[] = [];
  let cur: Segment[] | undefined;
  const close = () => {
    if (cur && cur.length)
      fields.push({
        segments: cur,
        offset: (cur.find((s) => s.text !== "") ?? cur[0]).offset,
        raw: cur.map((s) => s.text).join(""),
      });
    cur = undefined;
  };
  for (const seg of segments) {
    if (seg.split && !seg.unknown) {
      const re = /[ \t\n\u0000]+/g;
      let last = 0;
      for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
        if (m.index > last)
          (cur ??= []).push({ ...seg, text: seg.text.slice(last, m.index), offset: seg.offset + last, split: false });
        close();
        last = m.index + m[0].length;
      }
      if (last < seg.text.length)
        (cur ??= []).push({ ...seg, text: seg.text.slice(last), offset: seg.offset + last, split: false });
    } else if (seg.text !== "" || seg.quoted || seg.unknown) (cur ??= []).push(seg);
  }
  close();
  return fields;
}

/** The text of a field when every part is known; otherwise the first reason. */
export function fieldValue(field: Field): { text: string } | { reason: DetectionReason } {
  const unknown = field.segments.find((s) => s.unknown);
  if (unknown?.unknown) return { reason: unknown.unknown };
  return { text: field.segments.map((s) => s.text).join("") };
}
