import { closestNames } from "./closest-names.js";
import { loadModelCatalogue } from "./load-model-catalogue.js";
import { compactName, modelNameCandidates } from "./model-name-candidates.js";
import type { ModelEntry } from "./model-schema.js";

/** A name the catalogue does not hold, with the nearest names it does (for the "add a hint" message). */
export interface UnknownName {
  unknown: string;
  closest: string[];
}

interface ModelIndex {
  byKey: Map<string, ModelEntry>;
  /** Letters-and-digits keys that point at exactly one entry (`opt-1.3b` and `opt-13b` collide there, so neither is
   * kept). */
  byCompact: Map<string, ModelEntry>;
  keysOf: Array<{ name: string; keys: string[] }>;
}

let cached: ModelIndex | undefined;

/** Every lower-case key an entry answers to: its id, the name after the org, and its aliases. */
export function modelKeys(entry: ModelEntry): string[] {
  const id = entry.id.toLowerCase();
  const keys = [id, id.slice(id.lastIndexOf("/") + 1), ...entry.aliases.map((a) => a.toLowerCase())];
  return [...new Set(keys)];
}

function buildIndex(entries: ModelEntry[]): ModelIndex {
  const byKey = new Map<string, ModelEntry>();
  const compact = new Map<string, Set<ModelEntry>>();
  for (const entry of entries) {
    for (const key of modelKeys(entry)) {
      const other = byKey.get(key);
      if (other && other !== entry) throw new Error(`model catalogue: "${key}" names both ${other.id} and ${entry.id}`);
      byKey.set(key, entry);
      const c = compactName(key);
      compact.set(c, (compact.get(c) ?? new Set()).add(entry));
    }
  }
  const byCompact = new Map(
    [...compact].filter(([, set]) => set.size === 1).map(([k, set]) => [k, [...set][0]] as const),
  );
  return { byKey, byCompact, keysOf: entries.map((e) => ({ name: e.id, keys: modelKeys(e) })) };
}

/**
 * The catalogue entry for a model named in a config, or the nearest names when there is none.
 * Accepts Hub ids in any case, paths ending in a model folder, torchtune builder names and
 * component paths, Ultralytics/timm file names, and fine-tuned variants (-Instruct, -chat, -hf, -it)
 * of a catalogued base model.
 * @example findModel("/models/Llama-3.2-1B-Instruct") // the meta-llama/Llama-3.2-1B entry
 * @example findModel("llama-3.2-2b") // { unknown: "llama-3.2-2b", closest: ["meta-llama/Llama-3.2-1B", …] }
 */
export function findModel(nameOrPath: string, entries?: ModelEntry[]): ModelEntry | UnknownName {
  const index = entries ? buildIndex(entries) : (cached ??= buildIndex(loadModelCatalogue()));
  const candidates = modelNameCandidates(nameOrPath);
  for (const name of candidates) {
    const hit = index.byKey.get(name);
    if (hit) return hit;
  }
  for (const name of candidates) {
    const hit = index.byCompact.get(compactName(name));
    if (hit) return hit;
  }
  const shortest = candidates[candidates.length - 1] ?? nameOrPath.trim();
  return { unknown: nameOrPath.trim(), closest: closestNames(shortest, index.keysOf) };
}

/** True when findModel found nothing. */
export function isUnknown<T>(found: T | UnknownName): found is UnknownName {
  return typeof found === "object" && found !== null && "unknown" in found;
}
