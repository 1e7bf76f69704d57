import { z } from "zod";
import { findGpu, unknownGpuSentence } from "../workload/catalogue/find-gpu.js";
import type { ConfigPathKind, ConfigQuantity } from "./config-issue.js";
import { says, saysEach } from "./config-detail.js";
import { parseBytes, parseCount, parseRelative, type Parsed } from "./parse-size.js";

/**
 * The schema of `.github/batch-advisor.yml`: every key, its default and what values it allows.
 * docs/configuration.md documents the same keys; change both together.
 */

/** Config files the bot reads by default: detection decides by content, so a wide net is cheap. */
export const DEFAULT_FILES = ["**/*.{yaml,yml,json,jsonc,toml,py,sh,bash,cfg,ini,gin}", "**/Makefile"];
export const DEFAULT_IGNORE = [
  "**/node_modules/**",
  "**/.git/**",
  "**/package.json",
  "**/package-lock.json",
  "**/tsconfig*.json",
  ".github/workflows/**",
];

/** The runner workflow the GitHub App dispatches, in the repository's `.github/workflows/`. */
export const DEFAULT_APP_WORKFLOW = "batch-advisor.yml";

export const LANGUAGES = ["en", "zh-TW"] as const;
/** A language the report speaks: the bot config's `language`, the CLI's `--lang`, the Action's `language` input. */
export type Language = (typeof LANGUAGES)[number];
export const LEVELS = ["warn", "error"] as const;
export const BACKENDS = ["auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu"] as const;
export const PROXY_MODELS = ["auto", "mlp", "cnn", "transformer"] as const;
export const PROXY_DATA = ["auto", "mnist", "teacher-student", "tokens"] as const;
export const PRECISIONS = ["mixed", "fp32", "bf16", "fp16"] as const;
export const OPTIMIZERS = ["adam", "adamw", "lamb", "adafactor", "rmsprop", "sgd", "momentum"] as const;

const VERSION_EXAMPLES = { example: "0.42.0", requirement: ">=0.45.2,<0.46" };

/** A version ("0.42.0") or a requirement's clauses (">=0.45.2,<0.46", "~=0.42.0", "^0.42"). */
const BNB_VERSION = /^(?:(?:===|[<>=!~]=|[<>^~])?\s*\d+(?:\.[\w*+-]+)*\s*(?:,\s*|$))+$/;

// Each English sentence below is said with its id (config-detail.ts), so the report words it in
// the reader's language; the English is the CLI's.
const positiveInt = (what: ConfigQuantity, english: string) => {
  const error = says("config.expect.positiveInt", { what }, `expected ${english} (a positive whole number)`);
  return z.number({ error }).int({ error }).positive({ error });
};
const positive = (what: ConfigQuantity, english: string) => {
  const error = says("config.expect.positive", { what }, `expected ${english} (a positive number)`);
  return z.number({ error }).positive({ error });
};
const outside = (issue: { input?: unknown }) => saysEach("config.expect.inside", {}, outsideMessage(issue.input));
const TRUE_OR_FALSE = says("config.expect.boolean", {}, "expected true or false");
const GLOB = says("config.expect.glob", {}, "expected a glob pattern in quotes");
const GLOB_LIST = says("config.expect.globList", {}, "expected a list of glob patterns");
const FRACTION = says("config.expect.fraction", {}, "expected a fraction between 0 and 1");
const WHOLE = says("config.expect.wholeNumber", {}, "expected a whole number");
const RATIO = says("config.expect.ratioAboveOne", {}, "expected a ratio high ÷ low above 1");

/** Runs a size parser inside zod so its reason becomes the issue message. */
function sized<T>(parse: (v: string | number) => Parsed, build: (value: number, raw: string | number) => T) {
  const error = says("config.expect.size", {}, "expected a size");
  return z.union([z.string(), z.number()], { error }).transform((raw, ctx) => {
    const r = parse(raw);
    if (!r.ok) {
      ctx.issues.push({ code: "custom", message: r.reason, input: raw });
      return z.NEVER;
    }
    return build(r.value, raw);
  });
}

export interface MemoryBudget {
  /** As written: "40GiB", "+10%", 42949672960. */
  raw: string;
  kind: "absolute" | "relative";
  /** Bytes (absolute) or the allowed ratio new ÷ old (relative). */
  value: number;
}

