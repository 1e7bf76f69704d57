import type { Message } from "../util/message.js";

/**
 * Why a TensorFlow.js backend could not be used (src/proxy/load-backend.ts), as message ids that
 * src/report/messages/proxy-words.ts words in each language. The English `reason` beside it is
 * what the CLI, the errors and the JSON print. `error` is the library's own words, quoted.
 */
export interface BackendSkips {
  "backend.notInstalled": { pkg: string };
  "backend.failed": { pkg: string; error: string };
  /** The package registered its backend on another copy of @tensorflow/tfjs (`version`: ours). */
  "backend.otherCopy": { pkg: string; version: string };
  /** The wasm binaries are not in `dir` (found through `source`): `missing` lists the files. */
  "backend.wasmMissing": { dir: string; source: string; missing: string };
  /** `tf.setBackend(backend)` threw `error`. */
  "backend.threw": { backend: string; error: string };
  /** `tf.setBackend(backend)` returned false. */
  "backend.initFailed": { backend: string };
  /** The wasm backend did not start with the binaries in `dir`; `error` is why, `version` the package's. */
  "backend.wasmBinaries": { error: string; dir: string; source: string; version: string };
}

/** One backend skip: `{ id, params }`. */
export type BackendSkip = Message<BackendSkips>;
