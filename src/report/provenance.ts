import type { Provenance } from "../estimate/types.js";
import type { Translator } from "./messages/translate.js";
import type { Measurements } from "../proxy/types.js";
import { wordProxy } from "./messages/proxy-words.js";
import { quote } from "./quote.js";
import { untrusted } from "./untrusted.js";

/** What the "measured" footnote names: the proxy's description and, where the proxy gave it, its id. */
export type ProxyNamed = Pick<Measurements, "description" | "about">;

/**
 * Footnote markers for where numbers came from: `m` for measured on the proxy, 1, 2, … for each
 * model in order of first use. One set per table, so its legend sits right under it.
 * @example const f = new Footnotes(t, { description: "mlp on MNIST" }); f.mark("measured") // "<sup>m</sup>"
 */
export class Footnotes {
  private readonly models: string[] = [];
  private measured = false;

  constructor(
    private readonly t: Translator,
    /** The proxy's description (and its message id), so "measured" says on what. */
    private readonly proxy?: ProxyNamed,
  ) {}

  /** The marker for a source, remembered for the legend. */
  mark(source: Provenance): string {
    return `<sup>${this.key(source)}</sup>`;
  }

  /** The marker's key alone (`m`, `1`, `2`…). */
  key(source: Provenance): string {
    if (source === "measured") {
      this.measured = true;
      return "m";
    }
    if (!this.models.includes(source)) this.models.push(source);
    return String(this.models.indexOf(source) + 1);
  }

  get size(): number {
    return this.models.length + (this.measured ? 1 : 0);
  }

  /** One line: each marker with its source; empty when no number carried one. */
  legend(): string {
    const items: string[] = [];
    const t = this.t;
    // The proxy's description as the catalogue words it, its model's shape quoted.
    const proxy = this.proxy?.about
      ? wordProxy(this.proxy.about, quote(t), t)
      : this.proxy && untrusted(this.proxy.description, "text", { t });
    if (this.measured)
      items.push(`<sup>m</sup> ${proxy ? t.t("source.measuredOn", { proxy }) : t.t("source.measured")}`);
    // A source can name a user's file or key (a calibration point, a model config): text, not Markdown.
    this.models.forEach((m, i) => items.push(`<sup>${i + 1}</sup> ${untrusted(t.source(m), "text", { t })}`));
    return items.length ? `<sub>${this.t.t("source.legend", { items: items.join(" · ") })}</sub>` : "";
  }
}
