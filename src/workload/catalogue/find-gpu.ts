import { closestNames } from "./closest-names.js";
import type { UnknownName } from "./find-model.js";
import type { GpuEntry } from "./gpu-schema.js";
import { loadGpuCatalogue } from "./load-gpu-catalogue.js";

/** An unknown GPU also lists every catalogue id, so the config error can say what is allowed. */
export interface UnknownGpu extends UnknownName {
  known: string[];
}

/**
 * Case, spaces, underscores and vendor words do not matter: `NVIDIA A100-SXM4-80GB`,
 * `a100_sxm4_80gb` and `A100 SXM4 80GB` are one key.
 */
export function gpuKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(nvidia|amd|geforce|tesla|instinct|radeon)\b/g, "")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * The catalogue entry for a GPU name from the bot config, an Action input or `nvidia-smi`, or the
 * nearest ids when there is none.
 * @example findGpu("NVIDIA A100-SXM4-80GB") // the A100-80GB entry
 * @example findGpu("A200") // { unknown: "A200", closest: ["A100-40GB", …], known: [...] }
 */
export function findGpu(name: string, entries: GpuEntry[] = loadGpuCatalogue()): GpuEntry | UnknownGpu {
  const key = gpuKey(name);
  for (const entry of entries) {
    if ([entry.id, ...entry.aliases].some((n) => gpuKey(n) === key)) return entry;
  }
  const candidates = entries.map((e) => ({ name: e.id, keys: [e.id, ...e.aliases].map(gpuKey) }));
  return { unknown: name.trim(), closest: closestNames(key, candidates), known: entries.map((e) => e.id) };
}

/**
 * The sentence a config error shows for an unknown GPU (config errors are English, like the rest
 * of src/config's messages).
 * @example unknownGpuSentence({ unknown: "A200", closest: ["A100-40GB"], known: ["A100-40GB", "L4"] })
 *   // 'unknown GPU: "A200"; closest: A100-40GB; known: A100-40GB, L4'
 */
export function unknownGpuSentence(u: UnknownGpu): string {
  return `unknown GPU: ${JSON.stringify(u.unknown)}; closest: ${u.closest.join(", ")}; known: ${u.known.join(", ")}`;
}
