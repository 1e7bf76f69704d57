import type { DetectionReason } from "../reason.js";
import type { KeyRule } from "./framework.js";
import type { Scalar } from "../types.js";

const SBATCH = /^sbatch$/;

/**
 * `#SBATCH` headers of a launch script: GPUs per node from `--gres=gpu:8` or `--gpus-per-node=8`,
 * nodes from `--nodes`/`-N` (framework-batch-keys.md §0.3). `--gpus` counts the whole job, not a
 * node, and `--ntasks-per-node` is 1 when torchrun starts the processes, so neither is read.
 */
export const slurmRules: KeyRule[] = [
  { key: "^gres", context: SBATCH, role: "devices", read: gresGpus },
  { key: "^gpus-per-node", context: SBATCH, role: "devices", read: gpusPerNode },
  { key: /^(?:nodes|N)$/, context: SBATCH, role: "nodes" },
  { key: /^(?:gpus|G)$/, context: SBATCH, role: "ignore" },
];

/**
 * GPUs per node in a generic resource list.
 * @example gresGpus("nvme:1,gpu:a100:4") // 4
 */
export function gresGpus(value: Scalar): number | { unknown: DetectionReason } | undefined {
  if (typeof value !== "string") return undefined;
  const m = /(?:^|,)gpu(?::[A-Za-z][\w-]*)?:(\d+)/.exec(value);
  return m ? Number(m[1]) : { unknown: { id: "value.noGpuCount", params: { flag: "--gres", value: String(value) } } };
}

/**
 * `--gpus-per-node=8` or with a type, `a100:8`.
 * @example gpusPerNode("a100:8") // 8
 */
export function gpusPerNode(value: Scalar): number | { unknown: DetectionReason } | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(?:[A-Za-z][\w-]*:)?(\d+)$/.exec(value);
  return m
    ? Number(m[1])
    : { unknown: { id: "value.noGpuCount", params: { flag: "--gpus-per-node", value: String(value) } } };
}
