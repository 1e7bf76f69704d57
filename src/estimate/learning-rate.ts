import type { BatchSetting, Role, Scalar } from "../detect/types.js";
import type { Field, OptimizerKind } from "../workload/types.js";
import { formatLike } from "./format-like.js";
import { frameworkScaling } from "./framework-lr-scaling.js";
import { optimizerFamily } from "./optimizer-family.js";
import { quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { LearningRateAdvice, LearningRateRule, LearningRateStatus, Note, OptimizerFamily } from "./types.js";

export interface LearningRateInput {
  framework: string;
  role: Role;
  /** Effective batch new ÷ old. */
  k: number | null;
  learningRate: { before: Scalar; after: Scalar };
  /** The head file's settings: optimizer, LR and the framework's own scaling switches. */
  settings: BatchSetting[];
  /**
   * The workload's optimizer (src/workload): the config's, else `model.optimizer` from
   * `.github/batch-advisor.yml`, else the framework's default; unknown when none says.
   */
  optimizer?: Field<OptimizerKind>;
  /**
   * B_crit (with its interval) and the old and new batch in the same units: past B_crit the best
   * learning rate stops growing, so the rules are capped there.
   */
  critical?: { bCrit: number; low?: number; high?: number; before: number; after: number };
}

/** Adam defaults used when the config does not give its betas and epsilon (PyTorch, Keras, Optax). */
const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/**
 * What to do with the learning rate when the effective batch changes ×k: SGD/momentum — linear
 * scaling with warm-up (Goyal et al. 2017); Adam-family — square root, with 1−β → k(1−β) and
 * ε → ε/√k (Malladi et al. 2022). Says so when the framework already scales it, and compares an
 * LR the PR changed with the rule.
 * @example learningRateAdvice({ framework: "huggingface", role: "micro_batch", k: 2, learningRate: { before: 3e-4,
 * after: 3e-4 }, settings: [] }).suggestedRaw // "4.24e-4"
 */
export function learningRateAdvice(input: LearningRateInput): LearningRateAdvice {
  const { k } = input;
  const family = optimizerFamily(input.optimizer?.value);
  // The name as the config writes it, when it names one; else the workload's kind.
  const written = input.settings.find((s) => s.role === "optimizer")?.value;
  const opt = {
    name: input.optimizer?.source.kind === "config" && typeof written === "string" ? written : input.optimizer?.value,
  };
  const rule: LearningRateRule = family === "adam" ? "sqrt" : family === "unknown" ? "none" : "linear";
  const before = toNumber(input.learningRate.before);
  const after = toNumber(input.learningRate.after);
  const lrSetting = input.settings.find((s) => s.role === "learning_rate");
  const advice: LearningRateAdvice = {
    optimizer: opt.name ?? null,
    family,
    rule,
    k,
    before,
    after,
    status: "unknown",
    adjustments: [],
    message: { id: "lr-k-unknown" },
  };
  const scaling = frameworkScaling({ framework: input.framework, settings: input.settings, role: input.role });
  if (scaling)
    advice.frameworkScaling = {
      mechanism: scaling.mechanism,
      key: scaling.key,
      ...(scaling.params ? { params: scaling.params } : {}),
      ...(scaling.line ? { line: scaling.line } : {}),
    };

  if (k === null) return done(advice, "unknown", { id: "lr-k-unknown" });
  if (Math.abs(k - 1) < 1e-9)
    return done(advice, "not-needed", {
      id: "lr-not-needed",
      ...(scaling ? { params: { mechanism: scaling.mechanism, key: scaling.key, ...scaling.params } } : {}),
    });
  // The mechanism is an id the report words (`scaling.<id>`), with its own numbers beside it.
  if (scaling?.scales)
    return done(advice, "framework-scales", {
      id: "lr-framework-scales",
      params: { mechanism: scaling.mechanism, key: scaling.key, ...scaling.params },
    });

  const uncapped = rule === "sqrt" ? Math.sqrt(k) : k;
  const capped = input.critical ? cappedFactor(rule, input.critical.bCrit, input.critical) : uncapped;
  // Capping only speaks when it changes the advice by more than the rules' own 10 % tolerance.
  const isCapped = Math.abs(Math.log(capped / uncapped)) > Math.log(1.1);
  const factor = isCapped ? capped : uncapped;
  advice.adjustments = adjustments(family, k);
  if (rule === "none") {
    return done(advice, "unknown", { id: "lr-optimizer-unknown", params: { linear: fmt(k), sqrt: fmt(Math.sqrt(k)) } });
  }
  if (input.critical && isCapped) {
    const c = input.critical;
    advice.capped = { uncapped, factor, bCrit: c.bCrit };
    advice.caveat = { id: "lr-capped", params: { bCrit: fmt(c.bCrit), factor: fmt(factor), uncapped: fmt(uncapped) } };
  } else if (input.critical && input.critical.after > input.critical.bCrit) {
    advice.caveat = { id: "lr-past-critical" };
  }
  if (before === null) {
    return done(advice, "unknown", {
      id: "lr-value-unknown",
      params: { factor: fmt(factor), rule, capped: isCapped ? "yes" : "no" },
    });
  }
  const suggested = before * factor;
  advice.suggested = quantity(suggested, "learning-rate", rule === "sqrt" ? SOURCES.sqrtLr : SOURCES.linearLr);
  advice.suggestedRaw = formatLike(suggested, lrSetting?.raw);
  const params = {
    factor: fmt(factor),
    suggested: advice.suggestedRaw,
    rule,
    capped: isCapped ? "yes" : "no",
    k: fmt(k),
    optimizer: opt.name ?? family,
  };
  if (after === null || after === before)
    return done(advice, "unchanged-needs-scaling", { id: "lr-unchanged", params });
  const changed = after / before;
  const ok =
    isCapped && input.critical ? matchesCapped(rule, input.critical, changed) : matchesRule(family, k, changed);
  return done(advice, ok ? "matches-rule" : "differs-from-rule", {
    id: ok ? "lr-matches" : "lr-differs",
    params: { ...params, changed: fmt(changed) },
  });
}

/**
 * Adam's best LR grows as B^α with 0.5 ≤ α < 1 (McCandlish et al. 2018, App. E.2), so any factor
 * between √k and k is defensible; SGD's rule is linear, within 10%.
 */
function matchesRule(family: OptimizerFamily, k: number, changed: number): boolean {
  const tolerance = 1.1;
  if (family === "adam") {
    const [lo, hi] = [Math.min(Math.sqrt(k), k), Math.max(Math.sqrt(k), k)];
    return changed >= lo / tolerance && changed <= hi * tolerance;
  }
  return Math.abs(Math.log(changed / k)) <= Math.log(tolerance);
}

/**
 * The learning rate's best value follows ε_opt(B) = ε_max ÷ (1 + B_noise/B) (McCandlish et al.
 * 2018, eq. 2.6): linear in B well below B_crit, flat well above it. The linear rule becomes the
 * ratio of that curve at the two batches, the square-root rule its square root.
 * @example cappedFactor("linear", 300, { before: 256, after: 2048 }) // ≈ 1.9 (uncapped: 8)
 */
export function cappedFactor(rule: LearningRateRule, bCrit: number, batch: { before: number; after: number }): number {
  const ratio = (1 + bCrit / batch.before) / (1 + bCrit / batch.after);
  return rule === "sqrt" ? Math.sqrt(ratio) : ratio;
}

/** A changed LR matches the capped rule when it lies between the factors at B_crit's interval ends, within 10 %. */
function matchesCapped(
  rule: LearningRateRule,
  c: NonNullable<LearningRateInput["critical"]>,
  changed: number,
): boolean {
  const ends = [c.low ?? c.bCrit, c.high ?? c.bCrit, c.bCrit].map((b) => cappedFactor(rule, b, c));
  return changed >= Math.min(...ends) / 1.1 && changed <= Math.max(...ends) * 1.1;
}

function adjustments(family: OptimizerFamily, k: number): LearningRateAdvice["adjustments"] {
  if (family === "adam") {
    const beta = (b: number) => 1 - k * (1 - b);
    return [
      { name: "beta1", rule: "1 − β₁ → k(1 − β₁)", before: ADAM_DEFAULTS.beta1, after: beta(ADAM_DEFAULTS.beta1) },
      { name: "beta2", rule: "1 − β₂ → k(1 − β₂)", before: ADAM_DEFAULTS.beta2, after: beta(ADAM_DEFAULTS.beta2) },
      { name: "epsilon", rule: "ε → ε/√k", before: ADAM_DEFAULTS.epsilon, after: ADAM_DEFAULTS.epsilon / Math.sqrt(k) },
    ].filter((a) => a.name === "epsilon" || a.after > 0) as LearningRateAdvice["adjustments"];
  }
  // The report words the warm-up (`lr.warmup`); its rule is the paper's.
  return k > 1 ? [{ name: "warmup", rule: "Goyal et al. 2017" }] : [];
}

function done(advice: LearningRateAdvice, status: LearningRateStatus, message: Note): LearningRateAdvice {
  advice.status = status;
  advice.message = message;
  return advice;
}

function toNumber(v: Scalar): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function fmt(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
