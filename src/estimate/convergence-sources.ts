import type { BatchUnit } from "../detect/types.js";
import type { Measurements } from "../proxy/types.js";
import { estimateConvergence, stepsRatio } from "./convergence.js";
import {
  criticalFromDirect,
  criticalFromNoise,
  kaplanCriticalBatch,
  NOISE_TO_CRITICAL_HIGH,
  NOISE_TO_CRITICAL_LOW,
} from "./critical-batch.js";
import { quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type {
  ConvergenceAlternative,
  ConvergenceBasis,
  ConvergenceEstimate,
  CriticalBatchSource,
  Note,
  Quantity,
} from "./types.js";

/**
 * How far a stand-in task's B_crit may sit from the user's: McCandlish et al. 2018 (Fig. 4, Table 1)
 * measured critical batches from ~20 (MNIST) to ~10⁵ (Dota) examples, so a bundled MNIST or
 * synthetic task says little more than an order of magnitude either way about another task.
 */
export const STAND_IN_SPREAD = 10;

/** Kaplan et al.'s B* is fitted on WebText2 with GPT-2's tokenizer; §5.1 warns it moves with both, so a factor of 3
 * either way. */
export const KAPLAN_SPREAD = 3;

export interface ConvergenceSourcesInput {
  /** The user's effective batch, old and new, in its own unit. */
  user: { unit: BatchUnit; before: number | null; after: number | null };
  /** The user's own measurement from the bot config (`convergence:`), in the user's batch unit. */
  own?: { criticalBatch?: number; noiseScale?: number; atLoss?: number };
  /** The proxy run and the proxy batches that stood for the user's. */
  proxy?: { m: Measurements; before: number; after: number; speed?: { ratio: Quantity; t0: number; t1: number } };
  /** The training loss in nats per token, for Kaplan et al.'s B_crit(L). */
  loss?: number;
  /** The user's effective batch in tokens, when a sequence length is known. */
  tokens?: { before: number; after: number };
  /** Fine-tuning a pretrained model: no published law for B_crit applies. */
  fineTuning?: boolean;
}

interface Candidate {
  basis: ConvergenceBasis;
  source: CriticalBatchSource;
  bCrit: Quantity;
  frame: ConvergenceEstimate["frame"];
  /** Only a lower bound on B_crit was resolved. */
  lowerBound?: boolean;
}

/**
 * Convergence from the most trusted source available, with the others as context: the user's own
 * measurement, then the user's model and data as the proxy, then a published law for a recognised
 * task family, then the bundled proxy as a labelled stand-in with an interval wide enough to hold
 * another task's B_crit. The regime label (near-perfect scaling / diminishing returns / past
 * B_crit) is only given where B_crit is about this task.
 * @example convergenceFromSources({ user: { unit: "samples", before: 256, after: 2048 }, own: { criticalBatch: 4096 }
 * }).basis // "your-measurement"
 */
export function convergenceFromSources(input: ConvergenceSourcesInput): ConvergenceEstimate | undefined {
  const candidates = [own(input), userProxy(input), publishedLaw(input), standIn(input)].filter(
    (c): c is Candidate => c !== undefined,
  );
  const [best, ...rest] = candidates;
  if (!best) return undefined;
  const speed =
    best.frame.unit === "samples" && input.proxy && best.frame.before === input.proxy.before
      ? input.proxy.speed
      : undefined;
  const estimate = estimateConvergence({
    bCrit: best.bCrit,
    source: best.source,
    frame: best.frame,
    ...(speed ? { speed } : {}),
    ...(input.loss !== undefined && best.source !== "kaplan"
      ? { kaplan: { loss: input.loss, ...(input.tokens ?? {}) } }
      : {}),
  });
  estimate.basis = best.basis;
  if (best.basis === "stand-in") {
    // Another task's ratios are never a point figure for this one, however narrow their interval.
    for (const q of [estimate.stepsRatio, estimate.examplesRatio, estimate.wallTimeRatio]) if (q) q.uncertain = true;
  }
  if (best.lowerBound) {
    estimate.lowerBound = true;
    // With B_crit ≥ b, the steps ratio lies between perfect scaling and the ratio at b.
    const { before, after } = best.frame;
    const atBound = stepsRatio(best.bCrit.value, before, after);
    estimate.stepsRatio = quantity(atBound, "ratio", SOURCES.steps, {
      low: Math.min(before / after, atBound),
      high: Math.max(before / after, atBound),
    });
  }
  estimate.notes = notesFor(best, estimate, input);
  const alternatives = rest.map((c) => alternative(c));
  if (alternatives.length) estimate.alternatives = alternatives;
  return estimate;
}

function own(input: ConvergenceSourcesInput): Candidate | undefined {
  const o = input.own;
  const { before, after, unit } = input.user;
  if (!o || before === null || after === null) return undefined;
  const frame = { unit, before, after, how: "your-measurement" as const };
  if (o.criticalBatch) {
    return {
      basis: "your-measurement",
      source: "your-critical-batch",
      frame,
      bCrit: quantity(o.criticalBatch, unit === "tokens" ? "tokens" : "examples", SOURCES.yourCriticalBatch),
    };
  }
  if (o.noiseScale) {
    // The same B_simple → B_crit interval as the proxy's noise scale (critical-batch.ts).
    const bCrit = quantity(o.noiseScale, unit === "tokens" ? "tokens" : "examples", SOURCES.yourNoiseScale, {
      low: NOISE_TO_CRITICAL_LOW * o.noiseScale,
      high: NOISE_TO_CRITICAL_HIGH * o.noiseScale,
      note:
        "B_simple stands in for B_crit; measured B_crit " +
        `was ${NOISE_TO_CRITICAL_LOW}–${NOISE_TO_CRITICAL_HIGH} × B_simple (docs/accuracy.md)`,
    });
    return { basis: "your-measurement", source: "your-noise-scale", frame, bCrit };
  }
  return undefined;
}

function measuredCritical(
  m: Measurements,
): { q: Quantity; source: CriticalBatchSource; lowerBound?: boolean } | undefined {
  if (m.criticalBatch) return { q: criticalFromDirect(m.criticalBatch), source: "direct" };
  const noise = m.noise;
  if (!noise) return undefined;
  if (resolved(noise.bSimple)) return { q: criticalFromNoise(noise), source: "noise-scale" };
  // |G|² not resolved: the bootstrap's lower end still bounds B_simple from below.
  const low = noise.interval[0];
  if (Number.isFinite(low) && low > 0)
    return {
      q: quantity(NOISE_TO_CRITICAL_LOW * low, "examples", SOURCES.noiseScale),
      source: "noise-scale",
      lowerBound: true,
    };
  return undefined;
}

function userProxy(input: ConvergenceSourcesInput): Candidate | undefined {
  const p = input.proxy;
  if (!p || !isUsersOwn(p.m)) return undefined;
  const measured = measuredCritical(p.m);
  if (!measured) return undefined;
  const same = input.user.before === p.before && input.user.after === p.after;
  // The report words the frame from its id and the batches beside it.
  const how = same ? "your-proxy-same" : "your-proxy-ratio";
  return {
    basis: "your-proxy",
    source: measured.source,
    bCrit: measured.q,
    lowerBound: measured.lowerBound,
    frame: { unit: "samples", before: p.before, after: p.after, how },
  };
}

function publishedLaw(input: ConvergenceSourcesInput): Candidate | undefined {
  if (input.loss === undefined || !input.tokens || input.fineTuning) return undefined;
  const b = kaplanCriticalBatch(input.loss);
  return {
    basis: "published-law",
    source: "kaplan",
    bCrit: quantity(b, "tokens", SOURCES.kaplan, {
      low: b / KAPLAN_SPREAD,
      high: b * KAPLAN_SPREAD,
      note: "constants fitted on WebText2 with GPT-2's tokenizer (Kaplan et al. 2020 §5.1)",
    }),
    frame: { unit: "tokens", before: input.tokens.before, after: input.tokens.after, how: "published-law" },
  };
}

function standIn(input: ConvergenceSourcesInput): Candidate | undefined {
  const p = input.proxy;
  if (!p || isUsersOwn(p.m)) return undefined;
  const measured = measuredCritical(p.m);
  if (!measured) return undefined;
  const q = measured.q;
  const bCrit = quantity(q.value, q.unit, q.source, {
    low: (q.low ?? q.value) / STAND_IN_SPREAD,
    high: (q.high ?? q.value) * STAND_IN_SPREAD,
    note: `measured on a stand-in task; another task's B_crit may differ by ${STAND_IN_SPREAD}× either way`,
  });
  const how = "stand-in";
  return {
    basis: "stand-in",
    source: measured.source,
    bCrit,
    lowerBound: measured.lowerBound,
    frame: { unit: "samples", before: p.before, after: p.after, how },
  };
}

/** The proxy is about the user's task when it trains the user's model or the user's data. */
function isUsersOwn(m: Measurements): boolean {
  return m.plan.model.kind === "user" || m.plan.data.kind === "user";
}

function notesFor(best: Candidate, estimate: ConvergenceEstimate, input: ConvergenceSourcesInput): Note[] {
  const notes: Note[] = [];
  const bCrit = round(best.bCrit.value);
  if (best.basis === "stand-in") {
    const task = standInTask(input.proxy!.m);
    notes.push({ id: "convergence-stand-in", params: { task, bCrit, spread: STAND_IN_SPREAD } });
  } else if (best.lowerBound) {
    notes.push({ id: "convergence-lower-bound", params: { bCrit, unit: best.frame.unit } });
  } else {
    notes.push(...estimate.notes);
  }
  if (input.fineTuning && best.basis !== "your-measurement" && best.basis !== "your-proxy") {
    notes.push({ id: "convergence-fine-tuning" });
  }
  return notes;
}

function standInTask(m: Measurements): string {
  return `${m.plan.model.kind} on ${m.plan.data.kind}`;
}

function alternative(c: Candidate): ConvergenceAlternative {
  const { before, after } = c.frame;
  const ends = [c.bCrit.low ?? c.bCrit.value, c.bCrit.high ?? c.bCrit.value].map((b) => stepsRatio(b, before, after));
  return {
    basis: c.basis,
    source: c.source,
    bCrit: c.bCrit,
    stepsRatio: quantity(stepsRatio(c.bCrit.value, before, after), "ratio", SOURCES.steps, {
      low: Math.min(...ends),
      high: Math.max(...ends),
    }),
  };
}

/** The proxy reports B_simple = ∞ (null in JSON) when the mean gradient drowns in noise. */
function resolved(bSimple: number | null): boolean {
  return typeof bSimple === "number" && Number.isFinite(bSimple) && bSimple > 0;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
