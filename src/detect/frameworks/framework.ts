import type { DetectionReason, DevicesFrom } from "../reason.js";
import type { BatchSetting, BatchUnit, Entry, ParsedConfig, Role, Scalar } from "../types.js";

/**
 * One framework in the catalogue: how to recognise its configs, which keys mean what, and how
 * its effective batch is formed. A framework is data plus, where it must, a small hook.
 */
export interface Framework {
  /** Stable id used in JSON output and fixtures folder names (`huggingface`, `deepspeed`). */
  id: string;
  name: string;
  /**
   * How strongly this config looks like the framework's: 0 when it does not; the framework with
   * the highest score wins, so give distinctive keys (`train_micro_batch_size_per_gpu`) a high
   * weight and common ones (`batch_size`) none.
   */
  recognise(config: ParsedConfig): number;
  /** Key rules, tried in order; the first rule that matches an entry gives its role. */
  rules: KeyRule[];
  semantics?: BatchSemantics;
  /**
   * Settings the framework reads from outside its keys, appended after them so a key wins:
   * OpenMMLab's `8xb32` file-name convention names the GPU count.
   * @example derive({ path: "rtmdet_l_8xb32-300e_coco.py", … }) // [{ role: "devices", value: 8, … }]
   */
  derive?: (config: ParsedConfig) => BatchSetting[];
  /** Adjusts the roles of the settings found, for meanings that depend on the settings beside them. */
  refine?: (settings: BatchSetting[], config: ParsedConfig) => BatchSetting[];
}

export interface KeyRule {
  /**
   * Dotted key pattern matched against the end of an entry's path, case-sensitive; `*` matches
   * one segment, `**` any number. `"train_dataloader.batch_size"` matches `["train_dataloader","batch_size"]`.
   * A leading `^` anchors it at the root. A RegExp is tested on the dotted path.
   */
  key: string | RegExp;
  role: Role | "ignore";
  /** Only for entries whose context (shell command, Python callee) matches. */
  context?: RegExp;
  /**
   * Reads the value the framework's own way, for values whose meaning is not their number:
   * Ultralytics `batch: -1` is AutoBatch (unknown), `device: 0` is one GPU. Returns the number,
   * a reason it is unknown, or undefined to fall back to the plain number.
   */
  read?: (value: Scalar) => number | { unknown: DetectionReason } | undefined;
}

export interface BatchSemantics {
  /**
   * Unit of the effective batch; tokens for token-budget batches (fairseq `--max-tokens`). A function
   * also sees the settings, for units that follow a non-numeric key (axolotl `sample_packing: true`).
   */
  unit?: BatchUnit | ((roles: Map<Role, number | null>, settings: BatchSetting[]) => BatchUnit);
  /**
   * Unit the per-device batch key itself counts, when another key decides it (OpenNMT
   * `batch_type: tokens`): "tokens" reads it as tokens per device, with no sequence-length factor.
   */
  batchUnit?: (settings: BatchSetting[]) => BatchUnit;
  /** Values that mean "not set, derive it": torchtitan `global_batch_size = -1` is local batch × data-parallel degree.
   * */
  unsetValues?: Partial<Record<Role, number[]>>;
  /** What `"auto"` means in this framework, for the unknown message (DeepSpeed: filled in from TrainingArguments). */
  autoMeans?: DetectionReason;
  /** Gradient accumulation counts over all devices, not per device (nanoGPT divides it by the world size). */
  accumIsGlobal?: boolean;
  /** Framework defaults for settings a config may leave out (HF: 8 per device, accumulation 1). */
  defaults?: Partial<Record<Role, number>>;
  /** Whose defaults those are, for the "assumed: default of …" note (`transformers TrainingArguments`). */
  defaultsFrom?: string;
  /** Where the device count comes from when the file does not say, for the "unknown" message. */
  devicesFrom?: DevicesFrom;
  /**
   * Accumulation implied by other settings (Ultralytics: round(nbs / batch)). Returns the
   * accumulation and a formula fragment that explains it.
   */
  impliedAccum?: (values: Map<Role, number | null>) => { accum: number; why: string } | undefined;
  /**
   * The global batch spans all devices but not accumulation, so accumulation multiplies it
   * (Ultralytics: `batch` is split over the GPUs, then `nbs` accumulates on top).
   */
  globalBeforeAccum?: boolean;
  /**
   * Rescales an explicit global batch with the real device count (detectron2
   * `REFERENCE_WORLD_SIZE`). Returns the batch actually trained with, or null and why when the
   * device count it needs is unknown; undefined leaves the global batch as written.
   */
  rescaleGlobal?: (args: {
    global: number;
    devices: number | null;
    values: Map<Role, number | null>;
  }) => { value: number; why: string } | { value: null; why: string; unknown: DetectionReason } | undefined;
}

