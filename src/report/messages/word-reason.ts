import type { MessageId } from "./en.js";
import type { Params, Translator } from "./translate.js";

/**
 * Where a reason still comes as English: skipped proxy backends and the proxy's description
 * (src/proxy). Detection's reasons, warnings and skips, the sources' skips and the bot config's
 * errors are message ids, worded by their own catalogues.
 */
export type ReasonKind = "backend" | "proxy";

type Rule = [RegExp, MessageId, (m: RegExpMatchArray, t: Translator) => Params];

/** src/proxy/load-backend.ts: a backend that could not be used. The load error is the library's own words, quoted. */
const BACKEND: Rule[] = [
  [/^(\S+) is not installed$/, "reason.backend.notInstalled", (m) => ({ pkg: m[1] })],
  [/^(\S+) failed to load: (.*)$/s, "reason.backend.failed", (m) => ({ pkg: m[1], error: m[2].trim() })],
];

/** src/proxy: the proxy model (quoted, it is a shape) on its data set (src/proxy/data/*.ts). */
const PROXY: Rule[] = [
  [
    /^(.+?) on MNIST \((\d+) real digits for training, (\d+) held out\)$/,
    "reason.proxy.mnist",
    (m) => ({ model: m[1], train: m[2], held: m[3] }),
  ],
  [
    /^(.+?) on synthetic teacher–student classification \((\d+) Gaussian features, (\d+) classes from a random tanh teacher, label noise ([\d.]+); (\d+) training examples\)$/,
    "reason.proxy.teacherStudent",
    (m) => ({ model: m[1], features: m[2], classes: m[3], noise: m[4], examples: m[5] }),
  ],
  [
    /^(.+?) on synthetic tokens from an order-2 Markov source \(vocabulary (\d+), (\d+) tokens per sequence, entropy ≈ ([\d.]+) nats\/token; (\d+) training sequences\)$/,
    "reason.proxy.tokens",
    (m) => ({ model: m[1], vocab: m[2], length: m[3], entropy: m[4], sequences: m[5] }),
  ],
];

const RULES: Record<ReasonKind, Rule[]> = {
  backend: BACKEND,
  proxy: PROXY,
};

/**
 * A reason another stage wrote in English, in the reader's language when the catalogue knows its
 * shape; otherwise as written. The stages should emit ids themselves (issue 14); until they do,
 * this keeps their known sentences out of a Chinese comment. Parameters stay as written (keys,
 * values, paths), so the caller escapes the result as before.
 * @example wordReason("backend", "@tensorflow/tfjs-node-gpu is not installed", zh) // "沒有安裝 @tensorflow/tfjs-node-gpu"
 */
export function wordReason(kind: ReasonKind, text: string, t: Translator, safe?: Escape): string {
  return match(RULES[kind], text, t, safe) ?? (safe ? safe.text(text) : text);
}

/**
 * How the caller makes a stage's words safe, part by part: `code` for what is quoted as it was
 * written (a library's error), `text` for the rest. Without it the caller escapes the whole result.
 */
export interface Escape {
  text(raw: string): string;
  code(raw: string): string;
}

/** Parameters quoted as written rather than read as prose: a library's error, a proxy model's shape. */
const QUOTED = new Set(["error", "model"]);

function match(rules: Rule[], text: string, t: Translator, safe?: Escape): string | undefined {
  for (const [pattern, id, read] of rules) {
    const m = text.match(pattern);
    if (!m) continue;
    const raw = read(m, t);
    const params = safe
      ? Object.fromEntries(
          Object.entries(raw).map(([k, v]) => [k, QUOTED.has(k) ? safe.code(String(v)) : safe.text(String(v))]),
        )
      : raw;
    return t.t(id, params);
  }
  return undefined;
}
