import { z } from "zod";

const positive = (what: string) =>
  z
    .number({ error: `expected ${what} (a positive number)` })
    .positive({ error: `expected ${what} (a positive number)` });
const positiveInt = (what: string) =>
  z
    .number({ error: `expected ${what} (a positive whole number)` })
    .int({ error: `expected ${what} (a positive whole number)` })
    .positive({ error: `expected ${what} (a positive whole number)` });

/**
 * One batch configuration the user's own job ran, timed over its steady steps. The snippets in
 * docs/measurements.md write one of these per run; a file may hold several (one per batch tried).
 */
export const measuredRunSchema = z.strictObject({
  /** Examples (sequences, images) per device per micro-batch: `per_device_train_batch_size`. */
  microBatch: positiveInt("the per-device batch size"),
  /** Micro-batches per optimizer step. */
  accumulation: positiveInt("the gradient accumulation steps").default(1),
  /** Data-parallel ranks (world size). */
  devices: positiveInt("the number of devices").optional(),
  /** Tokens per sequence the run trained on (omit for images). */
  seqLen: positiveInt("a sequence length in tokens").optional(),
  /** Median seconds per optimizer step after warm-up. */
  stepSeconds: positive("seconds per optimizer step"),
  /** `torch.cuda.max_memory_allocated()` on the rank that wrote the file, in bytes. */
  peakMemoryBytes: positiveInt("a peak memory in bytes").optional(),
  /** Tokens per second on one device (the rank that wrote the file). */
  tokensPerSecond: positive("tokens per second per device").optional(),
  /** Examples per second on one device. */
  examplesPerSecond: positive("examples per second per device").optional(),
  /** The simple gradient noise scale B_simple = tr(Σ)/|G|² (McCandlish et al. 2018), in examples, when the job measured
   * it. */
  gradientNoiseScale: positive("a gradient noise scale in examples").optional(),
  /** Optimizer steps the median was taken over. */
  timedSteps: positiveInt("a number of timed steps").optional(),
});

/** The measurements file (JSON): docs/measurements.md. */
export const measurementsFileSchema = z.strictObject({
  version: z.literal(1, { error: "expected 1 (the only version so far)" }),
  /** `torch.cuda.get_device_name()`: matched against the GPU catalogue. */
  gpu: z.string({ error: "expected the GPU's name as torch.cuda.get_device_name() prints it" }).min(1).optional(),
  /** What wrote the file: "pytorch-loop", "hf-trainer-callback", "lightning-callback" or your own word. */
  writer: z.string({ error: "expected a short name of what wrote the file" }).optional(),
  runs: z.array(measuredRunSchema, { error: "expected a list of runs" }).min(1, { error: "expected at least one run" }),
});

export type MeasuredRun = z.output<typeof measuredRunSchema>;
export type MeasurementsFile = z.output<typeof measurementsFileSchema>;
