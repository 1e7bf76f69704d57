import type { WorkloadSource } from "../workload/types.js";

/**
 * A source in a few plain words, for Quantity sources and the JSON: `sft.yaml:3 model_name_or_path`,
 * `catalogue meta-llama/Llama-3.2-1B (https://…/config.json)`, `huggingface default: …`,
 * `bot config hardware.gpu`, `unknown: …`.
 * @example describeSource({ kind: "config", file: "sft.yaml", key: "max_seq_length", line: 4 })
 *   // "sft.yaml:4 max_seq_length"
 */
export function describeSource(source: WorkloadSource): string {
  switch (source.kind) {
    case "config":
      return `${source.file}:${source.line} ${source.key}`;
    case "catalogue":
      return `catalogue ${source.id} (${source.url})`;
    case "default":
      return `${source.framework === "any" ? "default" : `${source.framework} default`}: ${reasonKey(source.what)}`;
    case "bot-config":
      return `bot config ${source.key}`;
    case "derived":
      return reasonKey(source.from);
    case "unknown":
      return `unknown: ${reasonKey(source.reason)}`;
  }
}

/**
 * A workload reason as its message id and parameters (`default.key optim=adamw_torch`): the words
 * live in src/report/messages, which util does not import.
 */
function reasonKey(reason: { id: string; params?: Record<string, string | number> }): string {
  return [reason.id, ...Object.entries(reason.params ?? {}).map(([k, v]) => `${k}=${v}`)].join(" ");
}
