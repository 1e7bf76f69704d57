import type { Language } from "../../config/schema.js";
import { formatNumber } from "../format-number.js";
import type { Translator } from "./translate.js";

/**
 * How a reason's words make its parameters safe: `code` for what is quoted as written (a key, a
 * value, a file or model name from the PR), `text` for a parameter read as prose.
 */
export interface Quote {
  code(raw: string | number): string;
  text(raw: string | number): string;
}

/** The words of one family of reasons in one language: one function per id. */
export type ReasonWords<M> = { [K in keyof M]-?: (params: M[K], q: Quote, t: Translator) => string };

/** The words of one family of reasons in every language. */
export type ReasonCatalogue<M> = Record<Language, ReasonWords<M>>;

/**
 * One reason `{ id, params }` in the reader's language, its parameters passed through `q`.
 * @example wordReasonOf(WORKLOAD_REASONS, { id: "default.key", params: { key: "optim", value: "adamw_torch" } }, q, en)
 */
export function wordReasonOf<M>(
  catalogue: ReasonCatalogue<M>,
  reason: { id: keyof M & string; params?: unknown },
  q: Quote,
  t: Translator,
): string {
  const words = catalogue[t.language][reason.id];
  return (words as (p: unknown, q: Quote, t: Translator) => string)(reason.params ?? {}, q, t);
}

/** A number as the report writes numbers (digit groups), for parameters that are ours, not the PR's. */
export const n = (v: number): string => formatNumber(v);
