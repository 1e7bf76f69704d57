import type { Note } from "../../estimate/types.js";
import type { Language } from "../../config/schema.js";
import { formatNumber } from "../format-number.js";
import { en, type MessageId } from "./en.js";
import { enNotes } from "./en-notes.js";
import type { NoteMessage } from "./note-message.js";
import { zhTW } from "./zh-TW.js";
import { zhTWNotes } from "./zh-TW-notes.js";
import { zhTWSources } from "./zh-TW-sources.js";

export type Params = Record<string, string | number>;

/** Says things in one language: catalogue messages by id, estimate Notes by their id. */
export interface Translator {
  language: Language;
  t(id: MessageId, params?: Params): string;
  /** A Note in this language, worded by the catalogue from its `id` and `params`. */
  note(note: Note): string;
  /**
   * Where a number came from (`Quantity.source`) in this language: the catalogue's name for the
   * source it starts with, then what the estimate added to it (a file, a key) as it was.
   */
  source(name: string): string;
}

/** Thrown for a Note id the catalogue does not word: a stage emitted an id no one wrote the words for. */
export class MissingMessage extends Error {}

const CATALOGUES: Record<
  Language,
  { messages: Record<MessageId, string>; notes: Record<string, NoteMessage>; sources?: Record<string, string> }
> = {
  // English names its sources as src/estimate/sources.ts writes them.
  en: { messages: en, notes: enNotes },
  "zh-TW": { messages: zhTW, notes: zhTWNotes, sources: zhTWSources },
};

/**
 * The translator for a language.
 * @example translator("zh-TW").t("row.steps") // "達到相同損失的訓練步數"
 */
export function translator(language: Language): Translator {
  const { messages, notes, sources } = CATALOGUES[language];
  return {
    language,
    t: (id, params = {}) => fill(messages[id] ?? en[id], params) ?? messages[id] ?? en[id],
    note(n) {
      const message = notes[n.id] ?? enNotes[n.id];
      if (message === undefined) throw new MissingMessage(`no message for note id ${n.id}`);
      const params = wordedParams(n.params ?? {}, this);
      if (typeof message === "function") return message(params, this);
      // A template whose parameter is missing still says what it can: the placeholder shows as "?".
      return (
        fill(message, params) ??
        message.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? "?" : String(params[name])))
      );
    },
    source: (name) => (sources ? sourceName(name, sources) : name),
  };
}

/** The longest catalogue name a source starts with, in the language, followed by the rest as written ("measured on your
 * job (runs/m.json)"). */
function sourceName(name: string, sources: Record<string, string>): string {
  if (sources[name] !== undefined) return sources[name];
  let best = "";
  for (const key of Object.keys(sources)) if (name.startsWith(key) && key.length > best.length) best = key;
  // What the estimate appended in parentheses (a file) takes the catalogue's full-width ones.
  return best ? `${sources[best]}${name.slice(best.length).replace(/^ \((.*)\)$/, "（$1）")}` : name;
}

/**
 * Parameters that name a unit by its id ("samples", "tokens") read as that unit's word in the
 * language; a `list` the stage joined with ", " takes the language's separator.
 */
function wordedParams(params: Params, t: Translator): Params {
  const out = { ...params };
  const unit = params.unit;
  if (unit === "samples" || unit === "tokens") out.unit = t.t(unit === "tokens" ? "unit.tokens" : "unit.samples");
  if (typeof params.list === "string") out.list = params.list.split(", ").join(t.t("word.listJoin"));
  return out;
}

/** Replaces `{name}` with the parameter; undefined when a named parameter is missing, so the caller can fall back. */
export function fill(template: string, params: Params): string | undefined {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) {
      missing = true;
      return "";
    }
    return typeof v === "number" ? formatNumber(v) : v;
  });
  return missing ? undefined : out;
}

/** Placeholder names a template uses, for tests that check both languages ask for the same parameters. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
