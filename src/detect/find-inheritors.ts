import { posix } from "node:path";
import { parentRefs } from "./inheritance.js";
import { nearestFiles } from "./nearest-files.js";
import { parseConfig } from "./parse/parse-config.js";
import { importPaths } from "./parse/jsonnet-imports.js";
import type { ReadAt } from "./inheritance.js";

/**
 * Bound on configs read in search of inheritors: each is one API call through the GitHub source,
 * so a monorepo stays within the workflow token's rate limit.
 */
export const MAX_INHERITOR_CANDIDATES = 500;

const CONFIG_FILE = /\.(ya?ml|json|py|toml|sh|bash|jsonnet|libsonnet)$/i;

/**
 * Configs in the tree that inherit a changed file, directly or through other bases (a Jsonnet
 * import counts as one), so a change to `_base_/schedule_1x.py` is reported on every config that uses it.
 * @example await findInheritors({ changed: ["configs/_base_/default.py"], files, read }) // ["configs/rtmdet.py"]
 */
export async function findInheritors(args: { changed: string[]; files: string[]; read: ReadAt }): Promise<string[]> {
  const { files, read } = args;
  // Bases are used near where they live (configs/_base_ → configs/**), so past the bound the
  // configs that share the longest folder prefix with a changed file are read first.
  const candidates = nearestFiles({ files, pattern: CONFIG_FILE, near: args.changed, limit: MAX_INHERITOR_CANDIDATES });
  // Parents of every candidate; only files that mention a base's name can name it as a parent.
  const parentsOf = new Map<string, string[]>();
  const texts = new Map<string, string | null>();
  const stems = new Set(args.changed.map(stem));
  let frontier = new Set(args.changed);
  const found = new Set<string>();
  for (let depth = 0; depth < 10 && frontier.size; depth++) {
    const next = new Set<string>();
    for (const file of candidates) {
      if (found.has(file) || frontier.has(file)) continue;
      let parents = parentsOf.get(file);
      if (!parents) {
        if (!texts.has(file)) texts.set(file, await read(file));
        const text = texts.get(file);
        // Not parsed until it mentions a base's name: a later level may add the name it uses.
        if (text == null || ![...stems].some((s) => text.includes(s))) continue;
        parents = /\.(?:jsonnet|libsonnet)$/i.test(file)
          ? importPaths(file, text)
          : parentRefs(parseConfig(file, text)).map((r) => r.path);
        parentsOf.set(file, parents);
      }
      if (parents.some((p) => frontier.has(p))) {
        found.add(file);
        next.add(file);
        stems.add(stem(file));
      }
    }
    frontier = next;
  }
  return [...found].sort();
}

function stem(path: string): string {
  return posix.basename(path).replace(/\.[^.]+$/, "");
}
