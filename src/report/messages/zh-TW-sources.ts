/**
 * 數字來源（`Quantity.source`，以 src/estimate/sources.ts 的英文名稱為鍵）的繁體中文名稱。
 * 英文名稱本身就是英文版的說法；引用的論文、公式與設定鍵保持原文（docs/glossary.zh-TW.md）。
 * 測試會檢查 sources.ts 的每個名稱在這裡都有對應。
 */
export const zhTWSources: Record<string, string> = {
  "same effective batch: the same updates, step for step": "有效批次不變：每一步的更新完全相同",
  "linear fit t(B) = t₀ + t₁·B to proxy step times": "對代理模型每步時間的線性擬合 t(B) = t₀ + t₁·B",
  "linear fit M(B) = M₀ + m·B to proxy peak memory": "對代理模型記憶體峰值的線性擬合 M(B) = M₀ + m·B",
  "ZeRO (Rajbhandari et al. 2020) bytes per parameter": "每個參數的位元組數（ZeRO，Rajbhandari et al. 2020）",
  "Korthikanti et al. 2022 sbh(34 + 5as/h) per layer": "Korthikanti et al. 2022：每層 sbh(34 + 5as/h)",
  "Korthikanti et al. 2022 full recomputation: 2sbh per layer + one layer":
    "Korthikanti et al. 2022 完整重算：每層 2sbh，再加一層",
  "fp32 logits 4·s·v per sequence (Korthikanti et al. 2022 §4.1)":
    "每個序列的 fp32 logits 4·s·v（Korthikanti et al. 2022 §4.1）",
  "catalogue activation bytes per image": "模型目錄中每張影像的活化值位元組數",
  "CUDA context 0.5–1 GiB (PyTorch forums: ~700 MB)": "CUDA context 0.5–1 GiB（PyTorch 論壇：約 700 MB）",
  "M(B) = M₀ + m·B: model states + CUDA context + activations and logits per example":
    "M(B) = M₀ + m·B：模型狀態 + CUDA context + 每筆樣本的活化值與 logits",
  "measured peak from your job's measurements file, M(B) = M₀ + m·B through it":
    "你的訓練工作實測檔案中的峰值，M(B) = M₀ + m·B 通過該點",
  "GPU memory (vendor datasheet) less the reserve": "GPU 記憶體（廠商規格表）扣掉保留量",
  "Kaplan et al. 2020 N ≈ 12·L·h² (+ V·h embeddings)": "Kaplan et al. 2020：N ≈ 12·L·h²（另加嵌入層 V·h）",
  "calibration point M₀ = M_cal − m·B_cal": "校正點 M₀ = M_cal − m·B_cal",
  "calibration point × proxy memory ratio": "校正點 × 代理模型的記憶體比例",
  "activations linear in the per-device batch (Korthikanti et al. 2022); fixed part unknown":
    "活化值與每張 GPU 的批次成正比（Korthikanti et al. 2022）；固定部分未知",
  "McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)": "McCandlish et al. 2018：S(B)=S_min(1+B_crit/B)",
  "McCandlish et al. 2018 E(B)=E_min(1+B/B_crit)": "McCandlish et al. 2018：E(B)=E_min(1+B/B_crit)",
  "McCandlish et al. 2018 S(B) × step time t(B) on your GPU":
    "McCandlish et al. 2018：S(B) × 你的 GPU 上的每步時間 t(B)",
  "roofline step time: FLOPs per step at published achievable utilization, memory floor, overlapped all-reduce":
    "roofline 每步時間：每步 FLOPs 依公開的可達使用率計算，並考慮記憶體頻寬下限與重疊執行的 all-reduce",
  "measured on your job": "在你的訓練工作上實測",
  "roofline step-time ratio applied to the step measured on your job":
    "把 roofline 每步時間的比例，套用到你的訓練工作實測的每步時間",
  "McCandlish et al. 2018 B_crit ≈ B_simple (noise scale)": "McCandlish et al. 2018：B_crit ≈ B_simple（梯度雜訊尺度）",
  "measured steps-to-target fit S(B)=S_min(1+B_crit/B)": "以實測的目標損失步數擬合 S(B)=S_min(1+B_crit/B)",
  "your measured critical batch (convergence.criticalBatch)": "你量測的臨界批次（convergence.criticalBatch）",
  "your measured gradient noise scale (convergence.noiseScale), McCandlish et al. 2018":
    "你量測的梯度雜訊尺度（convergence.noiseScale），McCandlish et al. 2018",
  "Kaplan et al. 2020 B_crit(L)=2·10⁸/L^(1/0.21) tokens": "Kaplan et al. 2020：B_crit(L)=2·10⁸/L^(1/0.21) 個 token",
  "Goyal et al. 2017 linear scaling rule": "Goyal et al. 2017 線性縮放規則",
  "Malladi et al. 2022 square-root scaling rule": "Malladi et al. 2022 平方根縮放規則",
};