/** Dotted form of an entry's path, as users write it. */
export function dotted(entry: Pick<Entry, "path">): string {
  return entry.path.join(".");
}

const patternCache = new Map<string, RegExp>();

/** Compiles a dotted key pattern (see KeyRule.key) into a RegExp over the dotted path. */
export function keyPattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    const anchored = pattern.startsWith("^");
    const segments = (anchored ? pattern.slice(1) : pattern).split(".");
    let body = "";
    segments.forEach((seg, i) => {
      if (seg === "**") {
        body += "(?:[^.]+\\.)*";
        return;
      }
      body += seg === "*" ? "[^.]+" : seg.replace(/[\\^$+?()[\]{}|*]/g, "\\$&");
      if (i < segments.length - 1) body += "\\.";
    });
    re = new RegExp(`${anchored ? "^" : "(?:^|\\.)"}${body}$`);
    patternCache.set(pattern, re);
  }
  return re;
}

/**
 * A key whose last dotted segment (at any nesting) is one of the alternatives: regular-expression
 * fragments, so a long list of names stays a readable list instead of one very long pattern.
 * @example lastSegment(["eval_steps", "save_steps"]).test("trainer.eval_steps") // true
 */
export function lastSegment(
  alternatives: readonly string[],
  options: { suffix?: string; flags?: string } = {},
): RegExp {
  return new RegExp(`(?:^|\\.)(?:${alternatives.join("|")})${options.suffix ?? ""}$`, options.flags);
}

/** True when the config has an entry matching the key pattern. */
export function hasKey(config: ParsedConfig, pattern: string | RegExp): boolean {
  const re = typeof pattern === "string" ? keyPattern(pattern) : pattern;
  return config.entries.some((e) => re.test(dotted(e)));
}

/** True when any entry's context (shell command, Python callee) matches. */
export function hasContext(config: ParsedConfig, re: RegExp): boolean {
  return config.entries.some((e) => e.context !== undefined && re.test(e.context));
}

/** True when an entry's key matches and its context (the Python callee, the shell command) does too. */
export function hasKeyIn(config: ParsedConfig, pattern: string | RegExp, context: RegExp): boolean {
  const re = typeof pattern === "string" ? keyPattern(pattern) : pattern;
  return config.entries.some((e) => e.context !== undefined && context.test(e.context) && re.test(dotted(e)));
}

/** A signal this strong names its framework on its own; weaker ones only support such a signal. */
export const DISTINCTIVE = 4;

/**
 * Sums the weights of the signals present, when at least one of them is distinctive (weight ≥ 4)
 * or several weak ones add up to twice that: a weak key (`train_batch_size`, `model_type`,
 * `tokenizer_dir`) alone must not hand a file to a framework whose narrow rules then find nothing.
 */
export function score(config: ParsedConfig, signals: Array<[string | RegExp, number]>): number {
  let sum = 0;
  let distinctive = false;
  for (const [pattern, weight] of signals) {
    if (!hasKey(config, pattern)) continue;
    sum += weight;
    if (weight >= DISTINCTIVE) distinctive = true;
  }
  return distinctive || sum >= 2 * DISTINCTIVE ? sum : 0;
}
