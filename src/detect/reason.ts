import { partKey } from "../util/distinct-parts.js";
import type { Message } from "../util/message.js";
import type { Role } from "./types.js";

type None = Record<string, never>;

/**
 * Why detection cannot know a value, a part of the effective batch or the device count, as message
 * ids that src/report/messages/detection-reasons.ts words in each language. Parameters are what
 * the PR wrote (keys, names, expressions, file names) and numbers; the report escapes them.
 */
export interface DetectionReasons {
  // ---- a value known only at run time (src/detect/parse/*)
  "value.auto": None;
  "value.env": { name: string };
  "value.resolver": { name: string };
  /** An OmegaConf `${…}`; `expr` is the whole interpolation as written. */
  "value.interpolation": { expr: string };
  "value.interpolationCycle": { expr: string; max: number };
  "value.interpolationAboveRoot": { expr: string };
  "value.interpolationMissing": { expr: string; key: string };
  "value.extVar": { name: string };
  /** `$1`, `$@`: `name` as written, with its `$`. */
  "value.positional": { name: string };
  "value.shellVar": { name: string };
  "value.shellVarNotInteger": { name: string; value: string };
  "value.shellArith": None;
  "value.shellArithTooLong": None;
  "value.shellArithTooDeep": None;
  "value.shellArithUnbalanced": None;
  "value.shellArithIncomplete": None;
  "value.shellArithExpr": { expr: string };
  "value.shellArithToken": { token: string };
  "value.shellCommand": None;
  "value.shellExpansion": { expr: string };
  /** `$?`, `$$`, `$!`: set by the shell itself. */
  "value.shellSpecial": { name: string };
  "value.actionsExpression": { expr: string };
  "value.loopVariable": { name: string };
  "value.loopVariableOf": { name: string; values: string };
  "value.overrideRemoved": { override: string };
  "value.tooLongToExpand": None;
  /** transformers `nproc_per_node: gpu`. */
  "value.gpuPerVisible": None;
  /** LLM Foundry durations in epochs or tokens (`1ep`). */
  "value.notInSteps": { value: string };
  /** `--gres=…`, `--gpus-per-node=…` without a count: `flag` as written, `value` the rest. */
  "value.noGpuCount": { flag: string; value: string };
  "value.timmLrDerived": None;
  /** Ultralytics AutoBatch (`batch: -1` is 60 %, `0.7` is 70 %). */
  "value.autoBatch": { value: string; percent: number };
  "value.deviceList": { value: string };
  "value.ginMacro": { name: string };
  "value.ginMacroSelf": { name: string };
  "value.ginRequired": None;
  "value.ginTooDeep": None;
  /** A gin binding that could not be read: the parser's message (also in the file's errors). */
  "value.ginSyntax": { message: string };
  "value.notFinite": { value: string };
  "value.tooLarge": { value: string };
  "value.resultTooLarge": None;
  "value.notNumber": { value: string };
  "value.notNumberLiteral": { value: string };
  "value.complex": { value: string };
  "value.divisionByZero": None;
  "value.negativeExponent": None;
  "value.operator": { op: string };
  /** Python, Jsonnet: a name no assignment or `local` in the file binds. */
  "value.undefinedName": { name: string };
  "value.pythonBuiltin": { name: string };
  "value.pythonImported": { name: string; from: string };
  "value.pythonModule": { name: string };
  /** `kind`: "function", "class" (the Python statement that defines it). */
  "value.pythonDefined": { name: string; kind: string };
  "value.pythonParameter": { param: string; fn: string };
  "value.pythonReturned": { fn: string };
  "value.pythonTooDeep": None;
  "value.fString": None;
  "value.unpacked": None;
  "value.unpackedFrom": { expr: string };
  /** An expression evaluated only when the program runs (a call, an attribute, an operator). */
  "value.evaluated": { expr: string };
  "value.jsonnetCondition": { expr: string };
  "value.jsonnetFunction": None;
  "value.jsonnetNamedFunction": { name: string };
  "value.jsonnetIndexed": { expr: string };
  "value.jsonnetComputed": { fn: string };
  "value.jsonnetExtended": { expr: string };
  "value.jsonnetComprehension": None;
  "value.jsonnetSelf": { name: string };
  "value.jsonnetOutermost": None;
  "value.jsonnetField": { field: string };
  "value.jsonnetAddedToInherited": { name: string };
  "value.importBinary": { file: string };
  "value.importOutside": { file: string };
  "value.importNoRepository": { file: string };
  "value.importOverLimit": { file: string; depth: number; files: number };
  "value.importMissing": { file: string };
  "value.importTooDeep": { file: string; depth: number };
  /** An imported file that does not parse: the parser's message. */
  "value.importUnreadable": { file: string; error: string };
  // ---- what "auto" means in a framework (BatchSemantics.autoMeans)
  "auto.deepspeed": None;
  "auto.litgpt": None;
  "auto.lightning": None;
  "auto.ludwig": None;
  "auto.composer": None;
  // ---- a part of the effective batch (src/detect/effective-batch.ts)
  "part.notSet": { part: "micro_batch" | "seq_len" | "devices" };
  "part.devicesAll": { value: number };
  "part.devicesIndivisible": { devices: number; parallel: number };
  "part.rescaled": { reference: number; global: number };
  // ---- a default assumed for a part (EffectiveBatch.assumed); `from` names whose default, "" when none
  "assumed.default": { part: Role; value: number; from: string };
}

/**
 * Where a framework takes its device count from when the config does not say
 * (`BatchSemantics.devicesFrom`): commands and keys as parameters, the prose in the catalogue.
 */
export interface DevicesFromReasons {
  "devices.launcher": None;
  /** One command or key that sets it (`accelerate launch --num_processes`, `world_size`). */
  "devices.from": { what: string };
  "devices.fromEither": { a: string; b: string };
  "devices.fromAny": { a: string; b: string; c: string };
  "devices.fromBoth": { a: string; b: string };
  "devices.orVisible": { what: string };
  "devices.keras": None;
  "devices.axolotl": None;
  "devices.litgpt": None;
  "devices.openmmlab": { example: string };
  "devices.lightning": None;
  "devices.lightningOrLauncher": None;
  "devices.lightningHydraTemplate": None;
  "devices.ultralytics": None;
  "devices.topology": None;
  "devices.topologySlices": None;
  "devices.nanogpt": None;
  "devices.ludwig": None;
  "devices.jax": None;
  "devices.composer": None;
  "devices.torchtitan": None;
}

/** One detection reason: `{ id, params }`. */
export type DetectionReason = Message<DetectionReasons>;

/** Where the launcher sets the device count. */
export type DevicesFrom = Message<DevicesFromReasons>;

/**
 * One part of the effective batch that cannot be known:
 * - a setting whose value exists only at run time (`key` and why);
 * - the device count, left to the launcher (where the launcher sets it);
 * - a part the file does not give or that does not add up (`part.*`).
 */
export type UnknownPart =
  | { key: string; reason: DetectionReason }
  | { devicesFrom: DevicesFrom }
  | { reason: DetectionReason };

/**
 * Whether two parts say the same thing, for parts that cancel between base and head and for
 * lists without repeats.
 * @example samePart({ reason: { id: "part.globalUnknown" } }, { reason: { id: "part.globalUnknown" } }) // true
 */
export function samePart(a: UnknownPart, b: UnknownPart): boolean {
  return partKey(a) === partKey(b);
}
