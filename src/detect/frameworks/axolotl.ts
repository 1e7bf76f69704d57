import { commonRules } from "./common-rules.js";
import { score, type Framework } from "./framework.js";
import { tokensWhenPacked } from "./token-units.js";
import type { Role } from "../types.js";

/**
 * Axolotl YAML (flat): `micro_batch_size` per GPU × `gradient_accumulation_steps` × data-parallel
 * ranks, where tensor and context parallelism divide the ranks. `batch_size` is the per-rank batch
 * including accumulation: when it is set instead of the accumulation, accumulation =
 * batch_size // micro_batch_size (axolotl utils/config normalize_config; framework-batch-keys.md §6).
 */
export const axolotl: Framework = {
  id: "axolotl",
  name: "Axolotl",
  recognise: (c) =>
    score(c, [
      ["^micro_batch_size", 8],
      ["^sample_packing", 6],
      ["^sequence_len", 5],
      ["^pad_to_sequence_len", 4],
      ["^base_model", 3],
      ["^val_set_size", 3],
      ["^lora_r", 2],
      [/^datasets\.\d+\.type$/, 2],
    ]),
  rules: [
    { key: "^micro_batch_size", role: "micro_batch" },
    { key: "^batch_size", role: "nominal_batch" },
    { key: "^sequence_len", role: "seq_len" },
    { key: "^sample_packing", role: "batch_type" },
    { key: "^tensor_parallel_size", role: "tensor_parallel" },
    { key: "^context_parallel_size", role: "context_parallel" },
    // Data-parallel shard/replicate sizes multiply to world ÷ (tensor × context); expert parallelism does not divide
    // it.
    { key: /^(?:dp_shard_size|dp_replicate_size|expert_parallel_size)$/, role: "ignore" },
    ...commonRules,
  ],
  semantics: {
    defaults: { micro_batch: 1 },
    defaultsFrom: "axolotl",
    impliedAccum: impliedAccum,
    unit: tokensWhenPacked,
    devicesFrom: { id: "devices.axolotl" },
  },
};

function impliedAccum(values: Map<Role, number | null>): { accum: number; why: string } | undefined {
  const batch = values.get("nominal_batch");
  const micro = values.get("micro_batch") ?? 1;
  if (batch == null || micro <= 0) return undefined;
  return {
    accum: Math.max(1, Math.floor(batch / micro)),
    why: `accumulation = batch_size ${batch} // micro_batch_size ${micro}`,
  };
}
