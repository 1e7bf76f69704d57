import { posix } from "node:path";

/** Bounds on the files one Jsonnet config may pull in: import depth and files read. */
export const JSONNET_IMPORT_LIMITS = { depth: 3, files: 20 };

const IMPORT = /\bimport(?:str)?\s*(["'])([^"'\n]+)\1/g;

/**
 * Where a Jsonnet import points inside the repository, from the importing file's folder; undefined
 * for a path outside it (`../../x`, `/abs`), which is never read.
 * @example importTarget("configs/a.jsonnet", "common/model.libsonnet") // "configs/common/model.libsonnet"
 */
export function importTarget(from: string, file: string): string | undefined {
  if (file.startsWith("/")) return undefined;
  const path = posix.normalize(posix.join(posix.dirname(from), file));
  return path.startsWith("../") || path === ".." ? undefined : path;
}

/**
 * The files of the repository a Jsonnet text imports (`import`, `importstr`), resolved from its folder.
 * @example importPaths("c/a.jsonnet", 'local m = import "m.libsonnet"; m') // ["c/m.libsonnet"]
 */
export function importPaths(from: string, text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => importTarget(from, m[2])).filter((p) => p !== undefined);
}

/**
 * The files a Jsonnet config imports (`import`, `importstr`), and theirs, read from the same tree
 * up to `JSONNET_IMPORT_LIMITS`: path → text, null when the file is absent. The parser then reads
 * imported values from this map without any further I/O.
 * @example await readJsonnetImports("c.jsonnet", 'local m = import "m.libsonnet"; m', read)
 *   // Map { "m.libsonnet" => "…" }
 */
export async function readJsonnetImports(
  path: string,
  text: string,
  read: (path: string) => Promise<string | null>,
): Promise<Map<string, string | null>> {
  const files = new Map<string, string | null>();
  let frontier: Array<[string, string]> = [[path, text]];
  for (let depth = 0; depth < JSONNET_IMPORT_LIMITS.depth && frontier.length; depth++) {
    const next: Array<[string, string]> = [];
    for (const [from, body] of frontier) {
      for (const target of importPaths(from, body)) {
        if (files.has(target) || target === path || files.size >= JSONNET_IMPORT_LIMITS.files) continue;
        const imported = await read(target);
        files.set(target, imported);
        if (imported !== null) next.push([target, imported]);
      }
    }
    frontier = next;
  }
  return files;
}
