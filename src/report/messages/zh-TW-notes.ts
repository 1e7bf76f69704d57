/**
 * 估算階段 Note 與風險的中文（台灣用語），依 id 對應；參數名稱與 en-notes.ts 相同。
 * 用語依 docs/glossary.zh-TW.md（測試會檢查）。
 */
import type { MessageId } from "./en.js";
import type { NoteMessage } from "./note-message.js";
import type { Params, Translator } from "./translate.js";

export const zhTWNotes: Record<string, NoteMessage> = {
  "budget-ok": "每張 GPU {batch} 筆樣本時，預測的記憶體峰值 {predicted} 在記憶體預算 {budget}（{key}）以內。",
  "budget-near":
    "每張 GPU {batch} 筆樣本時，預測的記憶體峰值 {predicted} 已在記憶體預算 {budget}（{key}）的 {margin}% 以內。",
  "budget-may-exceed":
    "每張 GPU {batch} 筆樣本時，預測的記憶體峰值 {predicted} 在記憶體預算 {budget}（{key}）以內，但區間上限 {high} 超過預算。",
  "budget-over": "每張 GPU {batch} 筆樣本時，預測的記憶體峰值 {predicted} 超過記憶體預算 {budget}（{key}）。",
  "budget-unknown":
    "無法檢查記憶體預算 {budget}（{key}）：檢查需要以位元組計的峰值（模型目錄認得的模型、模型大小提示或 memory.calibration）。",
  "budget-unknown-relative": "無法檢查記憶體預算 {budget}（{key}）：檢查需要兩個批次大小下的峰值。",
  "convergence-position-perfect":
    "B_crit ≈ {bCrit} {unit}；批次從 B_crit 的 {before} 倍變成 {after} 倍：接近完美縮放，批次加倍幾乎能讓步數減半。",
  "convergence-position-diminishing":
    "B_crit ≈ {bCrit} {unit}；批次從 B_crit 的 {before} 倍變成 {after} 倍：效益開始遞減，步數減少的幅度比批次增加的幅度小。",
  "convergence-position-past":
    "B_crit ≈ {bCrit} {unit}；批次從 B_crit 的 {before} 倍變成 {after} 倍：已超過臨界批次，更多樣本只換來少許步數的減少。",
  "noise-unresolved":
    "代理模型在損失 {loss} 時的梯度幾乎全是雜訊，量不出臨界批次，因此不預測達到相同損失所需的步數與 epoch 數。",
  "ratio-from-setting": "有效批次無法完全確定；比例取自 {key} 的變化（{before} → {after}），並假設其他部分不變。",
  "seq-len-unknown":
    "沒有設定序列長度，因此無法估算每筆樣本的活化值（模型最多可接受 {maxPositions} 個 token，微調很少用到這麼長）：" +
    "請在設定檔設定序列長度，或在機器人設定檔設定 model.seqLen。",
  "seq-len-assumed": "沒有設定序列長度：假設為模型的最大長度，{seqLen} 個 token。",
  "devices-assumed": "GPU 數量未知：記憶體以每張 GPU 計算，ZeRO 分片假設只有 1 張 GPU。",
  "lr-k-unknown": "有效批次的比例未知，無法套用學習率的縮放規則。",
  "lr-not-needed": (p, t) =>
    `有效批次沒有改變${p.mechanism ? `（${t.t(`scaling.${p.mechanism}` as MessageId, p)}）` : ""}，學習率可以維持不變。`,
  "lr-framework-scales": (p, t) => `不需要調整：${t.t(`scaling.${p.mechanism}` as MessageId, p)}。`,
  "lr-optimizer-unknown":
    "最佳化器未知：如果是 SGD，學習率乘以 {linear}（線性縮放規則）；如果是 Adam 這類最佳化器，乘以 {sqrt}（平方根縮放規則）。",
  "lr-past-critical": "超過臨界批次後，最佳學習率就不再變大（McCandlish et al. 2018，式 2.6）：請把縮放規則當作上限。",
  "lr-value-unknown": (p, t) => `學習率應乘以 ${p.factor}（${ruleName(p, t)}），但讀不到它目前的值。`,
  "lr-unchanged": (p, t) =>
    `批次變為 ×${p.k}，學習率卻沒有調整：使用 ${p.optimizer} 時，${ruleName(p, t)}建議 ×${p.factor}，也就是 ${p.suggested}。`,
  "lr-matches": (p, t) => `學習率變為 ×${p.changed}，符合${ruleName(p, t)}（×${p.factor}）。`,
  "lr-differs": (p, t) => `學習率變為 ×${p.changed}，但${ruleName(p, t)}建議 ×${p.factor}（${p.suggested}）。`,
  "lr-capped":
    "超過臨界批次（≈ {bCrit}）後，最佳學習率就不再增加（McCandlish et al. 2018，式 2.6）：建議 ×{factor}，而非未設上限的 ×{uncapped}。",
  "memory-activations-only":
    "不知道模型大小時只能給出範圍：每張 GPU 的記憶體峰值會成長 1 倍（權重與最佳化器狀態占大宗時）到 {k} " +
    "倍（活化值占大宗時）之間；在設定中提供模型大小提示或 memory.calibration，才能算出你的 GPU 上實際的記憶體用量。",
  "memory-proxy-only":
    "只知道代理模型的記憶體成長比例；在設定中提供模型大小提示或 memory.calibration，才能算出你的 GPU 上實際的記憶體用量。",
  "memory-micro-unchanged": "每張 GPU 的批次大小維持 {micro}：每張 GPU 的活化值記憶體不變。",
  "memory-model-unknown":
    "算不出記憶體峰值的位元組數：模型不在內建的模型目錄中，或設定沒有指名模型。請在 .github/batch-advisor.yml 加上 model: " +
    "區塊（parameters、hidden、layers、heads、vocab），或在模型目錄加上它的項目。目錄中最接近的名稱：{closest}。",
  "memory-model-unnamed":
    "算不出記憶體峰值的位元組數：讀不到模型的大小。請在 .github/batch-advisor.yml 加上 model: 區塊（parameters、hidden、layers、heads、vocab）。",
  "memory-max-batch": "在 {budget} 上，每張 GPU 最多可放 {max} 筆樣本（這個 PR 設為 {micro}）。",
  "memory-max-batch-split":
    "在 {budget} 上，每張 GPU 最多可放 {max} 筆樣本：改用每張 GPU {micro} 個 × 梯度累積 {accumulation} 步，就能維持相同的有效批次大小。",
  "memory-max-batch-none":
    "在 {budget} 上，每張 GPU 連一筆樣本都放不下：請分片模型狀態（ZeRO/FSDP）、使用活化值檢查點（activation checkpointing），或減少要訓練的參數。",
  "memory-assumed-precision": "設定沒有寫明精度：以混合精度計算（使用 Adam 時每個受訓練參數 16 位元組）。",
  "memory-assumed-optimizer": "設定沒有寫明最佳化器：以最常見、也是占用最多之一的 AdamW 計算。",
  "memory-assumed-devices": "不知道 GPU 數量：以 1 張 GPU 計算，因此沒有任何分片。",
  "memory-assumed-checkpointing": "設定沒有寫明是否使用活化值檢查點：以不使用計算（占用較多的情況）。",
  "memory-assumed-attention":
    "設定沒有寫明使用哪種注意力核心：以不儲存注意力分數的核心（SDPA/FlashAttention）計算；區間上限則包含這些分數。",
  "workload-unknown-model":
    "模型 {model}（{key}，第 {line} 行）不在內建的模型目錄中；最接近的名稱：{closest}。" +
    "若它就是其中之一（本機檢查點或另存的副本），請在 .github/batch-advisor.yml 以 model.name 指定；" +
    "否則若要估算它的記憶體，請在該檔加上 model: 區塊，或在模型目錄加上它的項目。",
  "workload-unknown-model-name":
    ".github/batch-advisor.yml 的 model.name {model} 不在內建的模型目錄中；最接近的名稱：{closest}。",
  "workload-config-json-missing": "找不到 {path}（由 {key} 指定），因此無法由它得知模型的形狀。",
  "workload-config-json-invalid": (p) =>
    `無法把 ${p.path}（由 ${p.key} 指定）讀成模型設定：` +
    (p.problem === "json" ? `它不是有效的 JSON（${p.error}）。` : "它沒有隱藏層大小、層數與注意力頭數。"),
  "workload-lora-target-unknown":
    "LoRA 目標 {target}（{key}，第 {line} 行）不對應 {model} 的任何模組；它不計入可訓練參數。",
  "workload-deepspeed-missing": "找不到 {path}（{key}，第 {line} 行），因此不知道 ZeRO 階段。",
  "workload-deepspeed-invalid": (p) =>
    `${p.path}（${p.key}，第 ${p.line} 行）` +
    (p.error ? `無法解析（${p.errorLine ? `第 ${p.errorLine} 行：` : ""}${p.error}）` : "沒有任何設定") +
    "；因此不知道 ZeRO 階段。",
  "past-critical-batch":
    "新的批次是臨界批次的 {times} 倍，效益遞減：樣本數變為 ×{examples}，訓練步數卻只少了 {steps} 倍。",
  "generalisation-gap":
    "曾有研究觀察到非常大的批次泛化較差（Keskar et al. 2017：在 CIFAR 與 TIMIT 上差 2–5 " +
    "個百分點）；後續研究認為差距主要來自沒有重新調整學習率、更新次數太少（Hoffer et al. 2017、Goyal et al. 2017），所以請比較驗證集的指標，而不只看訓練損失。",
  "very-small-batch":
    "每張 GPU 的批次大小 {micro} 會讓每次更新的雜訊很大，也可能讓加速器閒置；小批次仍可能訓練得很好（Masters & Luschi 2018 發現 2–32 最佳），但要搭配較小的學習率。",
  "batchnorm-statistics": (p) =>
    `這個模型使用 BatchNorm，其統計量來自每張 GPU 上的批次（${p.before} → ${p.after}），而不是有效批次${
      Number(p.small)
        ? `；每張 GPU 少於 ${p.threshold} 時統計量會變得雜訊很大、準確率下降（Wu & He 2018）：` +
          "可考慮 SyncBatchNorm 或 GroupNorm"
        : ""
    }。`,
  "over-budget": "預測的記憶體峰值 {predicted} 超過或接近記憶體預算 {budget}。",
  "unknown-batch-parts": "有效批次有一部分未知：比例是假設未知的部分不變算出來的。",
  "proxy-missing":
    "沒有執行代理模型：不預測速度與收斂；記憶體依設定檔描述的工作負載（模型、微調方法、GPU）、模型提示與校正點推算，不含代理模型的擬合。",
  "proxy-partial": "代理模型提早停止：量測結果不完整（原因見「量測方式」）。",
  "noise-scale-early":
    "梯度雜訊尺度是在損失 {atLoss} 時量測的（開始時為 {initialLoss}）：訓練初期量到的值可能小了一個數量級，讓臨界批次看起來偏小。",
  "speed-negative-slope":
    "代理模型的每步時間隨批次變大反而變短（擬合斜率每筆樣本 {slope} ms），實際訓練不會如此：這些計時量不出速度，因此不預測每步時間、每個 epoch 的時間與實際訓練時間。",
  "speed-nonpositive-time":
    "把代理模型的每步時間外插到批次 {batch} 得到 {ms} ms，這不是一個時間：這些計時量不出速度，因此不預測每步時間、每個 epoch 的時間與實際訓練時間。",
  "speed-extreme-ratio":
    "代理模型的計時給出的時間比例是 {ratio}，差距超過 1000 倍，不可能來自批次大小的變更：這些計時量不出速度，因此不預測每步時間、每個 epoch 的時間與實際訓練時間。",
  "speed-measured-on-job":
    "每裝置批次 {batch} × 梯度累積 {accumulation} 的每步時間是在你的訓練工作上實測（{from}），直接採用。",
  "speed-measured-scaled":
    "每裝置批次 {batch} 的每步時間是在你的訓練工作上實測（{from}），實測時梯度累積為 {measuredAccumulation}，已換算成梯度累積 {accumulation}。",
  "speed-measured-other-gpu":
    "實測資料來自 {measuredOn}，但設定指定的是 {gpu}：實測的每步時間是 {measuredOn} 上的數值。",
  "speed-utilization-assumed": "{gpu} 沒有公開的訓練使用率資料：暫用 {anchoredOn} 的曲線，所以它的每步時間較不確定。",
  "speed-fixed-steps":
    "{key} 維持 {steps}：新的批次大小會處理 ×{k} 的 {unit}，GPU 時數為 ×{ratio}（{before} → {after}）。",
  "speed-fixed-epochs": "{key} 維持 {epochs}：看過相同的樣本，GPU 時數為 ×{ratio}。",
  "speed-no-gpu":
    "每步時間與每個 epoch 的時間需要知道 GPU：請設定 {key}（例如 A100-80GB），或提供你的訓練工作寫出的實測檔案。",
  "speed-no-model": (p) =>
    `不預測 GPU 上的每步時間：${SPEED_GAP_ZH[String(p.reason)]?.replace("{model}", String(p.model ?? "?")) ?? "不知道模型每步的 FLOPs"}。`,
  "speed-batch-unknown": "變更前後的每裝置批次大小並非都已知，因此不預測 GPU 上的每步時間。",
  "speed-not-transferable": "這是在 {backend} 後端上計時的，批次變大在那裡幾乎不會變快；GPU 上的加速會不同。",
  "speed-proxy-backend":
    "這是在 {backend} 後端上計時的，批次變大在那裡幾乎不會變快；GPU 上的加速會不同，請不要把這些比例當成 GPU 上的比例。",
  "schedule-k-unknown": "有效批次的比例未知；請手動檢查以步數計的設定。",
  "schedule-epochs": "訓練長度以 epoch 計（或這裡沒有設定）：看到的樣本數不變，沒有步數需要調整。",
  "schedule-same-batch": "有效批次沒有改變：訓練排程維持不變。",
  "schedule-scale":
    "訓練長度以步數計：批次變為 ×{k}，同樣的步數會看到 ×{k} 的樣本。要讓樣本數（epoch 數）維持不變：{list}。以步數計的學習率衰減節點也要同樣縮放。",
  "schedule-scale-both":
    "訓練長度以步數計（設定了 max_steps 時，通常會蓋過 epoch 數）：批次變為 ×{k}，同樣的步數會看到 ×{k} 的樣本。要讓樣本數（epoch 數）維持不變：{list}。以步數計的學習率衰減節點也要同樣縮放。",
  "schedule-unscaled": "批次改變了，但以步數計的訓練排程沒有跟著調整：{list}。",
  "convergence-stand-in":
    "在替代任務（{task}）上，B_crit ≈ {bCrit} 筆樣本；你的任務可能相差 {spread} 倍，因此無法判斷你的批次相對於它的位置。",
  "convergence-lower-bound": "B_crit ≥ {bCrit} {unit}：批次遠低於它，因此步數幾乎與批次大小成反比下降。",
  "convergence-fine-tuning":
    "微調自成一個區間：沒有已發表的定律能給出它的臨界批次；你自己訓練工作的量測可以（docs/measurements.md）。",
};

/** 算不出每步時間的原因（SpeedGap.reason）。 */
const SPEED_GAP_ZH: Record<string, string> = {
  "model-unknown": "不知道模型是什麼，因此也不知道它每步的 FLOPs",
  "no-vision-flops": "模型目錄中沒有 {model} 每張影像的公開 FLOPs",
  "shape-incomplete": "{model} 的層數、寬度或序列長度未知",
};

/** 「平方根縮放規則（Malladi et al. 2022）」，必要時加上「並以臨界批次為上限」。 */
function ruleName(p: Params, t: Translator): string {
  return t.t(p.capped === "yes" ? "lr.ruleCited.capped" : "lr.ruleCited", {
    rule: t.t(`lr.ruleCited.${p.rule}` as MessageId),
  });
}
