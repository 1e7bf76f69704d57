import type { Message } from "../util/message.js";

/**
 * What is wrong with one key of `.github/batch-advisor.yml`, as message ids that
 * src/report/messages/config-issues.ts words in each language. Parameters are what the file wrote
 * (a value as JSON), the keys and values allowed, and a library's or the schema's own detail.
 */
export interface ConfigIssues {
  "config.unknownKey": { guess: string };
  /** `allowed`: the keys allowed beside it, comma-separated. */
  "config.unknownKeyAllowed": { allowed: string };
  /** `value`: what the file wrote, as JSON; `allowed`: the values allowed, comma-separated. */
  "config.notAllowed": { value: string; allowed: string };
  "config.notMapping": { value: string; allowed: string };
  /** Any other invalid value: `detail` is the schema's words for what it expected. */
  "config.invalid": { value: string; detail: string };
  /** The file does not parse as YAML: `detail` is the YAML library's message. */
  "config.unreadable": { file: string; detail: string };
  /** A file a key names (`model.configJson`) is not in the repository at head. */
  "config.fileNotFound": { file: string };
  /** A file a key names is not JSON: `detail` is the JSON parser's message. */
  "config.fileNotJson": { file: string; detail: string };
  /** The proxy the settings chose could not run: `detail` is the error it stopped with. */
  "config.proxyFailed": { detail: string };
  /** The measurements file could not be read: `detail` is the source's English reason, quoted. */
  "config.measurementsUnreadable": { file: string; detail: string };
  /** The measurements file is over `max` bytes. */
  "config.measurementsTooLarge": { file: string; max: number };
  /** The measurements file is not JSON; `at` the character where parsing stopped, or "". */
  "config.measurementsNotJson": { file: string; at: string };
  /** A field of the measurements file does not match its schema: `detail` is the schema's words, quoted. */
  "config.measurementsInvalid": { file: string; field: string; detail: string };
  // What a value should have been (src/config/schema.ts, parse-size.ts), after what the file wrote
  // (`value`, as JSON, may be empty). `what` names the quantity (a ConfigQuantity).
  "config.expect.positiveInt": { value: string; what: ConfigQuantity };
  "config.expect.positive": { value: string; what: ConfigQuantity };
  "config.expect.size": { value: string };
  /** Bytes as "40GiB", "80GB" or "512MiB"; `units` lists the units. */
  "config.expect.bytes": { value: string; units: string };
  "config.expect.bytesPositive": { value: string };
  /** A growth limit such as "+10%". */
  "config.expect.growth": { value: string };
  /** A relative budget of -100% or less leaves no memory. */
  "config.expect.growthAbove": { value: string };
  /** A parameter count such as "1.5B". */
  "config.expect.count": { value: string };
  "config.expect.countPositive": { value: string };
  /** One of `allowed`, or a path of the kind `path` names. */
  "config.expect.oneOfOrPath": { value: string; allowed: string; path: ConfigPathKind };
  /** A path outside the repository (absolute, or climbing out with ".."). */
  "config.expect.inside": { value: string };
  "config.expect.glob": { value: string };
  "config.expect.globList": { value: string };
  /** A model id of the bundled catalogue, such as `example`. */
  "config.expect.modelId": { value: string; example: string };
  "config.expect.oneOf": { value: string; allowed: string };
  "config.expect.configJson": { value: string };
  /** A bitsandbytes version such as `example`, or a requirement such as `requirement`. */
  "config.expect.version": { value: string; example: string; requirement: string };
  "config.expect.boolean": { value: string };
  "config.expect.measurementsPath": { value: string };
  "config.expect.wholeNumber": { value: string };
  /** A GPU name such as `example`. */
  "config.expect.gpuName": { value: string; example: string };
  /** A GPU the catalogue does not know: the `closest` names and every `known` one. */
  "config.expect.knownGpu": { value: string; closest: string; known: string };
  /** A workflow file name such as `example`, in .github/workflows/. */
  "config.expect.workflow": { value: string; example: string };
  "config.expect.ratioAboveOne": { value: string };
  "config.expect.fraction": { value: string };
}

/** The quantities a positive number names, worded in each language by src/report/messages/config-issues.ts. */
export type ConfigQuantity =
  | "devices"
  | "calibrationBatch"
  | "hidden"
  | "layers"
  | "heads"
  | "seqLen"
  | "vocab"
  | "loss"
  | "examples"
  | "criticalBatch"
  | "noiseScale"
  | "atLoss"
  | "timeBudget"
  | "uncertainRatio"
  | "largeBatchFactor"
  | "perDeviceBatch";

/** What path a proxy setting may name instead of a built-in: a Keras/TF.js model.json, or a .csv/.jsonl sample. */
export type ConfigPathKind = "modelJson" | "sample";

/** One bot-config problem: `{ id, params }`. */
export type ConfigIssue = Message<ConfigIssues>;
