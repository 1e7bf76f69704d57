import type { WorkloadReason, WorkloadReasons } from "../../workload/reason.js";
import { n, type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

const PARALLEL_EN = { tensor_parallel: "tensor", pipeline_parallel: "pipeline", context_parallel: "context" };
const PARALLEL_ZH = { tensor_parallel: "張量", pipeline_parallel: "管線", context_parallel: "上下文" };

/**
 * Why a workload field holds what it holds (src/workload/reason.ts), in English and Traditional
 * Chinese: a framework's default, a derivation, or why it is unknown.
 */
export const WORKLOAD_REASONS: ReasonCatalogue<WorkloadReasons> = {
  en: {
    "default.key": (p, q) => `${q.code(p.key)} defaults to ${q.code(p.value)}`,
    "default.unset": (p, q) => `${q.code(p.key)} is not set`,
    "default.precision.transformers": (_, q) =>
      `TrainingArguments ${q.code("bf16")} and ${q.code("fp16")} default to false (fp32)`,
    "default.precision.axolotl": (_, q) => `${q.code("bf16")} and ${q.code("fp16")} are not set (fp32)`,
    "default.precision.nanogpt": () =>
      "train.py autocasts to bfloat16 (float16 without bf16 support) over fp32 weights",
    "default.precision.torchtune": () => "the recipes' default dtype is bf16",
    "default.precision.megatron": (_, q) => `fp32 unless ${q.code("--bf16")} or ${q.code("--fp16")}`,
    "default.optimizer.nanogpt": (_, q) => `train.py builds ${q.code("torch.optim.AdamW")}`,
    "default.optimizer.timm": (_, q) => `${q.code("--opt")} defaults to ${q.code("sgd")} with momentum 0.9`,
    "default.optimizer.detectron2": (_, q) => `${q.code("SOLVER")} uses SGD with momentum 0.9`,
    "default.checkpointing.llamaFactory": (_, q) =>
      `activation checkpointing is on unless ${q.code("disable_gradient_checkpointing: true")}`,
    "default.checkpointing.nanogpt": () => "train.py does not checkpoint activations",
    "default.attention.transformers": () => "transformers ≥ 4.36 loads PyTorch SDPA attention by default",
    "default.attention.sdpa": (p, q) => `${q.text(p.who)} calls PyTorch ${q.code("scaled_dot_product_attention")}`,
    "default.packing": () => "no packing is set: sequences are padded, so the longest batch sets the peak",
    "default.fullFineTune": () => "no adapter or frozen layers are set, so every parameter trains",
    "default.quantization.none": () => "no 4-bit or 8-bit loading is set",
    "default.loraRank": (p) => `LoRA rank ${n(p.rank)}, the framework's default`,
    "default.model.nanogpt": () =>
      "train.py's defaults: n_layer=12, n_head=12, n_embd=768, block_size=1024, vocab 50304, bias=False",
    "default.zero.noSection": (p, q) => `${q.code(p.file)} has no ${q.code("zero_optimization")} section (stage 0)`,
    "default.zero.none": () => "no DeepSpeed config is named (no ZeRO sharding)",
    "default.fsdp.none": () => "no FSDP strategy is set",
    "default.parallel.none": (p) => `no ${PARALLEL_EN[p.role]} parallel size is set`,
    "default.sequenceParallel.none": () => "no sequence parallelism is set",
    "derived.modelParameters": () => "the model's parameters",
    "derived.lora": (p, q) => `LoRA rank ${n(p.rank)} on ${q.code(p.modules)} of ${q.code(p.model)}`,
    "derived.frozenLayers": (p, q) => `the last ${n(p.trainable)} of ${n(p.layers)} layers (${q.code(p.key)})`,
    "derived.frozenLayersDefault": (p, q) =>
      `the last ${n(p.trainable)} of ${n(p.layers)} layers (LLaMA-Factory's default ` +
      `${q.code("freeze_trainable_layers: 2")})`,
    "derived.devicesFrom": (p, q) => `devices from ${q.code(p.file)}`,
    "derived.devicesEffective": () => "the effective batch's devices",
    "unknown.noGpu": () => "no GPU is named",
    "unknown.gpuNotInCatalogue": (p, q) => `${q.code(p.name)} is not in the GPU catalogue`,
    "unknown.modelUnknown": () => "the model is unknown",
    "unknown.loraUnsized": () => "the LoRA targets could not be sized",
    "unknown.layersUnknown": () => "the model's layers are unknown",
    "unknown.noLora": () => "no LoRA adapter is set",
    "unknown.modelNotInCatalogue": (p, q) => `${q.code(p.name)} is not in the bundled model catalogue`,
    "unknown.fileNotFound": (p, q) => `${q.code(p.file)} was not found`,
    "unknown.fileNotParsed": (p, q) => `${q.code(p.file)} does not parse`,
    "unknown.devices": (_, q) =>
      `the device count is not set in the config, a launch script or the bot config (${q.code("devices")})`,
    "unknown.noPrecision": () => "the config sets no precision",
    "unknown.optimizerUnknown": (p, q) => `${q.code(p.name)} is not an optimizer the memory model knows`,
    "unknown.noOptimizer": () => "the config names no optimizer",
    "unknown.noSeqLen": () => "the config sets no sequence length",
    "unknown.checkpointing": () => "the config does not say whether activations are checkpointed",
    "unknown.attention": () => "the config does not say which attention kernel runs",
    "unknown.noModel": () => "the config names no model",
    "hint.addModel": (_, q) =>
      `add a ${q.code("model:")} block to ${q.code(".github/batch-advisor.yml")} (${q.code("parameters")}, ` +
      `${q.code("hidden")}, ${q.code("layers")}, ${q.code("heads")}, ${q.code("vocab")}), or an entry for it in ` +
      q.code("src/workload/catalogue/models/"),
    "hint.setGpu": (_, q) =>
      `set ${q.code("hardware.gpu")} in ${q.code(".github/batch-advisor.yml")} (for example ${q.code("A100-80GB")})`,
  },
  "zh-TW": {
    "default.key": (p, q) => `${q.code(p.key)} 預設為 ${q.code(p.value)}`,
    "default.unset": (p, q) => `沒有設定 ${q.code(p.key)}`,
    "default.precision.transformers": (_, q) =>
      `TrainingArguments 的 ${q.code("bf16")} 與 ${q.code("fp16")} 預設都是 false（fp32）`,
    "default.precision.axolotl": (_, q) => `沒有設定 ${q.code("bf16")} 與 ${q.code("fp16")}（fp32）`,
    "default.precision.nanogpt": () => "train.py 以 fp32 權重自動轉型為 bfloat16 計算（不支援 bf16 時用 float16）",
    "default.precision.torchtune": () => "torchtune 範例設定的預設 dtype 是 bf16",
    "default.precision.megatron": (_, q) => `除非設定 ${q.code("--bf16")} 或 ${q.code("--fp16")}，否則是 fp32`,
    "default.optimizer.nanogpt": (_, q) => `train.py 建立的是 ${q.code("torch.optim.AdamW")}`,
    "default.optimizer.timm": (_, q) => `${q.code("--opt")} 預設為 ${q.code("sgd")}，動量 0.9`,
    "default.optimizer.detectron2": (_, q) => `${q.code("SOLVER")} 使用動量 0.9 的 SGD`,
    "default.checkpointing.llamaFactory": (_, q) =>
      `除非設定 ${q.code("disable_gradient_checkpointing: true")}，否則會開啟活化值檢查點`,
    "default.checkpointing.nanogpt": () => "train.py 不做活化值檢查點",
    "default.attention.transformers": () => "transformers 4.36 以上預設載入 PyTorch 的 SDPA 注意力",
    "default.attention.sdpa": (p, q) => `${q.text(p.who)} 呼叫 PyTorch 的 ${q.code("scaled_dot_product_attention")}`,
    "default.packing": () => "沒有設定序列打包：序列會補齊長度，所以最長的批次決定峰值",
    "default.fullFineTune": () => "沒有設定轉接器或凍結層，所以每個參數都會訓練",
    "default.quantization.none": () => "沒有設定以 4 位元或 8 位元載入",
    "default.loraRank": (p) => `LoRA 秩 ${n(p.rank)}（框架的預設）`,
    "default.model.nanogpt": () =>
      "train.py 的預設：n_layer=12、n_head=12、n_embd=768、block_size=1024、詞彙表 50304、bias=False",
    "default.zero.noSection": (p, q) => `${q.code(p.file)} 沒有 ${q.code("zero_optimization")} 區段（stage 0）`,
    "default.zero.none": () => "沒有指定 DeepSpeed 設定檔（沒有 ZeRO 分片）",
    "default.fsdp.none": () => "沒有設定 FSDP 策略",
    "default.parallel.none": (p) => `沒有設定${PARALLEL_ZH[p.role]}平行的大小`,
    "default.sequenceParallel.none": () => "沒有設定序列平行",
    "derived.modelParameters": () => "模型的參數量",
    "derived.lora": (p, q) => `${q.code(p.model)} 的 ${q.code(p.modules)} 上秩 ${n(p.rank)} 的 LoRA`,
    "derived.frozenLayers": (p, q) => `${n(p.layers)} 層中的最後 ${n(p.trainable)} 層（${q.code(p.key)}）`,
    "derived.frozenLayersDefault": (p, q) =>
      `${n(p.layers)} 層中的最後 ${n(p.trainable)} 層（LLaMA-Factory 的預設 ${q.code("freeze_trainable_layers: 2")}）`,
    "derived.devicesFrom": (p, q) => `GPU 數量來自 ${q.code(p.file)}`,
    "derived.devicesEffective": () => "有效批次的 GPU 數量",
    "unknown.noGpu": () => "沒有指定 GPU",
    "unknown.gpuNotInCatalogue": (p, q) => `GPU 目錄中沒有 ${q.code(p.name)}`,
    "unknown.modelUnknown": () => "模型未知",
    "unknown.loraUnsized": () => "算不出 LoRA 目標模組的大小",
    "unknown.layersUnknown": () => "模型的層數未知",
    "unknown.noLora": () => "沒有設定 LoRA 轉接器",
    "unknown.modelNotInCatalogue": (p, q) => `內建的模型目錄中沒有 ${q.code(p.name)}`,
    "unknown.fileNotFound": (p, q) => `找不到 ${q.code(p.file)}`,
    "unknown.fileNotParsed": (p, q) => `${q.code(p.file)} 無法解析`,
    "unknown.devices": (_, q) => `設定檔、啟動腳本與 bot 設定（${q.code("devices")}）都沒有設定 GPU 數量`,
    "unknown.noPrecision": () => "設定檔沒有設定精度",
    "unknown.optimizerUnknown": (p, q) => `記憶體模型不認得最佳化器 ${q.code(p.name)}`,
    "unknown.noOptimizer": () => "設定檔沒有指定最佳化器",
    "unknown.noSeqLen": () => "設定檔沒有設定序列長度",
    "unknown.checkpointing": () => "設定檔沒有說是否使用活化值檢查點",
    "unknown.attention": () => "設定檔沒有說使用哪一種注意力核心",
    "unknown.noModel": () => "設定檔沒有指定模型",
    "hint.addModel": (_, q) =>
      `在 ${q.code(".github/batch-advisor.yml")} 加上 ${q.code("model:")} 區塊（${q.code("parameters")}、` +
      `${q.code("hidden")}、${q.code("layers")}、${q.code("heads")}、${q.code("vocab")}），` +
      `或在 ${q.code("src/workload/catalogue/models/")} 加上它的項目`,
    "hint.setGpu": (_, q) =>
      `在 ${q.code(".github/batch-advisor.yml")} 設定 ${q.code("hardware.gpu")}（例如 ${q.code("A100-80GB")}）`,
  },
};

/**
 * A workload reason in the reader's language.
 * @example wordWorkloadReason({ id: "default.key", params: { key: "optim", value: "adamw_torch" } }, q, zh)
 * // "`optim` 預設為 `adamw_torch`"
 */
export function wordWorkloadReason(reason: WorkloadReason, q: Quote, t: Translator): string {
  return wordReasonOf(WORKLOAD_REASONS, reason, q, t);
}
