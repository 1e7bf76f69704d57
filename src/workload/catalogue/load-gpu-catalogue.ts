// A static JSON import: esbuild inlines it into the Action's bundle.
import gpus from "./gpus.json" with { type: "json" };
import { gpuCatalogueFileSchema, type GpuEntry } from "./gpu-schema.js";

let cached: GpuEntry[] | undefined;

/**
 * The bundled GPU datasheet catalogue, validated (a malformed file is a bug here, so it throws).
 * @example loadGpuCatalogue().find((g) => g.id === "A100-80GB")?.memoryBytes // 80_000_000_000
 */
export function loadGpuCatalogue(): GpuEntry[] {
  if (!cached) {
    const result = gpuCatalogueFileSchema.safeParse(gpus);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`gpus.json: ${issue.path.join(".")}: ${issue.message}`);
    }
    cached = result.data.gpus;
  }
  return cached;
}
