import { describe, expect, it } from "vitest";
import { editDistance } from "../../../src/workload/catalogue/closest-names.js";
import { findGpu, gpuKey, unknownGpuSentence, type UnknownGpu } from "../../../src/workload/catalogue/find-gpu.js";
import { gpuCatalogueFileSchema } from "../../../src/workload/catalogue/gpu-schema.js";
import gpus from "../../../src/workload/catalogue/gpus.json" with { type: "json" };
import { loadGpuCatalogue } from "../../../src/workload/catalogue/load-gpu-catalogue.js";

const catalogue = loadGpuCatalogue();
const byId = (id: string) => catalogue.find((g) => g.id === id)!;

describe("GPU catalogue", () => {
  it("gpus.json passes the schema", () => {
    expect(gpuCatalogueFileSchema.safeParse(gpus).success).toBe(true);
  });

  it("covers the GPUs configs name", () => {
    for (const id of [
      "A100-40GB",
      "A100-80GB",
      "A100-80GB-PCIe",
      "H100-80GB",
      "H100-80GB-PCIe",
      "H200",
      "L4",
      "L40S",
      "A10",
      "T4",
      "V100-16GB",
      "V100-32GB",
      "RTX3090",
      "RTX4090",
      "MI250X",
      "MI300X",
    ]) {
      expect(byId(id), id).toBeDefined();
    }
  });

  it("A100-80GB (SXM): 80 GB, 312 TFLOP/s dense BF16, 2039 GB/s, NVLink 600 GB/s", () => {
    const a100 = byId("A100-80GB");
    expect(a100.memoryBytes).toBe(80e9);
    expect(a100.peakFlops.bf16).toBe(312e12);
    expect(a100.bandwidthBytesPerSecond).toBe(2039e9);
    expect(a100.interconnect).toMatchObject({ kind: "NVLink", bytesPerSecond: 600e9 });
  });

  it("every entry names a vendor source and keeps dense FP16 at or above FP32", () => {
    for (const g of catalogue) {
      expect(g.source, g.id).toMatch(/^https:\/\//);
      expect(g.peakFlops.fp16, g.id).toBeGreaterThanOrEqual(g.peakFlops.fp32);
    }
  });

  it("no two entries answer to the same name", () => {
    const keys = catalogue.flatMap((g) => [g.id, ...g.aliases].map(gpuKey).map((k) => `${k}`));
    const owners = new Map<string, string>();
    for (const g of catalogue) {
      for (const k of new Set([g.id, ...g.aliases].map(gpuKey))) {
        expect(owners.get(k), `${k}: ${owners.get(k)} and ${g.id}`).toBeUndefined();
        owners.set(k, g.id);
      }
    }
    expect(keys.length).toBeGreaterThan(catalogue.length);
  });
});

describe("findGpu", () => {
  it.each([
    ["A100-80GB", "A100-80GB"],
    ["NVIDIA A100-SXM4-80GB", "A100-80GB"],
    ["a100_sxm4_40gb", "A100-40GB"],
    ["A100", "A100-80GB"],
    ["NVIDIA H100 80GB HBM3", "H100-80GB"],
    ["h100-pcie", "H100-80GB-PCIe"],
    ["NVIDIA GeForce RTX 4090", "RTX4090"],
    ["rtx4090", "RTX4090"],
    ["Tesla T4", "T4"],
    ["AMD Instinct MI300X", "MI300X"],
  ])("%s → %s", (name, id) => {
    const found = findGpu(name);
    expect("unknown" in found ? found : found.id).toBe(id);
  });

  it("names an unknown GPU with the closest ids and every known one", () => {
    const found = findGpu("A200-80GB") as UnknownGpu;
    expect(found.unknown).toBe("A200-80GB");
    expect(found.closest[0]).toBe("A100-80GB");
    expect(found.known).toEqual(catalogue.map((g) => g.id));
    expect(unknownGpuSentence(found)).toMatch(/^unknown GPU: "A200-80GB"; closest: A100-80GB, .*; known: A100-40GB, /);
  });
});

describe("editDistance", () => {
  it("counts single edits", () => {
    expect(editDistance("a100-80gb", "a100-40gb")).toBe(1);
    expect(editDistance("", "l4")).toBe(2);
    expect(editDistance("t4", "t4")).toBe(0);
  });
});
