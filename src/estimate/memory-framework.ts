import type { ModelShape, Workload } from "../workload/types.js";

/**
 * What a framework or library adds to device memory beyond the layer count: facts of the code that
 * runs, each named with the source it was read from, not factors fitted to a benchmark.
 */

/**
 * The framework whose defaults the workload used, read from its fields' sources (the workload names
 * it on every default it applied, e.g. LitGPT's SDPA attention); undefined when no field fell back
 * to a framework's own default.
 * @example workloadFramework(litgptWorkload) // "litgpt"
 */
export function workloadFramework(w: Workload): string | undefined {
  // The key that loads a 4-bit base is one framework's own: LitGPT's `quantize: bnb.nf4`, torchtune's
  // `model._component_: torchtune.models.….qlora_…` builders.
  const q = w.baseQuantization.source;
  if (q.kind === "config" && q.key === "quantize") return "litgpt";
  if (q.kind === "config" && q.key === "model._component_") return "torchtune";
  const fields = [
    w.model,
    w.method,
    w.lora,
    w.baseQuantization,
    w.precision,
    w.optimizer,
    w.seqLen,
    w.checkpointing,
    w.attention,
    w.packing,
  ];
  for (const f of fields) {
    const s = f.source;
    if (s.kind === "default" && s.framework !== "any") return s.framework.toLowerCase();
  }
  return undefined;
}

/**
 * Output-head parameters a framework holds apart from the input embedding when the checkpoint ties
 * them: LitGPT's `GPT` builds `lm_head = nn.Linear(n_embd, padded_vocab_size)` beside
 * `transformer.wte = nn.Embedding(…)` and finetuning never ties them (litgpt/model.py; only
 * `litgpt pretrain` ties, with `train.tie_embeddings`), so a tied model (Gemma, Llama 3.2) carries
 * vocab × hidden more parameters there than its config.json counts.
 * @example separateHeadParameters("litgpt", gemma2b) // 256000 × 2048
 */
export function separateHeadParameters(framework: string | undefined, model: ModelShape): number {
  if (framework !== "litgpt" || !model.tiedEmbeddings || !model.vocab || !model.hidden) return 0;
  return model.vocab * model.hidden;
}

/**
 * Parameters left in 16 bits when the base is loaded in 4 or 8 bits. bitsandbytes replaces linear
 * layers only, so the input embedding always stays 16-bit. Hugging Face transformers also keeps the
 * output head in 16 bits (`get_keys_to_not_convert` skips the output embeddings); LitGPT's
 * `quantize: bnb.*` goes through Lightning Fabric's `BitsandbytesPrecision`, which swaps every
 * `torch.nn.Linear` while the model is built, `lm_head` included (lightning/fabric/plugins/precision/
 * bitsandbytes.py `module_init_context`), so there only the embedding stays 16-bit.
 * @example unquantizedParameters("litgpt", llama2) // 32000 × 4096 (the embedding alone)
 */
export function unquantizedParameters(framework: string | undefined, model: ModelShape, separateHead: number): number {
  if (!model.hidden || !model.vocab) return 0;
  const embedding = model.vocab * model.hidden;
  if (framework === "litgpt") return embedding;
  return embedding * (model.tiedEmbeddings ? 1 : 2) + separateHead;
}

/**
 * A gradient LitGPT keeps that no optimizer clears, in bytes: with a bitsandbytes base, `litgpt finetune
 * lora` swaps `transformer.wte` for a `bitsandbytes.nn.StableEmbedding` after the optimizer was built
 * and after `mark_only_lora_as_trainable` (litgpt/finetune/lora.py `main`), so the new embedding
 * weight requires a gradient that is not in any parameter group: the first backward pass allocates
 * a 16-bit vocab × hidden gradient and `optimizer.zero_grad()` never frees it.
 * @example stableEmbeddingGradientBytes("litgpt", "nf4", llama2) // 2 × 32000 × 4096
 */
export function stableEmbeddingGradientBytes(
  framework: string | undefined,
  quantization: string,
  model: ModelShape,
): number {
  if (framework !== "litgpt" || quantization === "none" || !model.vocab || !model.hidden) return 0;
  return 2 * model.vocab * model.hidden;
}

/** What `quantizedInputBytesPerExample` needs: the shape of one layer's 4-bit linear inputs. */
export interface QuantizedInputShape {
  hidden: number;
  layers: number;
  seqLen: number;
  /** heads × head size: the output projection's input. */
  attentionWidth: number;
  /** The MLP's inner size (per visited expert): the down projection's input. */
  intermediate: number;
  activeExperts?: number;
  /** The output head is a 4-bit linear too (LitGPT). */
  quantizedHead: boolean;
}

/**
 * Inputs that bitsandbytes before 0.43.2 keeps for every 4-bit linear a gradient flows through, in
 * bytes per example (16-bit). Its `MatMul4Bit.forward` stored `ctx.tensors = (A, B)` although the
 * frozen 4-bit weight B takes no gradient (bitsandbytes/autograd/_functions.py; removed by PR #1270,
 * whose 0.43.2 changelog calls it "the QLoRA bug fix" with "big implications for higher seqlen and
 * batch sizes"). Each distinct input tensor of a layer counts once: the query-key-value input (h),
 * the output projection's (heads × head size), the MLP's (h, shared by gate and up) and the down
 * projection's (inner size); the output head's input (h) once per sequence. A 16-bit frozen layer,
 * and bitsandbytes ≥ 0.43.2, keep none of these.
 * @example quantizedInputBytesPerExample({ hidden: 4096, layers: 32, seqLen: 512, attentionWidth: 4096,
 *   intermediate: 11008, quantizedHead: false })
 * // 2 × 512 × 32 × (4096 + 4096 + 4096 + 11008)
 */
