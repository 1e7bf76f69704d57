import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The binaries the wasm backend may fetch: plain, SIMD, and threaded SIMD (picked by the runtime's features). */
export const WASM_FILES = [
  "tfjs-backend-wasm.wasm",
  "tfjs-backend-wasm-simd.wasm",
  "tfjs-backend-wasm-threaded-simd.wasm",
];

export interface WasmDir {
  dir: string;
  /** Where the directory came from: "option", "BATCH_ADVISOR_WASM_DIR", "beside the module", "node_modules". */
  source: string;
  /** Binaries missing from `dir`; the backend silently fails without them, so the caller falls back. */
  missing: string[];
}

/**
 * Where the wasm binaries are: an explicit directory, then `BATCH_ADVISOR_WASM_DIR`, then beside this
 * module (a bundle ships them there, directly or in `wasm/`), then the installed package.
 * An explicit choice is never silently replaced by another: a bad one is reported as missing files.
 * @example resolveWasmDir().dir // ".../node_modules/@tensorflow/tfjs-backend-wasm/dist"
 */
export function resolveWasmDir(explicit?: string): WasmDir {
  if (explicit) return describe(explicit, "option");
  const fromEnv = process.env.BATCH_ADVISOR_WASM_DIR;
  if (fromEnv) return describe(fromEnv, "BATCH_ADVISOR_WASM_DIR");
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [here, join(here, "wasm")]) {
    const found = describe(candidate, "beside the module");
    if (found.missing.length === 0) return found;
  }
  try {
    const file = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm");
    return describe(dirname(file), "node_modules");
  } catch {
    return { dir: "", source: "node_modules", missing: [...WASM_FILES] };
  }
}

function describe(dir: string, source: string): WasmDir {
  // The threaded binary is only fetched where SharedArrayBuffer workers exist; Node never uses it here.
  const needed = WASM_FILES.slice(0, 2);
  return { dir, source, missing: needed.filter((name) => !existsSync(join(dir, name))) };
}