const budget = sized<MemoryBudget>(
  (raw) => (typeof raw === "string" && raw.includes("%") ? parseRelative(raw) : parseBytes(raw)),
  (value, raw) => ({
    raw: String(raw),
    kind: typeof raw === "string" && raw.includes("%") ? "relative" : "absolute",
    value,
  }),
);

const pathOr = <T extends readonly [string, ...string[]]>(
  names: T,
  ext: RegExp,
  path: ConfigPathKind,
  hint: string,
) => {
  const allowed = names.join(", ");
  return z
    .string({ error: says("config.expect.oneOfOrPath", { allowed, path }, `use one of: ${allowed}, or ${hint}`) })
    .refine((v) => (names as readonly string[]).includes(v) || ext.test(v), {
      error: (issue) =>
        saysEach(
          "config.expect.oneOfOrPath",
          { allowed, path },
          `"${String(issue.input)}" is not allowed; use one of: ${allowed}, or ${hint}`,
        ),
    })
    .refine(insideRepository, { error: outside });
};

/**
 * A path written in the repository's own config names a file in that repository: relative to its
 * root, never absolute, never climbing out with "..". (Symlinks out are refused when it is read.)
 */
function insideRepository(value: string): boolean {
  if (value.startsWith("/") || value.startsWith("\\") || /^[a-z]:/i.test(value) || value.includes("\0")) return false;
  return !value.split(/[\\/]/).includes("..");
}

function outsideMessage(input: unknown): string {
  return `"${String(input)}" is outside the repository; use a path relative to the repository root, without ".."`;
}

