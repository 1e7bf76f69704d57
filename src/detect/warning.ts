import type { Message } from "../util/message.js";
import type { ParseError } from "./types.js";

/**
 * What detection found wrong in a config that still gave settings — numbers that disagree, a
 * comment that contradicts its key, an inherited file that could not be read — as message ids
 * that src/report/messages/detection-warnings.ts words in each language. Parameters are keys,
 * file names and comments as the PR wrote them, and numbers; the report escapes them.
 */
export interface DetectionWarnings {
  /** The global batch disagrees with per-device × accumulation × devices (DeepSpeed's three numbers). */
  "warning.conflict": {
    globalKey: string;
    global: number;
    microKey: string;
    accumKey: string;
    micro: number;
    accum: number;
    devices: number;
  };
  /** A stated data-parallel degree that the device count and model-parallel sizes contradict. */
  "warning.dataParallelConflict": { keys: string; stated: number; devices: number; modelParallel: number };
  "warning.globalNotDivisibleByMicro": { global: number; micro: number; devices: number };
  "warning.globalNotDivisibleByDevices": { global: number; devices: number; accum: number };
  /** `per_device_train_batch_size: 16  # batch size 8`: `comment` as written. */
  "warning.comment": { line: number; comment: string; key: string; value: number };
  "warning.inheritedTwice": { file: string; line: number; inherited: string };
  "warning.inheritedTooDeep": { file: string; line: number; inherited: string; depth: number; files: number };
  "warning.inheritedMissing": { file: string; line: number; inherited: string };
  /** An inherited file with a parse error: `error` says which (line 0: no line). */
  "warning.inheritedError": { inherited: string; line: number };
}

/**
 * One detection warning: `{ id, params }`; an inherited file's parse error carries the error
 * itself, worded like the file's own errors.
 */
export type DetectionWarning = Message<DetectionWarnings> & { error?: ParseError };