export function quantizedInputBytesPerExample(o: QuantizedInputShape): number {
  const perLayer = 2 * o.hidden + o.attentionWidth + o.intermediate * (o.activeExperts ?? 1);
  return 2 * o.seqLen * (o.layers * perLayer + (o.quantizedHead ? o.hidden : 0));
}

/**
 * How many steps' worth of those kept inputs are alive at the peak. The tensors sit on the autograd
 * node as plain attributes, which the backward pass does not release: they live until the graph
 * does. LitGPT's finetune loop keeps the last step's `logits` (and so its graph) until the next
 * forward pass returns and rebinds the name (litgpt/finetune/lora.py `fit`): two steps' inputs at the
 * end of that forward. Hugging Face's Trainer returns `loss.detach()` from `training_step`, freeing
 * the graph after each step: one. torchtune's NF4 (torchao `linear_nf4`) never kept them: none.
 * @example retainedSteps("litgpt") // 2
 */
export function retainedSteps(framework: string | undefined): 0 | 1 | 2 {
  if (framework === "torchtune") return 0;
  return framework === "litgpt" ? 2 : 1;
}

/** The bitsandbytes release that stopped keeping 4-bit layers' inputs (PR #1270, "the QLoRA bug fix"). */
export const BNB_INPUTS_FIXED = [0, 43, 2] as const;

function versionParts(v: string): number[] {
  return v
    .split(".")
    .map((p) => Number.parseInt(p, 10))
    .filter((n) => Number.isFinite(n));
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The exclusive upper bound a compatible-release clause implies: ~=0.42.0 → 0.43, ~=0.42 → 1; ^0.42.0 → 0.43. */
function bumped(parts: number[], at: number): number[] {
  const i = Math.max(0, at);
  return [...parts.slice(0, i), (parts[i] ?? 0) + 1];
}

/**
 * Whether the bitsandbytes a requirement allows keeps every 4-bit layer's input (any version before
 * 0.43.2): true when every allowed version is older, false when every one is 0.43.2 or newer, null
 * when the requirement allows both or is unknown. Reads PEP 440 clauses (==, ===, ~=, <, <=, >, >=,
 * != is ignored, 0.42.* wildcards) and Poetry's ^ and ~; a bare version means ==.
 * @example bitsandbytesKeepsInputs("==0.42.0") // true
 * @example bitsandbytesKeepsInputs(">=0.45.2,<0.46") // false
 * @example bitsandbytesKeepsInputs(">=0.41") // null
 */
export function bitsandbytesKeepsInputs(spec: string | null): boolean | null {
  if (!spec) return null;
  let lower: number[] | undefined;
  let upper: number[] | undefined;
  const raise = (v: number[]) => {
    if (!lower || compareVersions(v, lower) > 0) lower = v;
  };
  const cap = (v: number[]) => {
    if (!upper || compareVersions(v, upper) < 0) upper = v;
  };
  for (const clause of spec
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)) {
    const m = /^(===|==|~=|!=|<=|>=|<|>|\^|~)?\s*(.+)$/.exec(clause);
    if (!m) return null;
    const op = m[1] ?? "==";
    const text = m[2]!;
    const parts = versionParts(text.replace(/\.\*$/, ""));
    if (!parts.length) return null;
    if ((op === "==" || op === "===") && text.endsWith(".*")) {
      raise(parts);
      cap(bumped(parts, parts.length - 1));
    } else if (op === "==" || op === "===") {
      raise(parts);
      cap([...parts.slice(0, -1), parts[parts.length - 1]! + 1e-9]);
    } else if (op === "~=") {
      raise(parts);
      cap(bumped(parts, parts.length - 2));
    } else if (op === "^") {
      raise(parts);
      // Poetry: the left-most non-zero part may not change (^0.42.0 → <0.43.0, ^1.2 → <2).
      const first = parts.findIndex((p) => p !== 0);
      cap(bumped(parts, first === -1 ? parts.length - 1 : first));
    } else if (op === "~") {
      raise(parts);
      cap(bumped(parts, parts.length >= 2 ? 1 : 0));
    } else if (op === "<") cap(parts);
    else if (op === "<=") cap([...parts.slice(0, -1), parts[parts.length - 1]! + 1e-9]);
    else if (op === ">=" || op === ">") raise(parts);
  }
  if (upper && compareVersions(upper, BNB_INPUTS_FIXED) <= 0) return true;
  if (lower && compareVersions(lower, BNB_INPUTS_FIXED) >= 0) return false;
  return null;
}

/**
 * Attention-score bytes LitGPT keeps per layer per example when the model soft-caps its attention
 * logits (Gemma 2): `CausalSelfAttention.scaled_dot_product_attention` (litgpt/model.py) then skips
 * PyTorch's fused `scaled_dot_product_attention` ("with softcapping we cannot use SDPA") and computes
 * `q @ k.mT`, `tanh(scores ÷ cap) · cap`, the mask, `softmax(…, dtype=float)` and `scores @ v` eagerly.
 * Autograd keeps the tanh output (16-bit), the softmax output (fp32) and the 16-bit probabilities
 * `scores @ v` reads: 2 + 4 + 2 = 8 bytes per score, heads × s² scores per sequence. Other
 * frameworks and models without soft-capping keep none of these.
 * @example softcappedScoreBytesPerLayer("litgpt", gemma2_9b, 512) // 8 × 16 × 512²
 */
export function softcappedScoreBytesPerLayer(framework: string | undefined, model: ModelShape, seqLen: number): number {
  if (framework !== "litgpt" || !model.attentionSoftcap || !model.heads) return 0;
  return 8 * model.heads * seqLen * seqLen;
}
