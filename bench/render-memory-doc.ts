// The "Peak memory against published recipes" part of docs/accuracy.md: the analytical memory model
// run on public recipes' own config files against their published measured peaks
// (bench/results/memory.json).
import { met, pct, table } from "./doc-format.js";
import type { GroupSummary, MemoryResult, MemoryRow } from "./memory-accuracy.js";

const gb = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / 1e9).toFixed(2)} GB`);
/** A row outside its interval: its signed error, or that it has no prediction. */
const outside = (r: MemoryRow) => (r.predicted === null ? "(no prediction)" : signed(r.signedError));
/** A signed error as "+9.4 %" or "−25.4 %". */
const signed = (e: number | null) => (e === null ? "—" : `${e >= 0 ? "+" : "−"}${pct(Math.abs(e), 1)}`);

/** The goal rows for the summary table: the recipe rows alone, then every row with the ZeRO model-state rows. */
export function memoryGoals(result: MemoryResult | undefined): string[][] {
  const label = "absolute peak memory against published measured peaks of public recipes";
  if (!result) return [[label, "median ≤ 10 %, worst ≤ 30 %, ≥ 80 % inside the interval", "not measured yet", "—"]];
  const group = (s: GroupSummary, what: string): string[][] => [
    [`${label}, median error over ${s.rows} ${what}`, "≤ 10 %", pct(s.medianError, 1), met(s.met.median)],
    [
      "… worst row",
      "≤ 30 %",
      `${pct(s.worstError, 1)} (${s.worstRow})` +
        (s.unanswered.length ? `; no prediction for ${s.unanswered.length}: ${s.unanswered.join(", ")}` : ""),
      met(s.met.worst),
    ],
    [
      "… measured peak inside the reported interval",
      "≥ 80 %",
      `${s.withinInterval} of ${s.rows} (${pct(s.coverage)})`,
      met(s.met.coverage),
    ],
  ];
  return [...group(result.recipes, "recipe rows"), ...group(result.summary, "rows with the ZeRO model-state rows")];
}

/** The section: how the comparison was made, the table with each source named, what was left out and why the goal is
 * missed where it is. */
export function renderMemorySection(result: MemoryResult | undefined): string[] {
  const out = ["## Peak memory against published recipes", ""];
  if (!result) return [...out, "Not measured yet: `npm run bench -- --only=memory`.", ""];
  const s = result.summary;
  const recipes = result.recipes;
  const qlora = result.rows.filter((r) => r.method === "qlora");
  const missed = result.rows.filter((r) => !r.withinInterval);
  out.push(
    "Each row runs the bot on a public recipe's own config file (stored as " +
      "published, with its commit, in `bench/memory-recipes/`) through the path " +
      "`analyze` takes — detection, the parsed entries, the workload " +
      "(`readWorkload`) and `estimateMemory` at the recipe's own per-device batch — " +
      "and sets the predicted peak and interval beside the number the recipe's " +
      "authors measured. Settings come from the config; a bot-config hint is used " +
      "only where the source states a setting its config does not hold (the ZeRO " +
      "rows, whose paper gives Ψ and N_d but no config; the bitsandbytes LitGPT pinned " +
      "while its table was measured, listed under the table). " +
      "A published number is compared with the parts it counts: " +
      "`torch.cuda.max_memory_allocated` and `max_memory_reserved` count PyTorch's " +
      "tensors and cache only, so the bot's CUDA-context part is left out; the ZeRO " +
      "paper's figures are model states (weights, gradients, optimizer states). " +
      "A published value covers half a unit of its last digit (31.4 GB is " +
      "31.35–31.45 GB). No constant was fitted to these rows.",
    "",
    `The ${recipes.rows} recipe rows alone: median error ${pct(recipes.medianError, 1)}, ` +
      `worst ${pct(recipes.worstError, 1)} (${recipes.worstRow}), ${recipes.withinInterval} of ` +
      `${recipes.rows} inside the predicted interval` +
      (recipes.unanswered.length
        ? `; no prediction for ${recipes.unanswered.length} (${recipes.unanswered.join(", ")})`
        : "") +
      `. All ${s.rows} rows, with the ZeRO model-state rows: median ${pct(s.medianError, 1)}, ` +
      `worst ${pct(s.worstError, 1)}, ${s.withinInterval} of ${s.rows} inside.`,
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
        r.measure === "model-states" ? "model states" : r.measure,
        gb(r.measured),
        `${gb(r.predicted)} (${gb(r.low)}–${gb(r.high)})`,
        signed(r.signedError),
        r.withinInterval ? "yes" : "**no**",
        `[${r.source.split(" (")[0]}](${r.url})`,
      ]),
    ),
    "",
    ...hintLines(result),
    "**Left out**, each for a stated reason, never for its result:",
    "",
    ...result.excluded.map((e) => `- ${e.row}: ${e.why}.`),
    "",
  );
  if (qlora.length) {
    const list = qlora.map((r) => `${r.id} ${signed(r.signedError)}`).join(", ");
    out.push(
      "**QLoRA rows.** bitsandbytes before 0.43.2 kept every 4-bit linear layer's 16-bit input on the autograd " +
        'node (`MatMul4Bit`; its changelog: "the QLoRA bug fix", PR #1270), for two steps in LitGPT\'s loop, ' +
        "which holds the last step's logits until the next forward returns. The version is an input: a pin in " +
        "the repository's requirements.txt/pyproject.toml/setup.py or `model.bitsandbytes`. LitGPT's rows " +
        "state the pins LitGPT had while its table was measured (0.41.0, then 0.42.0: both before 0.43.2), so " +
        "their value holds the kept inputs; without a version the value is today's library and the top of " +
        `the interval the older one. ${list}. ` +
        "LitGPT's own terms are in the value: a separate 4-bit output head even for tied checkpoints, and the " +
        "16-bit gradient of the `StableEmbedding` it swaps in after building the optimizer; Gemma 2's attention " +
        "soft-capping makes LitGPT compute attention eagerly and keep 8 bytes per score (docs/estimates.md).",
      "",
    );
  }
  const unanswered = result.rows.filter((r) => r.predicted === null);
  if (unanswered.length) {
    out.push(
      `**No prediction** for ${unanswered.map((r) => r.id).join(", ")}: the bot gives no peak when the config ` +
        "sets no sequence length (torchtune's `tokenizer.max_seq_len` unset and no packing: the longest Alpaca " +
        "example sets the peak, and the README does not say how long it was); it reports the model states and " +
        "says what is missing. They count as outside the interval and as infinite errors in the median; the " +
        "worst-row goal is about the figures the bot gives. torchtune's low-memory " +
        "full fine-tune also fuses the optimizer step into the backward pass (`optimizer_in_bwd`) and pages " +
        "bitsandbytes' optimizer states through CUDA managed memory, outside PyTorch's reserved count; the " +
        "bot models neither, so even with a length its figure would not be comparable.",
      "",
    );
  }
  if (!s.met.median || !s.met.worst || !s.met.coverage) {
    out.push(
      "**Where the goal is missed.** " +
        `Recipe rows: median ${pct(recipes.medianError, 1)} (goal ≤ 10 %), worst ${pct(recipes.worstError, 1)} ` +
        `among the rows with a prediction (goal ≤ 30 %)` +
        (s.unanswered.length ? `, no prediction for ${s.unanswered.length}` : "") +
        `, ${pct(recipes.coverage)} inside the interval (goal ≥ 80 %); outside the interval: ` +
        `${missed.map((r) => `${r.id} ${outside(r)}`).join(", ") || "none"}. ` +
        "Reported as measured, not fitted.",
      "",
    );
  }
  return out;
}

/** The bot-config hints the rows use, each with the source that states the setting, once per distinct reason. */
function hintLines(result: MemoryResult): string[] {
  const byWhy = new Map<string, { ids: string[]; hints: string; sources: string[] }>();
  for (const r of result.rows) {
    if (!r.hints || !r.hintsWhy) continue;
    const group = byWhy.get(r.hintsWhy) ?? { ids: [], hints: r.hints, sources: r.hintsSources ?? [] };
    group.ids.push(r.id);
    byWhy.set(r.hintsWhy, group);
  }
  if (!byWhy.size) return [];
  const lines = ["**Bot-config hints**, only for settings a source states and its config does not hold:", ""];
  for (const [why, g] of byWhy) {
    const hint = g.hints.trim().replace(/\n\s*/g, " ");
    const links = g.sources.map((u, i) => `[${i + 1}](${u})`).join(" ");
    lines.push(`- \`${hint}\` for ${g.ids.join(", ")}: ${why}${links ? ` ${links}` : ""}`);
  }
  lines.push("");
  return lines;
}
