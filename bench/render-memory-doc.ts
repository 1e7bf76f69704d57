// The "Peak memory against published recipes" part of docs/accuracy.md: the analytical memory model
// run on public recipes' own config files against their published measured peaks
// (bench/results/memory.json).
import { met, pct, table } from "./doc-format.js";
import type { MemoryResult } from "./memory-accuracy.js";

const gb = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / 1e9).toFixed(2)} GB`);

/** The goal rows for the summary table. */
export function memoryGoals(result: MemoryResult | undefined): string[][] {
  const label = "absolute peak memory against published measured peaks of public recipes";
  if (!result) return [[label, "median ≤ 10 %, worst ≤ 30 %, ≥ 80 % inside the interval", "not measured yet", "—"]];
  const s = result.summary;
  return [
    [`${label}, median error over ${s.rows} rows`, "≤ 10 %", pct(s.medianError, 1), met(s.met.median)],
    ["… worst row", "≤ 30 %", `${pct(s.worstError, 1)} (${s.worstRow})`, met(s.met.worst)],
    [
      "… measured peak inside the reported interval",
      "≥ 80 %",
      `${s.withinInterval} of ${s.rows} (${pct(s.coverage)})`,
      met(s.met.coverage),
    ],
  ];
}

/** Median of the absolute errors of the rows that pass `keep`. */
function groupMedian(result: MemoryResult, keep: (id: string) => boolean): { n: number; median: number } {
  const errors = result.rows
    .filter((r) => keep(r.id))
    .map((r) => r.error ?? Infinity)
    .sort((a, b) => a - b);
  const mid = errors.length >> 1;
  return { n: errors.length, median: errors.length % 2 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2 };
}

/** The section: how the comparison was made, the table with each source named, what was left out and why the goal is missed where it is. */
export function renderMemorySection(result: MemoryResult | undefined): string[] {
  const out = ["## Peak memory against published recipes", ""];
  if (!result) return [...out, "Not measured yet: `npm run bench -- --only=memory`.", ""];
  const s = result.summary;
  const recipes = groupMedian(result, (id) => !id.startsWith("zero/"));
  const qlora = result.rows.filter((r) => r.method === "qlora");
  const missed = result.rows.filter((r) => !r.withinInterval);
  out.push(
    "Each row runs the bot on a public recipe's own config file (stored as published, with its commit, in `bench/memory-recipes/`) through the path `analyze` takes — detection, the parsed entries, the workload (`readWorkload`) and `estimateMemory` at the recipe's own per-device batch — " +
      "and sets the predicted peak and interval beside the number the recipe's authors measured. Settings come from the config; a bot-config hint is used only where the source states a setting its config does not hold (the ZeRO rows, whose paper gives Ψ and N_d but no config). " +
      "A published number is compared with the parts it counts: `torch.cuda.max_memory_allocated` counts tensors only, so the bot's CUDA-context part is left out; the ZeRO paper's figures are model states (weights, gradients, optimizer states). " +
      "A published value covers half a unit of its last digit (31.4 GB is 31.35–31.45 GB). No constant was fitted to these rows.",
    "",
    `Median error ${pct(s.medianError, 1)} over all rows; the ${recipes.n} recipe rows alone: ${pct(recipes.median, 1)}${recipes.median > result.goal.medianError ? " — the median goal is met only with the ZeRO model-state rows counted" : ""}. Worst ${pct(s.worstError, 1)} (${s.worstRow}); ${s.withinInterval} of ${s.rows} measured peaks fall inside the predicted interval.`,
    "",
    table(
      [
        "recipe",
        "model",
        "method",
        "GPU × devices",
        "micro × seq",
        "counts",
        "measured",
        "predicted (interval)",
        "error",
        "inside",
        "source",
      ],
      result.rows.map((r) => [
        r.config.commit
          ? `[${r.id}](https://github.com/${r.config.repo}/blob/${r.config.commit}/${r.config.path})`
          : r.id,
        r.model ?? "unknown",
        r.method ?? "—",
        `${r.gpu} × ${r.devices}`,
        `${r.microBatch ?? "?"} × ${r.seqLen ?? "?"}`,
        r.measure === "model-states" ? "model states" : "allocated",
        gb(r.measured),
        `${gb(r.predicted)} (${gb(r.low)}–${gb(r.high)})`,
        r.signedError === null ? "—" : `${r.signedError >= 0 ? "+" : "−"}${pct(Math.abs(r.signedError), 1)}`,
        r.withinInterval ? "yes" : "**no**",
        `[${r.source.split(" (")[0]}](${r.url})`,
      ]),
    ),
    "",
    "**Left out**, each for a stated reason, never for its result:",
    "",
    ...result.excluded.map((e) => `- ${e.row}: ${e.why}.`),
    "",
  );
  if (!s.met.worst || !s.met.coverage) {
    out.push(
      "**Where the goal is missed, and why.** " +
        `The worst-row goal (≤ 30 %) is missed by ${pct(Math.max(0, s.worstError - result.goal.worstError), 1)} and the interval goal (≥ 80 %) by ${pct(Math.max(0, result.goal.coverage - s.coverage))}: ` +
        `every QLoRA row is under-predicted (${qlora.map((r) => `${r.id} ${pct(Math.abs(r.signedError ?? 0))}`).join(", ")}), and ${missed.length} rows fall outside the interval (${missed.map((r) => r.id).join(", ")}). ` +
        "The Llama and Mistral configs with 16-bit base weights (LoRA) are within 2 %, so their weights, adapters and optimizer states are counted right; LitGPT's QLoRA runs keep about 4 GB more than the bitsandbytes NF4 storage (0.5625 bytes per linear weight) plus the layer count explains — " +
        "on the Llama-2-7B LoRA/QLoRA pair, about 24 bytes per token per hidden unit per layer more than LoRA, where the 4-bit matmul's saved inputs account for about 11. Gemma-2B (256k vocabulary, head size 256, LoRA on every module and the head) is under-predicted in both forms. The remainder is not identified yet (candidates: dequantized 16-bit weight copies the autograd graph holds, or the load-time peak, since max_memory_allocated covers the whole run); " +
        "it is reported, not fitted. The ZeRO paper's model states are matched to its rounding.",
      "",
    );
  }
  return out;
}
