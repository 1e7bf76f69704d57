import type { ModelShape, ModuleKind } from "./types.js";

/** Every linear layer of a block: what `all-linear` (PEFT), `lora_target_linear` (axolotl) and `lora_target: all`
 * (LLaMA-Factory) mean. */
const ALL_LINEAR: ModuleKind[] = ["q", "k", "v", "o", "gate", "up", "down"];

/**
 * Module names as frameworks and model families write them → the kinds they are. Llama/Mistral/
 * Qwen (`q_proj` … `down_proj`), torchtune (`output_proj`, `w1`/`w2`/`w3`), GPT-2 (`c_attn`,
 * `c_proj`, `c_fc`), GPT-NeoX/Falcon (`query_key_value`, `dense_h_to_4h`), OPT/BERT (`fc1`,
 * `query`, `dense`).
 */
const NAMES: Record<string, ModuleKind[]> = {
  q_proj: ["q"],
  query: ["q"],
  q: ["q"],
  wq: ["q"],
  k_proj: ["k"],
  key: ["k"],
  k: ["k"],
  wk: ["k"],
  v_proj: ["v"],
  value: ["v"],
  v: ["v"],
  wv: ["v"],
  o_proj: ["o"],
  out_proj: ["o"],
  output_proj: ["o"],
  wo: ["o"],
  dense: ["o"],
  o: ["o"],
  qkv_proj: ["qkv"],
  c_attn: ["qkv"],
  query_key_value: ["qkv"],
  wqkv: ["qkv"],
  qkv: ["qkv"],
  gate_proj: ["gate"],
  w1: ["gate"],
  up_proj: ["up"],
  w3: ["up"],
  c_fc: ["up"],
  fc1: ["up"],
  dense_h_to_4h: ["up"],
  fc_in: ["up"],
  down_proj: ["down"],
  w2: ["down"],
  fc2: ["down"],
  dense_4h_to_h: ["down"],
  fc_out: ["down"],
  c_proj: ["o", "down"],
  lm_head: ["lm_head"],
  output: ["lm_head"],
};

const ALL = /^(all|all[-_]linear)$/i;

/**
 * The module kinds a list of LoRA targets names, and the names that match none of the model's
 * modules (a typo, or a module of another architecture: `gate_proj` on GPT-2).
 * @example resolveTargets(["q_proj", "v_proj"], llama) // { modules: ["q", "v"], unmatched: [] }
 */
export function resolveTargets(
  targets: string[],
  shape: ModelShape | null,
): { modules: ModuleKind[]; unmatched: string[] } {
  const modules = new Set<ModuleKind>();
  const unmatched: string[] = [];
  for (const raw of targets) {
    // PEFT matches a target against the end of each module's dotted name (`self_attn.q_proj`).
    const name = raw.trim().replace(/^.*\./, "").toLowerCase();
    if (ALL.test(name)) {
      for (const m of ALL_LINEAR) if (exists(m, shape)) modules.add(m);
      continue;
    }
    const kinds = (NAMES[name] ?? []).filter((m) => exists(m, shape));
    if (!kinds.length) unmatched.push(raw);
    for (const m of kinds) modules.add(m);
  }
  return { modules: [...modules], unmatched };
}

/** A gated MLP has gate, up and down; a plain one only up and down. */
function exists(m: ModuleKind, shape: ModelShape | null): boolean {
  if (!shape || shape.kind === "vision" || m !== "gate") return true;
  return shape.gated === true;
}

/**
 * Trainable LoRA parameters: each adapted r×in + out×r pair, r·(in + out), per layer (per expert
 * for the MLP of a mixture of experts), plus the output head once (Hu et al. 2021, §4).
 * @example loraParameters(llama32_1b, 16, ["q", "v"]) // 16 layers × 16·((2048+2048) + (2048+512)) = 1_703_936
 */
export function loraParameters(shape: ModelShape, rank: number, modules: ModuleKind[]): number | undefined {
  const { hidden: h, layers, heads, vocab } = shape;
  if (!h || !layers || !heads) return undefined;
  const d = shape.headDim ?? h / heads;
  const q = heads * d;
  const kv = (shape.kvHeads ?? heads) * d;
  const inner = shape.experts?.intermediate ?? shape.intermediate ?? 4 * h;
  const experts = shape.experts?.count ?? 1;
  const size: Record<ModuleKind, number> = {
    q: h + q,
    k: h + kv,
    v: h + kv,
    o: q + h,
    qkv: h + q + 2 * kv,
    gate: (h + inner) * experts,
    up: (h + inner) * experts,
    down: (inner + h) * experts,
    lm_head: 0,
  };
  const perLayer = modules.reduce((sum, m) => sum + size[m], 0);
  const head = modules.includes("lm_head") && vocab ? h + vocab : 0;
  return rank * (layers * perLayer + head);
}
