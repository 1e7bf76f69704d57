/**
 * Reasons other stages still give as English text (detection's unknown parts, the bot config's
 * unknown keys, files not read, proxy backends skipped), worded again from the catalogue once
 * word-reason.ts has recognised them. The English reads exactly as the stage wrote it;
 * zh-TW-reasons.ts has the same ids.
 */
export const enReasons = {
  "reason.keyed": "{key}: {reason}",
  "reason.partName.micro": "per-device batch",
  "reason.partName.seqLen": "sequence length",
  "reason.partName.devices": "devices",
  "reason.part.notSet": "{part}: not set in this file",
  "reason.part.devicesLauncher":
    "devices: not in this file ({from}); pass --devices or set devices in .github/batch-advisor.yml",
  "reason.part.launcher": "set by the launcher",
  "reason.part.devicesAll": "devices: {value} means all visible devices, known only at run time",
  "reason.part.devicesIndivisible": "devices: {devices} is not divisible by the model-parallel size {parallel}",
  "reason.auto": '"auto": chosen at run time by the framework',
  "reason.env": "read from environment variable {name} at run time",
  "reason.resolver": "computed by the resolver {name} at run time",
  "reason.interpolation": "interpolation {expr} is not resolved in this file",
  "reason.extVar": "jsonnet external variable {name}, passed at run time",
  "reason.positional": "shell positional argument {name}, passed by the caller",
  "reason.shellVar": "shell variable {name} is not set in this file",
  "reason.shellArith": "shell arithmetic on values not known statically",
  "reason.shellCommand": "output of a shell command",
  "reason.ginMacro": "gin macro {name} is not bound in this file",
  "reason.notFinite": "{value} is not a finite number",
  "reason.tooLarge": "{value} is too large to evaluate exactly",
  "reason.notNumber": "{value} is not a number",
  "reason.config.unknownKey": "unknown key; did you mean {guess}?",
  "reason.config.unknownKeyAllowed": "unknown key; allowed keys here: {allowed}",
  "reason.config.notAllowed": "{value} is not allowed; use one of: {allowed}",
  "reason.skip.notFound": "not found",
  "reason.skip.outside": "is outside the repository; not read",
  "reason.skip.symlink": "is a symbolic link in the repository; not followed",
  "reason.skip.submodule": "is a submodule, not a file; not read",
  "reason.skip.folder": "is a folder, not a file; not read",
  "reason.skip.tooLarge": "{size} MiB is over the {max} MiB limit; not read",
  "reason.skip.runBudget": "not read: the run had already read its budget of {max} MiB of configs",
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
