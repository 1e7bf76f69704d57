/**
 * Reasons other stages still give as English text (the bot config's unknown keys, files not read,
 * proxy backends skipped), worded again from the catalogue once word-reason.ts has recognised them,
 * and the two frames detection-reasons.ts puts around a detection reason (a setting's key, the
 * launcher's devices). The English reads exactly as the stage wrote it; zh-TW-reasons.ts has the same ids.
 */
export const enReasons = {
  "reason.keyed": "{key}: {reason}",
  "reason.part.devicesLauncher":
    "devices: not in this file ({from}); pass --devices or set devices in .github/batch-advisor.yml",
  "reason.backend.notInstalled": "{pkg} is not installed",
  "reason.backend.failed": "{pkg} failed to load: {error}",
  "reason.proxy.mnist": "{model} on MNIST ({train} real digits for training, {held} held out)",
  "reason.proxy.teacherStudent":
    "{model} on synthetic teacher–student classification ({features} Gaussian " +
    "features, {classes} classes from a random tanh teacher, label noise " +
    "{noise}; {examples} training examples)",
  "reason.proxy.tokens":
    "{model} on synthetic tokens from an order-2 Markov source (vocabulary " +
    "{vocab}, {length} tokens per sequence, entropy ≈ {entropy} nats/token; " +
    "{sequences} training sequences)",
  "phase.backend": "backend",
  "phase.data": "data",
  "phase.timing": "step timing",
  "phase.memory": "memory",
  "phase.loss": "loss curves",
  "phase.noise": "noise scale",
  "phase.critical-batch": "critical batch",
} as const;
