import type { Quote } from "./messages/reason-words.js";
import type { Translator } from "./messages/translate.js";
import { untrusted } from "./untrusted.js";

/**
 * The reasons' parameters through the one escaping border: quoted as code, or as Markdown prose.
 * @example wordWorkloadReason(reason, quote(t), t)
 */
export function quote(t: Translator): Quote {
  return {
    code: (raw) => untrusted(raw, "code", { t }),
    text: (raw) => untrusted(raw, "text", { t }),
  };
}
