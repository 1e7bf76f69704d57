import { z } from "zod";
import type { ProxyPlan } from "./types.js";

/** Largest proxy batch: a proxy step beyond it takes seconds on a CPU backend and says nothing new. */
export const MAX_PROXY_BATCH = 4096;

const batch = z.number().int().min(1).max(MAX_PROXY_BATCH);

const planSchema = z.object({
  model: z.object({
    kind: z.enum(["mlp", "cnn", "transformer", "user"]),
    topologyPath: z.string().min(1).optional(),
    size: z.enum(["tiny", "small", "medium"]).optional(),
    hidden: z.array(z.number().int().min(1).max(4096)).max(8).optional(),
  }),
  data: z.object({
    kind: z.enum(["mnist", "teacher-student", "regression", "tokens", "user"]),
    samplePath: z.string().min(1).optional(),
    labelNoise: z.number().min(0).max(10).optional(),
    examples: z.number().int().min(16).max(200_000).optional(),
    labelColumn: z.string().min(1).optional(),
  }),
  batchSizes: z.tuple([batch, batch]),
  fitBatchSizes: z.array(batch).max(8).optional(),
  optimizer: z.enum(["sgd", "momentum", "adam"]),
  learningRate: z.number().positive().max(10),
  seed: z.number().int(),
  timeBudgetSeconds: z.number().positive().max(3600),
  examplesPerCurve: z.number().int().min(1).max(2_000_000).optional(),
  directCriticalBatch: z.boolean().optional(),
  noise: z
    .union([
      z.literal(false),
      z.object({
        trainBatch: batch.optional(),
        learningRateSearch: z
          .object({
            multipliers: z.array(z.number().positive().max(1000)).min(1).max(12),
            steps: z.number().int().min(1).max(10_000),
          })
          .optional(),
        smallBatch: batch.optional(),
        bigBatchMultiple: z.number().int().min(2).max(64).optional(),
        samples: z.number().int().min(2).max(1000).optional(),
        stepsBetween: z.number().int().min(0).max(1000).optional(),
        emaDecay: z.number().min(0).max(0.999).optional(),
        flattenFraction: z.number().min(0).max(1).optional(),
        maxWarmupExamples: z.number().int().min(0).max(2_000_000).optional(),
      }),
    ])
    .optional(),
});

/**
 * Checks a plan's bounds before any training; the error names the key and what is allowed.
 * @example validatePlan({ ...plan, batchSizes: [0, 32] })
 *   // throws "plan.batchSizes.0: Too small: expected number to be >=1"
 */
export function validatePlan(plan: ProxyPlan): void {
  const result = planSchema.safeParse(plan);
  if (result.success) {
    if (plan.model.kind === "user" && !plan.model.topologyPath)
      throw new Error('plan.model.topologyPath: required when model.kind is "user"');
    if (plan.data.kind === "user" && !plan.data.samplePath)
      throw new Error('plan.data.samplePath: required when data.kind is "user"');
    return;
  }
  const issue = result.error.issues[0];
  throw new Error(`plan.${issue.path.join(".")}: ${issue.message}`);
}
