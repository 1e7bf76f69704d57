import type { BotConfig } from "../config/schema.js";
import { findGpu } from "./catalogue/find-gpu.js";
import type { Field, GpuSpec } from "./types.js";

/**
 * The GPU the job runs on, from `hardware.gpu` in the bot config (already checked against the
 * bundled datasheet catalogue when the config was loaded), with the datasheet it came from.
 * @example readGpu(config).value // { id: "A100-80GB", memoryBytes: 85899345920, url: "https://…" }
 */
export function readGpu(config: BotConfig): Field<GpuSpec> {
  const name = config.hardware.gpu;
  if (!name)
    return {
      value: null,
      source: {
        kind: "unknown",
        reason: { id: "unknown.noGpu" },
        hint: { id: "hint.setGpu" },
      },
    };
  const found = findGpu(name);
  if ("unknown" in found)
    return {
      value: null,
      source: {
        kind: "unknown",
        reason: { id: "unknown.gpuNotInCatalogue", params: { name } },
        closest: found.closest,
      },
    };
  return {
    value: { id: found.id, memoryBytes: found.memoryBytes, url: found.source },
    source: { kind: "bot-config", key: "hardware.gpu" },
  };
}
