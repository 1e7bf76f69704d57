import type { MessageId } from "./messages/en.js";
import type { Params, Translator } from "./messages/translate.js";

/** The five points of the Why section, in order. */
export type WhyPointName = "terms" | "spectrum" | "tradeoff" | "optimizer" | "memory";

/** One point of the Why section: its title, the catalogue messages it said (in order) and the text they make. */
export interface WhyPoint {
  name: WhyPointName;
  title: MessageId;
  /** Every message id the point used, so a test can check that each language says the same things. */
  said: string[];
  text: string;
}

/**
 * A point's paragraph, built from catalogue messages: it remembers which ids it said, so the same
 * point in two languages can be compared by id and not only by its words.
 * @example new Paragraph(t).say("why.terms").say("why.terms.sameSteps").point("terms", "why.terms.title")
 */
export class Paragraph {
  private readonly said: string[] = [];
  private readonly parts: string[] = [];

  constructor(private readonly t: Translator) {}

  /** Adds one catalogue message. */
  say(id: MessageId, params?: Params): this {
    this.said.push(id);
    this.parts.push(this.t.t(id, params));
    return this;
  }

  /** Adds text already worded from the catalogue under another id (a Note). */
  add(id: string, text: string): this {
    this.said.push(id);
    this.parts.push(text);
    return this;
  }

  point(name: WhyPointName, title: MessageId): WhyPoint {
    return { name, title, said: [...this.said], text: this.parts.join(this.t.t("word.sentenceJoin")) };
  }
}
