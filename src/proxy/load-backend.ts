import * as tf from "@tensorflow/tfjs";
import os from "node:os";
import type { BackendSkip } from "./backend-skip.js";
import type { BackendInfo, BackendName } from "./types.js";
import { resolveWasmDir } from "./wasm-dir.js";

/** Fastest first: native CUDA, native CPU, single-threaded wasm with SIMD, plain JavaScript. */
export const BACKEND_ORDER: BackendName[] = ["tensorflow-gpu", "tensorflow", "wasm", "cpu"];

export interface LoadBackendOptions {
  /** Use this backend or fail; no fallback. */
  force?: BackendName;
  /** Directory of the wasm binaries (else BATCH_ADVISOR_WASM_DIR, beside the module, node_modules). */
  wasmDir?: string;
}

type Attempt =
  | { ok: true; version: string; details: Record<string, string | number | boolean> }
  | { ok: false; reason: string; why: BackendSkip };

/**
 * Activates the first backend that works, in BACKEND_ORDER, and says why the ones before it were skipped.
 * Each package is imported only when tried, so a missing optional dependency costs nothing.
 * @example (await loadBackend()).name // "wasm" where @tensorflow/tfjs-node is not installed
 */
export async function loadBackend(options: LoadBackendOptions = {}): Promise<BackendInfo> {
  // Production mode silences tfjs's stderr banners and skips per-op debug checks.
  tf.enableProdMode();
  const skipped: BackendInfo["skipped"] = [];
  for (const name of options.force ? [options.force] : BACKEND_ORDER) {
    const attempt = await tryBackend(name, options);
    if (attempt.ok) {
      const details = { ...attempt.details, cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown" };
      return { name, version: attempt.version, skipped, details };
    }
    if (options.force) throw new Error(`Backend "${name}" was requested but cannot run: ${attempt.reason}`);
    skipped.push({ name, reason: attempt.reason, why: attempt.why });
  }
  throw new Error(`No TensorFlow.js backend could run: ${skipped.map((s) => `${s.name}: ${s.reason}`).join("; ")}`);
}

function tryBackend(name: BackendName, options: LoadBackendOptions): Promise<Attempt> {
  if (name === "tensorflow-gpu") return tryNative("@tensorflow/tfjs-node-gpu");
  if (name === "tensorflow") return tryNative("@tensorflow/tfjs-node");
  if (name === "wasm") return tryWasm(options.wasmDir);
  return activate("cpu", tf.version["tfjs-backend-cpu"] ?? tf.version_core, {});
}

async function tryNative(pkg: string): Promise<Attempt> {
  let mod: { version?: unknown };
  try {
    mod = (await import(pkg)) as { version?: unknown };
  } catch (error) {
    return { ok: false, ...nativeLoadFailure(pkg, error) };
  }
  if (!tf.findBackendFactory("tensorflow")) {
    return {
      ok: false,
      reason:
        `${pkg} loaded but registered its backend on another copy of ` +
        `@tensorflow/tfjs (versions differ from ${tf.version_core})`,
      why: { id: "backend.otherCopy", params: { pkg, version: tf.version_core } },
    };
  }
  // tfjs-node exports its version as a string in some releases and as a map of package versions in others.
  const v = mod.version as string | Record<string, string> | undefined;
  const version = typeof v === "string" ? v : (v?.["tfjs-node"] ?? v?.["tfjs-node-gpu"] ?? tf.version_core);
  return activate("tensorflow", version, { package: pkg });
}

/**
 * Why a native package could not be imported: not installed at all (an optional dependency that
 * did not install), or installed but broken (its native addon missing or built for another Node).
 * @example nativeLoadFailure("@tensorflow/tfjs-node", notFound)
 * // { reason: "@tensorflow/tfjs-node is not installed", why: { id: "backend.notInstalled", params: { pkg } } }
 */
export function nativeLoadFailure(pkg: string, error: unknown): { reason: string; why: BackendSkip } {
  const e = error as NodeJS.ErrnoException;
  const missing = (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND") && e.message.includes(pkg);
  if (missing) return { reason: `${pkg} is not installed`, why: { id: "backend.notInstalled", params: { pkg } } };
  return failed(pkg, error);
}

/** A package that is installed but threw on import: its first line of error, quoted. */
function failed(pkg: string, error: unknown): { reason: string; why: BackendSkip } {
  const message = firstLine((error as Error).message);
  return {
    reason: `${pkg} failed to load: ${message}`,
    why: { id: "backend.failed", params: { pkg, error: message } },
  };
}

async function tryWasm(explicitDir?: string): Promise<Attempt> {
  const location = resolveWasmDir(explicitDir);
  if (location.missing.length > 0) {
    const params = {
      dir: location.dir || "node_modules",
      source: location.source,
      missing: location.missing.join(", "),
    };
    return {
      ok: false,
      reason: `wasm binaries not found in ${params.dir} (${params.source}): missing ${params.missing}`,
      why: { id: "backend.wasmMissing", params },
    };
  }
  let wasm: typeof import("@tensorflow/tfjs-backend-wasm");
  try {
    wasm = await import("@tensorflow/tfjs-backend-wasm");
  } catch (error) {
    return { ok: false, ...failed("@tensorflow/tfjs-backend-wasm", error) };
  }
  // The paths must be set before the first initialisation and cannot change after it.
  if (!tf.findBackend("wasm")) wasm.setWasmPaths(location.dir.endsWith("/") ? location.dir : `${location.dir}/`);
  const attempt = await activate("wasm", wasm.version_wasm, { wasmDir: location.dir, wasmDirSource: location.source });
  if (!attempt.ok) {
    const params = { error: attempt.reason, dir: location.dir, source: location.source, version: wasm.version_wasm };
    return {
      ok: false,
      reason:
        `${attempt.reason} with the binaries in ${location.dir} ` +
        `(${location.source}); are they from @tensorflow/tfjs-backend-wasm ${wasm.version_wasm}?`,
      why: { id: "backend.wasmBinaries", params },
    };
  }
  attempt.details.simd = (await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) as boolean;
  attempt.details.threads = wasm.getThreadsCount();
  return attempt;
}

async function activate(
  backend: string,
  version: string,
  details: Record<string, string | number | boolean>,
): Promise<Attempt> {
  // setBackend resolves false (not a rejection) when initialisation fails.
  let ok = false;
  try {
    ok = await tf.setBackend(backend);
  } catch (error) {
    const message = firstLine((error as Error).message);
    return {
      ok: false,
      reason: `tf.setBackend("${backend}") threw: ${message}`,
      why: { id: "backend.threw", params: { backend, error: message } },
    };
  }
  if (!ok || tf.getBackend() !== backend)
    return {
      ok: false,
      reason: `tf.setBackend("${backend}") failed to initialise`,
      why: { id: "backend.initFailed", params: { backend } },
    };
  return { ok: true, version, details };
}

function firstLine(text: string): string {
  return text.split("\n")[0].slice(0, 300);
}
