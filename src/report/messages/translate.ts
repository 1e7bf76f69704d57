import type { Note } from "../../estimate/types.js";
import type { Language } from "../types.js";
import { formatNumber } from "../format-number.js";
import { en, type MessageId } from "./en.js";
import { enNotes } from "./en-notes.js";
import { zhTW } from "./zh-TW.js";
import { zhTWNotes } from "./zh-TW-notes.js";

export type Params = Record<string, string | number>;

/** Says things in one language: catalogue messages by id, estimate Notes by their id. */
export interface Translator {
  language: Language;
  t(id: MessageId, params?: Params): string;
  /** A Note in this language: by `id` + `params`, its English `text` when the id is unknown or a parameter is missing. */
  note(note: Note): string;
}

const CATALOGUES: Record<Language, { messages: Record<MessageId, string>; notes: Record<string, string> }> = {
  en: { messages: en, notes: enNotes },
  "zh-TW": { messages: zhTW, notes: zhTWNotes },
};

/**
 * The translator for a language.
 * @example translator("zh-TW").t("row.steps") // "達到相同損失的訓練步數"
 */
export function translator(language: Language): Translator {
  const { messages, notes } = CATALOGUES[language];
  return {
    language,
    t: (id, params = {}) => fill(messages[id] ?? en[id], params) ?? messages[id] ?? en[id],
    note: (n) => {
      // The estimate stage words its Notes in English itself; a catalogue template is for other languages, or a Note without text.
      if (language === "en" && n.text) return n.text;
      const template = notes[n.id];
      return (template === undefined ? undefined : fill(template, n.params ?? {})) ?? n.text;
    },
  };
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
