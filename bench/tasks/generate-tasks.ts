// `npx tsx bench/tasks/generate-tasks.ts`: writes the user-task benchmark's model.json and sample
// files under bench/tasks/. Deterministic: the same files on every run (seeded, no download), so the
// committed files can be checked by regenerating them.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadMnist } from "../../src/proxy/data/mnist.js";
import { seededRandom, type SeededRandom } from "../../src/proxy/seeded-random.js";

const here = (path: string) => new URL(`./${path}`, import.meta.url);

/** 8×8 pixels (a 2-pixel border dropped, then 3×3 block means of the 24×24 centre), levels 0…16. */
export const DIGIT_SIDE = 8;

/**
 * The 10 000 MNIST digits of the `mnist` package at 8×8 with 17 grey levels (the resolution and
 * levels of the UCI optical digits set), one row per image: p0…p63, label. Shuffled with a seed.
 * @example digitsCsv(await loadMnist(), seededRandom(7, "digits")).split("\n")[0].startsWith("p0,")
 */
export function digitsCsv(
  mnist: { images: Float32Array; labels: Int32Array; count: number },
  rng: SeededRandom,
): string {
  const header = [...Array.from({ length: DIGIT_SIDE * DIGIT_SIDE }, (_, i) => `p${i}`), "label"].join(",");
  const lines = [header];
  for (const n of rng.permutation(mnist.count)) {
    const cells: number[] = [];
    for (let r = 0; r < DIGIT_SIDE; r++) {
      for (let c = 0; c < DIGIT_SIDE; c++) {
        let sum = 0;
        for (let dr = 0; dr < 3; dr++)
          for (let dc = 0; dc < 3; dc++) sum += mnist.images[n * 784 + (2 + 3 * r + dr) * 28 + (2 + 3 * c + dc)];
        cells.push(Math.round((16 * sum) / 9));
      }
    }
    lines.push(`${cells.join(",")},${mnist.labels[n]}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Lower-case letters and the space: the character set of the language-model task. */
export const ALPHABET = "abcdefghijklmnopqrstuvwxyz ";
/** Characters of context each example sees (one-hot each). */
export const CONTEXT = 3;

/** A small word grammar: determiner (adjective) noun verb determiner (adjective) noun. */
const WORDS = {
  det: ["the", "a", "this", "every", "some", "my"],
  adj: ["small", "quick", "old", "green", "quiet", "bright", "heavy", "warm"],
  noun: [
    "cat",
    "river",
    "garden",
    "teacher",
    "window",
    "engine",
    "letter",
    "forest",
    "market",
    "bird",
    "song",
    "stone",
  ],
  verb: ["sees", "finds", "carries", "watches", "paints", "follows", "remembers", "opens", "moves", "builds"],
};

/**
 * Synthetic sentences from WORDS with a seeded choice of words (earlier words in each list are
 * likelier, as in natural text), joined by single spaces: text with word-internal structure a
 * character model learns fast and word boundaries it cannot predict exactly.
 */
export function syntheticText(characters: number, rng: SeededRandom): string {
  const pick = (list: string[]) => {
    // Zipf-like: weight 1/(rank+1).
    const total = list.reduce((s, _, i) => s + 1 / (i + 1), 0);
    let u = rng.next() * total;
    for (let i = 0; i < list.length; i++) if ((u -= 1 / (i + 1)) <= 0) return list[i];
    return list[list.length - 1];
  };
  const words: string[] = [];
  let length = 0;
  while (length < characters) {
    const sentence = [
      pick(WORDS.det),
      ...(rng.next() < 0.5 ? [pick(WORDS.adj)] : []),
      pick(WORDS.noun),
      pick(WORDS.verb),
      pick(WORDS.det),
      ...(rng.next() < 0.5 ? [pick(WORDS.adj)] : []),
      pick(WORDS.noun),
    ];
    words.push(...sentence);
    length += sentence.join(" ").length + 1;
  }
  return words.join(" ").slice(0, characters);
}

/**
 * Next-character examples from the text: the CONTEXT previous characters one-hot (c{k}_{char},
 * k = 1 the nearest), label the index of the next character in ALPHABET. `rows` examples from
 * consecutive positions.
 */
export function charsCsv(text: string, rows: number): string {
  const name = (ch: string) => (ch === " " ? "space" : ch);
  const header = [
    ...Array.from({ length: CONTEXT }, (_, k) => [...ALPHABET].map((ch) => `c${k + 1}_${name(ch)}`)).flat(),
    "label",
  ].join(",");
  const lines = [header];
  for (let i = CONTEXT; i < CONTEXT + rows; i++) {
    const cells: number[] = [];
    for (let k = 1; k <= CONTEXT; k++) for (const ch of ALPHABET) cells.push(text[i - k] === ch ? 1 : 0);
    lines.push(`${cells.join(",")},${ALPHABET.indexOf(text[i])}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A Keras Sequential model.json in the TF.js converter's wrapper, as a user's exported model would be. */
function sequential(name: string, layers: Array<{ class_name: string; config: Record<string, unknown> }>) {
  return {
    format: "layers-model",
    generatedBy: "batch-advisor bench/tasks/generate-tasks.ts",
    modelTopology: { model_config: { class_name: "Sequential", config: { name, layers } } },
    weightsManifest: [],
  };
}

export const DIGITS_CNN = sequential("digits_cnn", [
  { class_name: "InputLayer", config: { batch_input_shape: [null, DIGIT_SIDE, DIGIT_SIDE, 1], name: "pixels" } },
  {
    class_name: "Conv2D",
    config: { filters: 8, kernel_size: [3, 3], padding: "same", activation: "relu", name: "conv1" },
  },
  { class_name: "MaxPooling2D", config: { pool_size: [2, 2], name: "pool1" } },
  {
    class_name: "Conv2D",
    config: { filters: 16, kernel_size: [3, 3], padding: "same", activation: "relu", name: "conv2" },
  },
  { class_name: "MaxPooling2D", config: { pool_size: [2, 2], name: "pool2" } },
  { class_name: "Flatten", config: { name: "flatten" } },
  { class_name: "Dense", config: { units: 10, activation: "softmax", name: "digit" } },
]);

/** The last layer is linear with one unit per character: a classifier trained from logits. */
export const CHARS_MLP = sequential("chars_mlp", [
  {
    class_name: "Dense",
    config: { units: 128, activation: "relu", batch_input_shape: [null, CONTEXT * ALPHABET.length], name: "hidden" },
  },
  { class_name: "Dense", config: { units: ALPHABET.length, activation: "linear", name: "next_char_logits" } },
]);

export const CHARS_ROWS = 12_000;

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(here("digits-cnn"), { recursive: true });
  mkdirSync(here("chars-mlp"), { recursive: true });
  writeFileSync(here("digits-cnn/model.json"), `${JSON.stringify(DIGITS_CNN, null, 2)}\n`);
  writeFileSync(here("digits-cnn/sample.csv"), digitsCsv(await loadMnist(), seededRandom(7, "digits")));
  writeFileSync(here("chars-mlp/model.json"), `${JSON.stringify(CHARS_MLP, null, 2)}\n`);
  writeFileSync(
    here("chars-mlp/sample.csv"),
    charsCsv(syntheticText(CHARS_ROWS + CONTEXT + 1, seededRandom(7, "chars")), CHARS_ROWS),
  );
  console.log("wrote bench/tasks/digits-cnn/{model.json,sample.csv} and bench/tasks/chars-mlp/{model.json,sample.csv}");
}
