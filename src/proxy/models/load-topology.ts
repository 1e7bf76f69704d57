import { readRegularFile } from "../../source/read-regular-file.js";
import { parseTopology } from "./parse-topology.js";
import type { TopologySpec } from "./topology-spec.js";

/** A topology is a few kilobytes; anything larger is not one (or carries inline weights we do not want). */
export const MAX_TOPOLOGY_BYTES = 2 * 1024 * 1024;

/**
 * Reads a user's `model.json` from disk, bounded in size, and validates it as data.
 * @example (await loadTopology("models/model.json")).inputShape // [28, 28, 1]
 */
export async function loadTopology(path: string): Promise<TopologySpec> {
  // A FIFO or a device is refused before a byte is read, so it can neither hang nor fill memory.
  const file = await readRegularFile(path, { maxBytes: MAX_TOPOLOGY_BYTES });
  if (!file.ok)
    throw new Error(`${path}: ${file.missing ? "model topology not found" : `model topology ${file.reason}`}`);
  return parseTopology(file.text, path);
}
