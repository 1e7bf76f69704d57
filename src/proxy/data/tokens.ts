import type { SeededRandom } from "../seeded-random.js";
import { splitExamples, type Dataset } from "./dataset.js";

export interface TokenOptions {
  vocab: number;
  sequenceLength: number;
  examples: number;
  evalExamples: number;
  rng: SeededRandom;
}

/** Each two-token context prefers three successors with these weights; the rest share SMOOTHING. */
const SUCCESSOR_WEIGHTS = [0.7, 0.2, 0.1];
const SMOOTHING = 0.05;

/**
 * Sequences from a random order-2 Markov source: the next token depends on the two before it,
 * so attention has something to learn, and the source's entropy rate is a known loss floor.
 * Each example is T input tokens and the T tokens that follow them.
 * @example tokenDataset({ vocab: 32, sequenceLength: 32, examples: 4096, evalExamples: 256, rng }).description
 */
export function tokenDataset(options: TokenOptions): Dataset {
  const { vocab: V, sequenceLength: T, rng } = options;
  const table = new Float32Array(V * V * V);
  for (let context = 0; context < V * V; context++) {
    const row = table.subarray(context * V, (context + 1) * V);
    row.fill(SMOOTHING / V);
    const picks = rng.permutation(V);
    SUCCESSOR_WEIGHTS.forEach((w, i) => (row[picks[i]] += (1 - SMOOTHING) * w));
  }
  const total = options.examples + options.evalExamples;
  const x = new Int32Array(total * T);
  const y = new Int32Array(total * T);
  let [a, b] = [rng.int(V), rng.int(V)];
  for (let n = 0; n < total; n++) {
    // One continuous stream cut into windows: each window starts where the previous one ended.
    for (let t = 0; t < T; t++) {
      const next = sample(table.subarray((a * V + b) * V, (a * V + b + 1) * V), rng.next());
      x[n * T + t] = b;
      y[n * T + t] = next;
      [a, b] = [b, next];
    }
  }
  const entropy = entropyRate(table, V).toFixed(2);
  return {
    description:
      `synthetic tokens from an order-2 Markov source (vocabulary ${V}, ${T} ` +
      `tokens per sequence, entropy ≈ ${entropy} ` +
      `nats/token; ${options.examples} training sequences)`,
    about: { id: "data.tokens", params: { vocab: V, length: T, entropy, sequences: options.examples } },
    task: "language-model",
    inputShape: [T],
    outputs: V,
    labelsPerExample: T,
    tokensPerExample: T,
    ...splitExamples({ count: total, x, y }, { xSize: T, ySize: T, evalCount: options.evalExamples }),
  };
}

function sample(probabilities: Float32Array, u: number): number {
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) {
    cumulative += probabilities[i];
    if (u < cumulative) return i;
  }
  return probabilities.length - 1;
}

/** Conditional entropy averaged over contexts (uniform weights: a close approximation of the stationary one). */
function entropyRate(table: Float32Array, V: number): number {
  let h = 0;
  for (let i = 0; i < table.length; i++) if (table[i] > 0) h -= table[i] * Math.log(table[i]);
  return h / (V * V);
}
