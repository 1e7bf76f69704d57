// The "Step time on your GPU" part of docs/accuracy.md: the analytical step-time model against
// published measured throughput (bench/results/speed-model.json).
import { met, num, pct, seconds, table } from "./doc-format.js";
import type { speedModelComparison } from "./speed-model.js";

export type SpeedModelResult = ReturnType<typeof speedModelComparison>;

/** The goal row for the summary table. */
export function speedModelGoal(result: SpeedModelResult | undefined): string[] {
  const label = "step time on the user's GPU against published measured throughput, median error";
  if (!result) return [label, "≤ 20 %", "not measured yet", "—"];
  return [
    label,
    "≤ 20 %",
    `${pct(result.medianError, 1)} over ${result.rows.length} runs (worst ${pct(result.maxError)})`,
    met(result.medianError <= result.goal.medianError),
  ];
}

/** The section: how the comparison was made and its table, one row per published run with its source. */
export function renderSpeedModelSection(result: SpeedModelResult | undefined): string[] {
  const out = ["## Step time on your GPU", ""];
  if (!result) return [...out, "Not measured yet: `npm run bench -- --only=speed-model`.", ""];
  const sources = [...new Map(result.rows.map((r) => [r.source, r.url])).entries()];
  out.push(
    "The step time the comment prints is analytical (docs/estimates.md, " +
      "*Speed*): FLOPs per step at the achievable share of the GPU's dense peak, " +
      "against the memory-bound floor, plus the gradient exchange the backward pass does not hide. " +
      "Below, the same model predicts the optimizer step of published training " +
      "runs, and the measured step is the run's tokens per step per GPU divided by " +
      "its published tokens per second per GPU. " +
      "The utilization curve was fitted to other runs (llm-foundry's sequence-2048 " +
      "runs without checkpointing); none of these rows was used to fit it.",
    "",
    `Median error ${pct(result.medianError, 1)}, ` +
      `worst ${pct(result.maxError, 1)}; ${result.withinInterval} ` +
      `of ${result.rows.length} measured step times fall inside the predicted interval.`,
    "",
    table(
      [
        "run",
        "GPU",
        "seq × micro × accum",
        "GPUs",
        "checkpointed",
        "measured",
        "predicted (interval)",
        "error",
        "source",
      ],
      result.rows.map((r) => [
        r.name,
        r.gpuNote ? `${r.gpu}¹` : r.gpu,
        `${r.seqLen} × ${r.microBatch} × ${r.accumulation}`,
        String(r.devices),
        r.checkpointing ? "yes" : "no",
        `${seconds(r.measuredSeconds)} (${num(r.measuredTokensPerSecondPerGpu)} tok/s/GPU)`,
        `${seconds(r.predictedSeconds)} (${seconds(r.predictedLow)}–${seconds(r.predictedHigh)})`,
        pct(r.error),
        `[${r.source.split(",")[0]}](${r.url})`,
      ]),
    ),
    "",
    ...result.rows.filter((r) => r.gpuNote).map((r) => `¹ ${r.gpuNote}.`),
    "",
    "Where it errs: checkpointed runs take less time than a full extra forward " +
      "predicts (the recompute overlaps and skips the attention scores' " +
      "FlashAttention work), so the model is pessimistic for them by 10–20 %; " +
      "the H100 row at a 500 W power limit runs slower than the datasheet card the catalogue describes.",
    "",
    `Sources: ${sources.map(([s, u]) => `[${s}](${u})`).join("; ")}.`,
    "",
  );
  return out;
}
