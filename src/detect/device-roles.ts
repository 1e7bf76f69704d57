import type { Role } from "./types.js";

/**
 * Roles that set how many data-parallel copies run: the device and node counts, and the
 * model-parallel degrees that divide them. Detection reads them from launch commands, treats them
 * as numbers, and counts their change as a change of the effective batch.
 */
export const DEVICE_ROLES: readonly Role[] = [
  "devices",
  "nodes",
  "tensor_parallel",
  "pipeline_parallel",
  "context_parallel",
  "sequence_parallel",
  "data_parallel",
];
