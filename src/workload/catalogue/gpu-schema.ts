import { z } from "zod";

const flops = z.number().positive();

/**
 * One accelerator, numbers as its vendor's datasheet prints them, converted to plain units:
 * bytes, FLOP/s (dense, never the "with sparsity" figure) and bytes per second.
 */
export const gpuEntrySchema = z.strictObject({
  /** Catalogue name as users write it in `hardware.gpu` (`A100-80GB`, `H100-80GB-SXM`). */
  id: z.string().min(1),
  vendor: z.enum(["NVIDIA", "AMD"]),
  /** Other spellings: short names, cloud names, and the name `nvidia-smi` / `rocm-smi` prints. */
  aliases: z.array(z.string().min(1)),
  memoryBytes: z.number().int().positive(),
  /** How the datasheet states memory: "GB" (10^9 bytes) or "GiB" (2^30 bytes). */
  memoryUnit: z.enum(["GB", "GiB"]),
  /** Peak dense throughput per precision; a precision the GPU's tensor cores do not support is left out. */
  peakFlops: z.strictObject({
    fp32: flops,
    tf32: flops.optional(),
    bf16: flops.optional(),
    fp16: flops,
  }),
  /** What the tensor-core figures assume when the datasheet offers two (GeForce: FP32 accumulate, half the
   * FP16-accumulate rate). */
  flopsNote: z.string().optional(),
  bandwidthBytesPerSecond: z.number().positive(),
  interconnect: z.strictObject({
    kind: z.enum(["NVLink", "PCIe", "Infinity Fabric"]),
    bytesPerSecond: z.number().positive(),
    /** "bidirectional" or "unidirectional", as the datasheet states the figure. */
    direction: z.enum(["bidirectional", "unidirectional"]),
    note: z.string().optional(),
  }),
  /** Vendor datasheet (or whitepaper, for GeForce cards that have none). */
  source: z.url(),
  /** Where the figures were read when a third-party copy of the datasheet was what could be reached. */
  readVia: z.string().optional(),
});

export const gpuCatalogueFileSchema = z.strictObject({
  about: z.string().optional(),
  gpus: z.array(gpuEntrySchema).min(1),
});

export type GpuEntry = z.infer<typeof gpuEntrySchema>;
