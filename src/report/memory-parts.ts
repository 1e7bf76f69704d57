import { markdownTable } from "markdown-table";
import type { MemoryEstimate, MemoryParts, Quantity } from "../estimate/types.js";
import type { Field, Workload } from "../workload/types.js";
import { formatBytes, formatNumber } from "./format-number.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import { untrusted } from "./untrusted.js";
import { workloadSource } from "./workload-source.js";

const PARTS: Array<[keyof MemoryParts, MessageId]> = [
  ["weights", "memoryParts.weights"],
  ["gradients", "memoryParts.gradients"],
  ["optimizer", "memoryParts.optimizer"],
  ["activations", "memoryParts.activations"],
  ["logits", "memoryParts.logits"],
  ["reserve", "memoryParts.reserve"],
];

/**
 * The folded block under a group's table: the peak per device split into its parts at the old and
 * new batch, and the workload fields it was computed from, each with its source (the catalogue
 * page, the config's key and line, the framework default, the bot config). Empty without parts.
 * @example renderMemoryParts({ memory, workload, t })
 *   // "<details><summary>Peak memory per device, by part…</summary>…"
 */
export function renderMemoryParts(input: { memory: MemoryEstimate; workload?: Workload; t: Translator }): string {
  const { memory, workload, t } = input;
  const before = memory.parts?.before;
  const after = memory.parts?.after;
  if (!before && !after) return "";
  const cell = (q?: Quantity) => {
    if (!q) return "—";
    const ranged = q.low !== undefined && q.high !== undefined && q.low !== q.high;
    return ranged ? `${formatBytes(q.value)} (${formatBytes(q.low!)}–${formatBytes(q.high!)})` : formatBytes(q.value);
  };
  const rows = PARTS.map(([part, label]) => [t.t(label), cell(before?.[part]), cell(after?.[part])]);
  rows.push([`**${t.t("memoryParts.total")}**`, cell(memory.model?.before), cell(memory.model?.after)]);
  const table = markdownTable([[t.t("memoryParts.part"), t.t("table.before"), t.t("table.after")], ...rows], {
    align: ["l", "r", "r"],
    alignDelimiters: false,
  });
  const from = workload ? workloadLines(workload, memory, t) : [];
  const body = [
    table,
    ...(from.length ? [`${t.t("memoryParts.from")}\n${from.map((l) => `- ${l}`).join("\n")}`] : []),
  ].join("\n\n");
  return `<details>\n<summary>${t.t("memoryParts.summary")}</summary>\n\n${body}\n\n</details>`;
}

/** One line per workload field the memory model used; PR strings (ids, keys, paths) as code, the rest as text. */
function workloadLines(w: Workload, memory: MemoryEstimate, t: Translator): string[] {
  const source = (f: Field<unknown>) => workloadSource(f.source, t);
  const code = (v: unknown) => untrusted(v, "code", { t });
  const onOff = (v: boolean | null) => (v === null ? t.t("cell.unknown") : t.t(v ? "workload.on" : "workload.off"));
  const lines: string[] = [];
  const model = w.model.value;
  lines.push(
    t.t("workload.model", {
      value: model ? code(model.id) : t.t("cell.unknown"),
      parameters: model ? formatNumber(model.parameters) : "?",
      source: source(w.model),
    }),
  );
  lines.push(t.t("workload.method", { value: code(w.method.value ?? "?"), source: source(w.method) }));
  if (w.trainableParameters.value !== null && w.trainableParameters.value !== model?.parameters)
    lines.push(
      t.t("workload.trainable", {
        value: formatNumber(w.trainableParameters.value),
        source: source(w.trainableParameters),
      }),
    );
  lines.push(t.t("workload.precision", { value: code(w.precision.value ?? "?"), source: source(w.precision) }));
  lines.push(t.t("workload.optimizer", { value: code(w.optimizer.value ?? "?"), source: source(w.optimizer) }));
  if (model?.kind !== "vision") {
    lines.push(
      t.t("workload.seqLen", {
        value: w.seqLen.value === null ? t.t("cell.unknown") : formatNumber(w.seqLen.value),
        source: source(w.seqLen),
      }),
    );
    lines.push(t.t("workload.checkpointing", { value: onOff(w.checkpointing.value), source: source(w.checkpointing) }));
    lines.push(t.t("workload.attention", { value: code(w.attention.value ?? "?"), source: source(w.attention) }));
  }
  if (w.zero.value?.stage || w.zero.value === null)
    lines.push(
      t.t("workload.zero", {
        value: w.zero.value ? String(w.zero.value.stage) : t.t("cell.unknown"),
        source: source(w.zero),
      }),
    );
  if (w.fsdp.value && w.fsdp.value !== "no-shard")
    lines.push(t.t("workload.fsdp", { value: code(w.fsdp.value), source: source(w.fsdp) }));
  lines.push(
    t.t("workload.devices", {
      value: w.devices.value === null ? t.t("cell.unknown") : formatNumber(w.devices.value),
      source: source(w.devices),
    }),
  );
  if (w.gpu.value)
    lines.push(
      t.t("workload.gpu", {
        value: code(w.gpu.value.id),
        source: [source(w.gpu), formatBytes(w.gpu.value.memoryBytes), untrusted(w.gpu.value.url, "text", { t })].join(
          ", ",
        ),
      }),
    );
  const max = memory.maxBatchPerDevice;
  if (max)
    lines.push(
      t.t("workload.budget", {
        value: formatBytes(max.budget.bytes),
        source: untrusted(max.budget.from, "text", { t }),
      }),
    );
  return lines;
}
