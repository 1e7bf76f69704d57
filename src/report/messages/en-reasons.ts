/**
 * The two frames detection-reasons.ts puts around a detection reason (a setting's key, the
 * launcher's devices) and the proxy's phase names; zh-TW-reasons.ts has the same ids.
 */
export const enReasons = {
  "reason.keyed": "{key}: {reason}",
  "reason.part.devicesLauncher":
    "devices: not in this file ({from}); pass --devices or set devices in .github/batch-advisor.yml",
  "phase.backend": "backend",
  "phase.data": "data",
  "phase.timing": "step timing",
  "phase.memory": "memory",
  "phase.loss": "loss curves",
  "phase.noise": "noise scale",
  "phase.critical-batch": "critical batch",
} as const;
