import type { MessageId } from "./en.js";
import type { Params, Translator } from "./translate.js";

/** Where a reason comes from: detection's unknown parts, the bot config's errors, files not read, skipped proxy
 * backends, the proxy's description. */
export type ReasonKind = "unknown" | "config" | "skipped" | "backend" | "proxy";

type Rule = [RegExp, MessageId, (m: RegExpMatchArray, t: Translator) => Params];

const PART_NAMES: Record<string, MessageId> = {
  "per-device batch": "reason.partName.micro",
  "sequence length": "reason.partName.seqLen",
  devices: "reason.partName.devices",
};

/** The value reasons of src/detect/parse/unknown-value.ts and src/detect/extract-settings.ts. */
const VALUE: Rule[] = [
  [/^"auto": chosen at run time by the framework$/, "reason.auto", () => ({})],
  [/^read from environment variable (\S+) at run time$/, "reason.env", (m) => ({ name: m[1] })],
  [/^computed by the resolver (.+) at run time$/, "reason.resolver", (m) => ({ name: m[1] })],
  [/^interpolation (.+) is not resolved in this file$/, "reason.interpolation", (m) => ({ expr: m[1] })],
  [/^jsonnet external variable (.+), passed at run time$/, "reason.extVar", (m) => ({ name: m[1] })],
  [/^shell positional argument (.+), passed by the caller$/, "reason.positional", (m) => ({ name: m[1] })],
  [/^shell variable (\S+) is not set in this file$/, "reason.shellVar", (m) => ({ name: m[1] })],
  [/^shell arithmetic on values not known statically$/, "reason.shellArith", () => ({})],
  [/^output of a shell command$/, "reason.shellCommand", () => ({})],
  [/^gin macro (.+) is not bound in this file$/, "reason.ginMacro", (m) => ({ name: m[1] })],
  [/^(.+) is not a finite number$/, "reason.notFinite", (m) => ({ value: m[1] })],
  [/^(.+) is too large to evaluate exactly$/, "reason.tooLarge", (m) => ({ value: m[1] })],
  [/^(.+) is not a number$/, "reason.notNumber", (m) => ({ value: m[1] })],
];

/** The part reasons of src/detect/effective-batch.ts. */
const UNKNOWN: Rule[] = [
  [
    /^(per-device batch|sequence length|devices): not set in this file$/,
    "reason.part.notSet",
    (m, t) => ({ part: t.t(PART_NAMES[m[1]]) }),
  ],
  [
    /^devices: not in this file \((.+)\); pass --devices or set devices in \.github\/batch-advisor\.yml$/,
    "reason.part.devicesLauncher",
    (m, t) => ({ from: m[1] === "set by the launcher" ? t.t("reason.part.launcher") : m[1] }),
  ],
  [
    /^devices: (.+) means all visible devices, known only at run time$/,
    "reason.part.devicesAll",
    (m) => ({ value: m[1] }),
  ],
  [
    /^devices: (\S+) is not divisible by the model-parallel size (\S+)$/,
    "reason.part.devicesIndivisible",
    (m) => ({ devices: m[1], parallel: m[2] }),
  ],
];

/** src/config/format-issue.ts, after the key it starts with (the alert names the key already). */
const CONFIG: Rule[] = [
  [/^unknown key; did you mean (.+)\?$/, "reason.config.unknownKey", (m) => ({ guess: m[1] })],
  [/^unknown key; allowed keys here: (.*)$/, "reason.config.unknownKeyAllowed", (m) => ({ allowed: m[1] })],
  [/^(.+) is not allowed; use one of: (.*)$/, "reason.config.notAllowed", (m) => ({ value: m[1], allowed: m[2] })],
];

/** src/source: why a file was not read. */
const SKIPPED: Rule[] = [
  [/^not found$/, "reason.skip.notFound", () => ({})],
  [/^is outside the repository; not read$/, "reason.skip.outside", () => ({})],
  [/^is a symbolic link in the repository; not followed$/, "reason.skip.symlink", () => ({})],
  [/^is a submodule, not a file; not read$/, "reason.skip.submodule", () => ({})],
  [/^is a folder, not a file; not read$/, "reason.skip.folder", () => ({})],
  [
    /^([\d.]+) MiB is over the ([\d.]+) MiB limit; not read$/,
    "reason.skip.tooLarge",
    (m) => ({ size: m[1], max: m[2] }),
  ],
  // src/detect/read-budget.ts
  [
    /^not read: the run had already read its budget of ([\d.]+) MiB of configs$/,
    "reason.skip.runBudget",
    (m) => ({ max: m[1] }),
  ],
];

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
  unknown: UNKNOWN,
  config: CONFIG,
  skipped: SKIPPED,
  backend: BACKEND,
  proxy: PROXY,
};

/**
 * A reason another stage wrote in English, in the reader's language when the catalogue knows its
 * shape; otherwise as written. The stages should emit ids themselves (issue 14); until they do,
 * this keeps their known sentences out of a Chinese comment. Parameters stay as written (keys,
 * values, paths), so the caller escapes the result as before.
 * @example wordReason("unknown", "nproc_per_node: shell variable NGPU is not set in this file", zh) //
 * "nproc_per_node：這個檔案沒有設定 shell 變數 NGPU"
 */
export function wordReason(kind: ReasonKind, text: string, t: Translator, safe?: Escape): string {
  const own = match(RULES[kind], text, t, safe);
  if (own !== undefined) return own;
  const asWritten = safe ? safe.text(text) : text;
  if (kind !== "unknown") return asWritten;
  // "key: value reason" for a setting whose value is only known at run time.
  const keyed = /^([^:\s]+): (.+)$/s.exec(text);
  const reason = keyed ? match(VALUE, keyed[2], t, safe) : undefined;
  return keyed && reason !== undefined
    ? t.t("reason.keyed", { key: safe ? safe.text(keyed[1]) : keyed[1], reason })
    : asWritten;
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
