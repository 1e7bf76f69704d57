import type { BotConfig } from "../config.js";
import { optimizerFamily } from "../estimate/optimizer-family.js";
import { defaultPlan } from "../proxy/default-plan.js";
import type { OptimizerKind, ProxyPlan } from "../proxy/types.js";
import type { OptimizerKind as WorkloadOptimizer } from "../workload/types.js";
import type { AnalyzeOptions } from "./analyze-options.js";
import type { FileChanges } from "./group-changes.js";

/**
 * The proxy plan for one file's change, or why none runs. The real old and new batch come from
 * the effective batch; when devices are unknown on both sides they cancel, so the per-device
 * product stands in for the old batch and the ratio gives the new one. The proxy trains with the
 * family of the workload's optimizer (Adam when it is unknown).
 */
export function proxyPlanFor(
  group: FileChanges,
  config: BotConfig,
  options: AnalyzeOptions,
  workloadOptimizer: WorkloadOptimizer | null = null,
): { plan?: ProxyPlan; reason?: string } {
  const { effective } = group.primary;
  const before = effective.before ?? perDevice(group.base?.effective.parts);
  const after = effective.after ?? (before != null && effective.ratio != null ? before * effective.ratio : null);
  if (before == null || after == null || !(before > 0) || !(after > 0))
    return { reason: "the old or new effective batch is unknown, so there is nothing to train at" };
  const family = optimizerFamily(workloadOptimizer);
  const optimizer: OptimizerKind = family === "sgd-momentum" ? "momentum" : family === "sgd" ? "sgd" : "adam";
  const model = options.proxyModelPath ?? (config.proxy.model === "auto" ? undefined : config.proxy.model);
  const data = options.dataPath ?? (config.proxy.data === "auto" ? undefined : config.proxy.data);
  return {
    plan: defaultPlan({
      batchSizes: [before, after],
      unit: group.head.effective.unit,
      optimizer,
      seed: config.proxy.seed,
      quick: options.quick,
      timeBudgetSeconds: options.timeBudgetSeconds ?? config.proxy.timeBudget,
      model:
        model === undefined
          ? undefined
          : model.endsWith(".json")
            ? { kind: "user", topologyPath: model }
            : { kind: model as "mlp" | "cnn" | "transformer" },
      data:
        data === undefined
          ? undefined
          : /\.(csv|jsonl)$/i.test(data)
            ? { kind: "user", samplePath: data }
            : { kind: data as "mnist" | "teacher-student" | "tokens" },
    }),
  };
}

function perDevice(
  parts: { micro: number | null; accum: number | null; devices: number | null } | undefined,
): number | null {
  if (!parts || parts.micro == null) return null;
  return parts.micro * (parts.accum ?? 1) * (parts.devices ?? 1);
}