export const configSchema = z.strictObject({
  files: z.array(z.string({ error: GLOB }), { error: GLOB_LIST }).default(DEFAULT_FILES),
  ignore: z.array(z.string({ error: GLOB }), { error: GLOB_LIST }).default(DEFAULT_IGNORE),
  devices: positiveInt("devices", "a number of devices").optional(),
  language: z.enum(LANGUAGES).default("en"),
  memory: z
    .strictObject({
      budget: budget.optional(),
      level: z.enum(LEVELS).default("warn"),
      calibration: z
        .strictObject({
          batch: positiveInt("calibrationBatch", "the per-device batch size of the measurement"),
          peak: sized(parseBytes, (value, raw) => ({ raw: String(raw), bytes: value })),
        })
        .optional(),
    })
    .prefault({}),
  model: z
    .strictObject({
      /** The catalogue model the training config trains, when it names a local path or a copy under another name. */
      name: z
        .string({
          error: says(
            "config.expect.modelId",
            { example: "meta-llama/Llama-3.2-1B" },
            "expected a model id of the bundled catalogue, such as meta-llama/Llama-3.2-1B",
          ),
        })
        .min(1)
        .optional(),
      parameters: sized(parseCount, (value) => value).optional(),
      hidden: positiveInt("hidden", "the hidden size").optional(),
      layers: positiveInt("layers", "a number of layers").optional(),
      heads: positiveInt("heads", "a number of attention heads").optional(),
      seqLen: positiveInt("seqLen", "a sequence length in tokens").optional(),
      vocab: positiveInt("vocab", "a vocabulary size").optional(),
      precision: z.enum(PRECISIONS).optional(),
      optimizer: z.enum(OPTIMIZERS).optional(),
      zeroStage: z
        .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
          error: says("config.expect.oneOf", { allowed: "0, 1, 2, 3" }, "use one of: 0, 1, 2, 3"),
        })
        .optional(),
      configJson: z
        .string({ error: says("config.expect.configJson", {}, "expected a path to a Hugging Face config.json") })
        .refine(insideRepository, { error: outside })
        .optional(),
      loss: positive("loss", "a training loss in nats per token").optional(),
      /** The bitsandbytes your job runs ("0.42.0", or a requirement such as ">=0.45,<0.46"), for QLoRA's memory. */
      bitsandbytes: z
        .union([z.string(), z.number()], {
          error: says("config.expect.version", VERSION_EXAMPLES, 'expected a bitsandbytes version, e.g. "0.42.0"'),
        })
        .transform((v) => String(v).trim())
        .refine((v) => BNB_VERSION.test(v), {
          error: (issue) =>
            saysEach(
              "config.expect.version",
              VERSION_EXAMPLES,
              `"${String(issue.input)}" is not a version; write it as "0.42.0" or ">=0.45.2,<0.46"`,
            ),
        })
        .optional(),
      flashAttention: z.boolean({ error: TRUE_OR_FALSE }).default(false),
    })
    .prefault({}),
  /** A measurements file the user's training job writes (docs/measurements.md), relative to the repository root. */
  measurements: z
    .string({
      error: says(
        "config.expect.measurementsPath",
        {},
        "expected a path to a measurements JSON file (docs/measurements.md)",
      ),
    })
    .refine(insideRepository, { error: outside })
    .optional(),
  dataset: z
    .strictObject({
      /** Training examples per epoch: gives time per epoch and GPU-hours. */
      examples: positiveInt("examples", "the number of training examples per epoch").optional(),
    })
    .prefault({}),
  convergence: z
    .strictObject({
      criticalBatch: positive(
        "criticalBatch",
        "your measured critical batch, in your effective batch's unit (examples or tokens)",
      ).optional(),
      noiseScale: positive(
        "noiseScale",
        "your measured gradient noise scale B_simple, in your effective batch's unit",
      ).optional(),
      atLoss: positive("atLoss", "the training loss at which it was measured").optional(),
    })
    .prefault({}),
  proxy: z
    .strictObject({
      model: pathOr(PROXY_MODELS, /\.json$/i, "modelJson", "a path to a Keras/TF.js model.json").default("auto"),
      data: pathOr(PROXY_DATA, /\.(csv|jsonl)$/i, "sample", "a path to a .csv or .jsonl sample").default("auto"),
      timeBudget: positive("timeBudget", "a time budget in seconds").default(30),
      backend: z.enum(BACKENDS).default("auto"),
      seed: z.number({ error: WHOLE }).int({ error: WHOLE }).default(42),
    })
    .prefault({}),
  hardware: z
    .strictObject({
      /** A GPU of the bundled catalogue (`A100-80GB`, `H100-80GB`, `L4`, `RTX4090`): with no memory.budget, its memory
       * less `reserve` is the budget. */
      gpu: z
        .string({
          error: says("config.expect.gpuName", { example: "A100-80GB" }, "expected a GPU name such as A100-80GB"),
        })
        .transform((name, ctx) => {
          const found = findGpu(name);
          if ("unknown" in found) {
            const params = { closest: found.closest.join(", "), known: found.known.join(", ") };
            const message = saysEach("config.expect.knownGpu", params, unknownGpuSentence(found));
            ctx.issues.push({ code: "custom", message, input: name });
            return z.NEVER;
          }
          return found.id;
        })
        .optional(),
      /** Memory kept free on the GPU beyond the predicted peak (allocator fragmentation); the default is stated in
       * docs/estimates.md. */
      reserve: sized(parseBytes, (value, raw) => ({ raw: String(raw), bytes: value })).optional(),
    })
    .prefault({}),
  app: z
    .strictObject({
      workflow: z
        .string({
          error: says(
            "config.expect.workflow",
            { example: "batch-advisor.yml" },
            "expected a workflow file name such as batch-advisor.yml",
          ),
        })
        .regex(/^[\w.-]+\.ya?ml$/, {
          error: (issue) =>
            saysEach(
              "config.expect.workflow",
              { example: "batch-advisor.yml" },
              `"${String(issue.input)}" is not a workflow file name; use a file name in ` +
                ".github/workflows/, such as batch-advisor.yml",
            ),
        })
        .default(DEFAULT_APP_WORKFLOW),
      analyzeInApp: z.boolean({ error: TRUE_OR_FALSE }).default(false),
    })
    .prefault({}),
  thresholds: z
    .strictObject({
      uncertainRatio: positive("uncertainRatio", "a ratio high ÷ low above 1")
        .refine((v) => v > 1, { error: RATIO })
        .default(2),
      largeBatchFactor: positive("largeBatchFactor", "a multiple of the critical batch").default(2),
      smallBatch: positiveInt("perDeviceBatch", "a per-device batch size").default(8),
      memoryMargin: z.number({ error: FRACTION }).min(0, { error: FRACTION }).max(1, { error: FRACTION }).default(0.05),
    })
    .prefault({}),
});

export type BotConfig = z.output<typeof configSchema>;
