import { enScaling } from "./en-scaling.js";
import { enHow } from "./en-how.js";
import { enReasons } from "./en-reasons.js";
import { enWhy } from "./en-why.js";
/**
 * Every user-facing string of the report in English, keyed by id, with `{name}` placeholders.
 * zh-TW.ts must have the same ids (a test checks). The estimate stage's Notes are in en-notes.ts.
 */
export const en = {
  // verdict and headings
  "verdict.title": "batch-advisor: {level}",
  "verdict.none": "no batch-size change found.",
  "verdict.scope": " ({changes} changes in {files} files; the worst first)",
  "verdict.head": "Batch {before} → {after}{ratio}",
  "verdict.headParts": "Batch {changed}{ratio}, {unknown}",
  "verdict.headPartsKnown": "Batch {changed}{ratio}",
  "verdict.part": "{name} {before} → {after}",
  "verdict.part.micro_batch": "per-device",
  "verdict.part.grad_accum": "accumulation",
  "verdict.part.devices": "devices",
  "verdict.unknownParts": "{parts} unknown",
  "verdict.unreadable": "Cannot read the new value of {key} ({where}): {value}",
  "verdict.unreadableBefore": "Cannot read the old value of {key} ({where}): {value}",
  "verdict.ratio": " (×{ratio})",
  "verdict.convergence": "{steps}, {examples} to the same loss",
  "verdict.peak": "peak memory {before} → {after} per device{uncertain}",
  "verdict.activationPeak": "peak memory per device ×1 to ×{ratio} (activations ×{ratio})",
  "verdict.proxyPeak": "proxy peak memory ×{ratio}{uncertain}",
  "verdict.uncertain": " (uncertain)",
  "verdict.budgetNear": "close to the {budget} budget",
  "verdict.budgetOver": "over the {budget} budget",
  "verdict.lrRaise": "raise the learning rate to {lr} ({rule})",
  "verdict.lrLower": "lower the learning rate to {lr} ({rule})",
  "verdict.scheduleMore": "the step-counted schedule sees more examples",
  "verdict.scheduleFewer": "the step-counted schedule sees fewer examples",
  "verdict.sentence": "{head}: {parts}.",
  "verdict.headOnly": "{head}.",
  "verdict.join": "; ",
  "verdict.line": "**{title}** — {path}: {verdict}{scope}",
  "level.ok": "OK",
  "level.warn": "Warning",
  "level.error": "Error",
  "group.heading": "### {path}: {effective}",
  "group.effective": "effective batch {before} → {after}{unit}{ratio}",
  "group.change": "{key} ({where}): {before} → {after}{from}",
  "group.inherited": "(inherited from {file})",
  "group.launchScript": "(in the launch script {file}, which runs this config)",
  "word.line": "line {line}",
  "word.listJoin": ", ",
  "word.colon": ": ",
  "word.itemJoin": "; ",
  "unit.samples": "examples",
  "unit.tokens": "tokens",
  "unit.axis.samples": "examples",
  "unit.axis.tokens": "tokens",

  // the before/after table
  "table.before": "Before",
  "table.after": "After",
  "table.change": "Change",
  "row.effective": "Effective batch",
  "row.micro": "Per-device batch",
  "row.accum": "Gradient accumulation",
  "row.devices": "Devices",
  "row.lr": "Learning rate",
  "row.steps": "Steps to the same loss (before = 1)",
  "row.examples": "Examples (epochs) to the same loss (before = 1)",
  "row.stepTimeGpu": "Step time on {gpu}",
  "row.tokensPerSecond": "Tokens per second (all devices)",
  "row.examplesPerSecond": "Examples per second (all devices)",
  "row.epochTimeGpu": "Time per epoch on {gpu} ({examples} examples)",
  "row.epochTimeRatio": "Time per epoch on {gpu} (before = 1)",
  "row.gpuHours": "GPU-hours with {key} kept at {value}",
  "row.wallTimeSeconds": "Wall time to the same loss (the old run: {steps} steps)",
  "row.wallTime": "Wall time to the same loss (before = 1)",
  "speed.yourGpu": "your GPU",
  "row.memory": "Peak memory per device ({basis})",
  "row.budget": "Memory budget",
  "row.verdict": "Verdict",
  "cell.unknown": "unknown",
  "cell.uncertain": "uncertain",
  "cell.unchanged": "unchanged",
  "cell.changed": "changed",
  "memory.basis.calibration": "from your calibration point",
  "memory.basis.analytical": "from the model's size",
  "memory.basis.activations": "activations grow with the per-device batch; fixed part unknown",
  "memory.basis.proxy": "proxy growth only",
  "memory.basis.none": "not predicted",
  "memory.basis.measured": "from your job's measured peak",
  "row.maxBatch": "Largest per-device batch that fits",
  "maxBatch.fits": "the new batch fits",
  "maxBatch.fitsCentral": "the new batch fits by the central estimate; at the top of the range only {low} fit",
  "maxBatch.split": "use {micro} × accumulation {accumulation}",
  "maxBatch.none": "not even 1 fits",
  "memoryParts.summary": "Peak memory per device, by part, and what it was computed from",
  "memoryParts.part": "Part",
  "memoryParts.weights": "Weights",
  "memoryParts.gradients": "Gradients",
  "memoryParts.optimizer": "Optimizer states",
  "memoryParts.activations": "Activations",
  "memoryParts.logits": "Logits",
  "memoryParts.reserve": "CUDA context",
  "memoryParts.total": "Total",
  "memoryParts.from": "Computed from:",
  "workload.model": "model {value} ({parameters} parameters; {source})",
  "workload.method": "method {value} ({source})",
  "workload.trainable": "trainable parameters {value} ({source})",
  "workload.precision": "precision {value} ({source})",
  "workload.optimizer": "optimizer {value} ({source})",
  "workload.seqLen": "sequence length {value} ({source})",
  "workload.checkpointing": "activation checkpointing {value} ({source})",
  "workload.attention": "attention {value} ({source})",
  "workload.zero": "ZeRO stage {value} ({source})",
  "workload.fsdp": "FSDP {value} ({source})",
  "workload.devices": "devices {value} ({source})",
  "workload.gpu": "GPU {value} ({source})",
  "workload.budget": "budget {value} ({source})",
  "workload.from.catalogue": "catalogue {id} ({url})",
  "workload.from.default": "default: {what}",
  "workload.from.frameworkDefault": "{framework} default: {what}",
  "workload.from.botConfig": "bot config {key}",
  "workload.from.unknown": "unknown: {reason}",
  "workload.on": "on",
  "workload.off": "off",
  "budget.ok": "within {budget}",
  "budget.warn": "close to {budget}",
  "budget.error": "over {budget}",
  "budget.unknown": "cannot check {budget}",

  // ratios in words
  "noun.steps": "steps",
  "noun.examples": "examples",
  "noun.time": "time",
  "noun.memory": "memory",
  "noun.throughput": "throughput",
  "ratio.fewer": "{x}× fewer {what}{xRange}",
  "ratio.less": "{x}× less {what}{xRange}",
  "ratio.more": "{x}× more {what}{xRange}",
  "ratio.fewerRange": "{lo}–{hi}× fewer {what}",
  "ratio.lessRange": "{lo}–{hi}× less {what}",
  "ratio.moreRange": "{lo}–{hi}× more {what}",
  "ratio.same": "about the same {what}",
  "ratio.uncertain": "{what}: uncertain",
  "ratio.range": " ({lo}–{hi}×)",
  "ratio.rangeDown": " ({lo}–{hi}×)",
  "ratio.rawRange": " (×{range})",

  // provenance
  "source.legend": "Where the numbers come from: {items}",
  "source.measured": "measured on the proxy",
  "source.measuredOn": "measured on the proxy ({proxy})",

  // learning rate
  "lr.heading": "Learning rate.",
  "lr.status.unchanged-needs-scaling": "unchanged, should scale",
  "lr.status.matches-rule": "scaled with the batch",
  "lr.status.differs-from-rule": "differs from the rule",
  "lr.status.framework-scales": "scaled by the framework",
  "lr.status.not-needed": "no change needed",
  "lr.status.unknown": "cannot tell",
  "lr.suggested": "suggested {value} ({rule})",
  "lr.cell": "{status}: {suggested}",
  "lr.adjustment": "{name}: {before} → {after} ({rule})",
  "lr.adjustmentRule": "{name}: {rule}",
  "lr.rule.linear": "linear rule",
  "lr.rule.sqrt": "square-root rule",
  "lr.rule.none": "no rule",
  "lr.adjustments":
    "Under the same rule, Adam's other settings move too (Malladi et al. 2022), shown here from their defaults:",

  // alerts
  "alert.unknownParts": "Unknown: {parts}.",
  "alert.configErrors":
    "The bot configuration (`.github/batch-advisor.yml`) has problems (a bad key falls back to its default):",
  "alert.skipped": "Not analysed:",
  "alert.configError": "{key}{where}: {message}",
  "alert.skippedFile": "{path}: {reason}",
  "alert.fileErrors": "batch-advisor could not read all of {path}; it used the settings it could read:",
  "alert.detectWarnings": "In {path}:",
  "alert.unreadableValue":
    "Cannot read the new value of {key} ({where}): {value}{reason}. The new " +
    "effective batch is not known, so nothing that depends on it is predicted.",
  "alert.unreadableValueBefore":
    "Cannot read the old value of {key} ({where}): {value}{reason}. The old " +
    "effective batch is not known, so the change cannot be measured against it.",
  "alert.reason": " ({reason})",
  "alert.unreadable": "Configs batch-advisor could not read (fix them and push again):",
  "alert.fileError": "{where}{message}",
  "alert.source": "{text} ({source})",
  "alert.where": " ({where})",
  "word.sentenceJoin": " ",

  // the chart and its table
  "chart.caption":
    "Steps, examples and wall time to reach the same loss, relative to the old " +
    "batch (= 1), for batch sizes around {before} → {after}. Perfect scaling is " +
    "steps ∝ 1/batch, the best a bigger batch can do.",
  "chart.col.batch": "Batch size ({unit})",
  "chart.col.steps": "Steps",
  "chart.col.perfect": "Steps if perfect scaling",
  "chart.col.examples": "Examples",
  "chart.col.time": "Wall time",
  "chart.before": "before",
  "chart.after": "after",
  "chart.title": "Steps to the same loss (line); bars mark {before} (before) and {after} (after)",
  "chart.xAxis": "Batch size ({unit})",
  "chart.yAxis": "Steps (before = 1)",
  "chart.uncertain":
    "The critical batch is uncertain here (B_crit between {low} and {high}), so " +
    "read this curve as one possibility, not a prediction.",

  // many changes
  "collapsed.summary": "{count} more changes, one line each",
  "collapsed.truncated": "…and {count} more: the JSON output (`--json`) lists every one.",
  clipped: "*The comment was cut here to stay under GitHub's size limit; the JSON output (`--json`) has everything.*",
  footer: "batch-advisor updates this comment on every push.",

  // In their own files: Why, the reasons, framework learning-rate scaling, how this was measured
  ...enWhy,
  ...enReasons,
  ...enScaling,
  ...enHow,

  // one-line summary and check run
  "summary.none": "batch-advisor: no batch-size change",
  "summary.line": "batch-advisor: {level}: {changes} batch-size change(s) in {files} file(s); {detail}",
  "summary.overBudget": "over the memory budget in {paths}",
  "summary.steps": "{path}: {steps}",
  "summary.verdict": "{path}: {verdict}",
  "check.title.ok": "Batch size change looks fine",
  "check.title.warn": "Batch size change: worth a look",
  "check.title.error": "Batch size change: over the memory budget or broken",
  "check.title.none": "No batch-size change",
  "annotation.title": "Batch size {before} → {after}: {level}",
  "annotation.unreadable": "batch-advisor could not read this config",

  // a pull request's string cut to fit
  "untrusted.truncated": " … ({count} characters)",

  // learning-rate rules by name, with their source, inside Notes
  "lr.ruleCited": "{rule}",
  "lr.ruleCited.capped": "{rule} capped at the critical batch",
  "lr.ruleCited.sqrt": "square-root rule (Malladi et al. 2022)",
  "lr.ruleCited.linear": "linear rule (Goyal et al. 2017)",
  "lr.ruleCited.none": "no rule",
  "lr.warmup": "ramp the learning rate up gradually over the first ~5 epochs ({rule})",

  // above the fold: the headline table, the one action, the folds
  "head.row.batch": "Effective batch (per-device × accumulation × devices)",
  "head.formed": "{batch} ({how})",
  "head.row.memory": "Peak memory per device",
  "head.row.memoryBudget": "Peak memory per device (budget {budget})",
  "head.row.stepTime": "Step time",
  "head.row.timeToLoss": "Time to the same loss (before = 1)",
  "head.row.timeToLossAbsolute": "Time to the same loss",
  "head.row.steps": "Steps to the same loss (before = 1)",
  "head.row.epochs": "Epochs to the same loss (before = 1)",
  "head.row.lr": "Learning rate",
  "cell.notPredicted": "not predicted",
  "action.line": "**Next step:** {action}",
  "action.split":
    "use {micro} per device × accumulation {accumulation}: the same effective batch, and it fits in {budget}.",
  "action.splitRange":
    "use {micro} per device × accumulation {accumulation}: the same effective batch, and it fits in {budget} " +
    "by the central estimate; {safeMicro} × {safeAccumulation} fits even at the top of its range.",
  "action.shard":
    "not even one example per device fits in {budget}: shard the model states " +
    "(ZeRO/FSDP), checkpoint activations, or train fewer parameters.",
  "action.reduce":
    "bring the peak per device under {budget}: a smaller per-device batch with " +
    "more gradient accumulation keeps the effective batch.",
  "action.readable": "write {key} as a number the bot can read, so the new effective batch is known.",
  "action.lr": "set {key} to {value} ({rule}); the review has a one-click suggestion on that line.",
  "action.lrKey": "the learning rate",
  "action.lrUnknown": "name the optimizer; then multiply the learning rate by {linear} (SGD) or {sqrt} (Adam family).",
  "action.schedule": "scale the step-counted settings: {list}.",
  "suggestion.schedule":
    "The batch changes ×{k} but the step counts on this line do not: {changes} keeps the examples seen " +
    "as before (Goyal et al. 2017 rescale their schedule with the batch the same way).",
  "action.sameBatch": "nothing for convergence; check that the new per-device batch fits in memory.",
  "action.none": "nothing to change.",
  "same.batch":
    "The effective batch stays {batch} ({parts}): the same updates, so the same " +
    "convergence per step; memory per device follows the per-device batch " +
    "({memory}); each step usually runs faster; BatchNorm statistics now come " +
    "from {micro} examples per device.",
  "same.part": "{name} {factor}",
  "same.memoryUnknown": "×{k} for activations",
  "fold.details": "Details for {path}: changed settings, every number with its source, alerts, learning rate, curve",
  "fold.affects": "This edit reaches {count} configs: {list}.",
  "fold.problems": "Problems reading the configs or the bot configuration",
  "summary.col.config": "Config",
  "summary.col.batch": "Effective batch",
  "summary.col.memory": "Peak memory per device",
  "summary.col.steps": "Steps to the same loss",
  "summary.col.lr": "Learning rate",
  "summary.col.verdict": "Verdict",
  "summary.more": "…and {count} more: each is folded below, or listed in the JSON output (`--json`).",

  // how the batches were compared with B_crit
  "frame.your-measurement": "your effective batch ({before} → {after} {unit}) against the critical batch you measured",
  "frame.your-proxy-same": "your model and data trained at your batch sizes ({before} → {after})",
  "frame.your-proxy-ratio": "your model and data at proxy batch {before} → {after}, keeping your ratio",
  "frame.published-law":
    "your effective batch in tokens ({before} → {after}) against Kaplan et al. 2020's B_crit(L), no proxy scaling",
  "frame.stand-in": "a stand-in task at proxy batch {before} → {after}, keeping your ratio",

  // an earlier comment whose change a later push removed
  "gone.body":
    "**batch-advisor:** this pull request no longer changes a batch size; the earlier report no longer applies.",
} as const;

export type MessageId = keyof typeof en;
