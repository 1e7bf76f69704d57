import type { WorkloadIssue } from "../workload/types.js";
import type { Note } from "./types.js";

/**
 * A workload problem as a Note under the memory row: each names its key and line, and says what
 * the memory model could not know because of it. The workload's own English `text` stays behind:
 * the report words the Note from its id and parameters.
 * @example workloadNote({ id: "unknown-model", key: "model_name_or_path", line: 1, text: "…", params: { model: "acme/x"
 * } }).id // "workload-unknown-model"
 */
export function workloadNote(issue: WorkloadIssue): Note {
  const params = { ...issue.params, key: issue.key, line: issue.line ?? 0 };
  switch (issue.id) {
    case "unknown-model":
      return { id: "workload-unknown-model", params };
    case "unknown-model-name":
      return { id: "workload-unknown-model-name", params };
    case "config-json-missing":
      return { id: "workload-config-json-missing", params };
    case "config-json-invalid":
      return { id: "workload-config-json-invalid", params };
    case "lora-target-unknown":
      return { id: "workload-lora-target-unknown", params };
    case "deepspeed-missing":
      return { id: "workload-deepspeed-missing", params };
    case "deepspeed-invalid":
      return { id: "workload-deepspeed-invalid", params };
  }
}
