import * as tf from "@tensorflow/tfjs";
import { criticalBatchTargets } from "./critical-batch-plan.js";
import { loadBackend } from "./load-backend.js";
import { measureCriticalBatch } from "./measure-critical-batch.js";
import { measureLossCurves } from "./measure-loss-curves.js";
import { measureMemory } from "./measure-memory.js";
import { measureNoiseScale } from "./measure-noise-scale.js";
import { measureTiming } from "./measure-timing.js";
import { MISSING_ROWS } from "./missing-rows.js";
import type { PhaseContext, PhaseResult } from "./phase-context.js";
import { prepareTask } from "./prepare-task.js";
import { progressReporter } from "./progress.js";
import { createBudget } from "./time-budget.js";
import type { Measurements, ProgressEvent, ProxyPlan, RunOptions } from "./types.js";
import { validatePlan } from "./validate-plan.js";

type Phase = ProgressEvent["phase"];

/**
 * Runs a proxy plan and returns what it measured: plain data, no verdicts, nothing printed.
 * Phases in order — memory, step time, loss curves, gradient noise scale, (direct critical batch) —
 * each with a share of the time budget. The plan fixes every step and example; the budget only
 * guards: a phase it stops gives nothing (never a shorter, different number), and the run comes
 * back marked partial with the phase and the rows the report is missing (`missingRows`).
 * @example const m = await runProxy(defaultPlan({ batchSizes: [32, 128] })); m.noise?.bSimple
 */
export async function runProxy(plan: ProxyPlan, options: RunOptions = {}): Promise<Measurements> {
  validatePlan(plan);
  const started = performance.now();
  const budget = createBudget({ seconds: plan.timeBudgetSeconds, signal: options.signal });
  const progress = progressReporter(options.onProgress);
  progress("backend", 0, 1);
  const backend = await loadBackend({ force: options.backend, wasmDir: options.wasmDir });
  progress("backend", 1, 1, `${backend.name} ${backend.version}`);
  const tensorsBefore = tf.memory().numTensors;
  progress("data", 0, 1);
  const task = await prepareTask(plan, { baseDir: options.baseDir });
  progress("data", 1, 1, task.dataset.description);
  const fitSizes = [...new Set([...plan.batchSizes, ...(plan.fitBatchSizes ?? [])])].sort((a, b) => a - b);
  const memorySizes =
    fitSizes.length >= 3
      ? fitSizes
      : [...new Set([Math.max(1, Math.floor(fitSizes[0] / 2)), ...fitSizes, 2 * fitSizes[fitSizes.length - 1]])];
  // Memory comes first and always runs: a few profiled passes, and the only answer to "will it fit?".
  const memory = await measureMemory({ plan, task, budget: budget.share(0.1, "memory"), progress }, memorySizes);
  const probe = task.createModel();
  const m: Measurements = {
    backend,
    plan,
    description: `${probe.description} on ${task.dataset.description}`,
    about: { model: probe.description, data: task.dataset.about },
    parameters: probe.parameters,
    steps: [],
    memory: memory.value,
    loss: [],
    partial: false,
    wallSeconds: 0,
    flopsPerExample: probe.flopsPerExample,
    dataDescription: task.dataset.description,
    notes: [...(memory.notes ?? [])],
    ...(task.dataset.tokensPerExample ? { tokensPerExample: task.dataset.tokensPerExample } : {}),
  };
  probe.dispose();
  if (memory.stopped) markPartial(m, "memory", `memory: ${memory.stopped}`);
  const examplesPerCurve = plan.examplesPerCurve ?? Math.max(8192, 32 * Math.max(...plan.batchSizes));
  const phases: Array<{ phase: Phase; share: number; run: (context: PhaseContext) => Promise<PhaseResult<unknown>> }> =
    [
      { phase: "timing", share: 0.2, run: async (c) => keep(await measureTiming(c, fitSizes), (v) => (m.steps = v)) },
      {
        phase: "loss",
        share: 0.45,
        run: async (c) => keep(await measureLossCurves(c, { examplesPerCurve }), (v) => (m.loss = v)),
      },
    ];
  if (plan.noise !== false) {
    phases.push({
      phase: "noise",
      share: plan.directCriticalBatch ? 0.7 : 1,
      run: async (c) => keep(await measureNoiseScale(c, plan.noise || {}), (v) => v && (m.noise = v)),
    });
  }
  if (plan.directCriticalBatch) {
    phases.push({
      phase: "critical-batch",
      share: 1,
      run: async (c) => {
        const targets = criticalBatchTargets(plan, m.loss, task.dataset.train.count, examplesPerCurve);
        if (!targets)
          return { value: undefined, notes: ["critical batch: the loss curves did not fall, no target to aim for"] };
        return keep(await measureCriticalBatch(c, targets), (v) => v && (m.criticalBatch = v));
      },
    });
  }
  for (const { phase, share, run } of phases) {
    if (budget.planExpired()) {
      // Every phase left is missing, not only the first.
      for (const left of phases.slice(phases.findIndex((p) => p.phase === phase)))
        markPartial(m, left.phase, `${budget.reason()} before the ${left.phase} phase`);
      break;
    }
    const result = await run({ plan, task, budget: budget.share(share, phase), progress });
    m.notes!.push(...(result.notes ?? []));
    if (result.stopped) markPartial(m, phase, `${phase}: ${result.stopped}`);
  }
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (leaked !== 0) m.notes!.push(`${leaked} tensors were left alive by the proxy run`);
  m.wallSeconds = (performance.now() - started) / 1000;
  return m;
}

function keep<T>(result: PhaseResult<T>, store: (value: T) => unknown): PhaseResult<T> {
  store(result.value);
  return result;
}

function markPartial(m: Measurements, phase: Phase, reason: string): void {
  m.missingRows = [...new Set([...(m.missingRows ?? []), MISSING_ROWS[phase]])];
  if (m.partial) {
    m.notes!.push(reason);
    return;
  }
  m.partial = true;
  m.partialPhase = phase;
  m.partialReason = reason;
}
