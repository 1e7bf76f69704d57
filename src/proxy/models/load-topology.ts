import { readFile, stat } from "node:fs/promises";
import { parseTopology } from "./parse-topology.js";
import type { TopologySpec } from "./topology-spec.js";

/** A topology is a few kilobytes; anything larger is not one (or carries inline weights we do not want). */
export const MAX_TOPOLOGY_BYTES = 2 * 1024 * 1024;

/**
 * Reads a user's `model.json` from disk, bounded in size, and validates it as data.
 * @example (await loadTopology("models/model.json")).inputShape // [28, 28, 1]
 */
export async function loadTopology(path: string): Promise<TopologySpec> {
  const info = await stat(path).catch(() => {
    throw new Error(`${path}: model topology not found`);
  });
  if (info.size > MAX_TOPOLOGY_BYTES) throw new Error(`${path}: ${info.size} bytes is over the ${MAX_TOPOLOGY_BYTES}-byte limit for a model topology`);
  return parseTopology(await readFile(path, "utf8"), path);
}
