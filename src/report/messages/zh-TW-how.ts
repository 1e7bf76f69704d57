import type { enHow } from "./en-how.js";

/** 摺疊的「量測方式」區塊：代理模型的執行、後端、種子、步數與各階段。 */
export const zhTWHow: Record<keyof typeof enHow, string> = {
  "how.summary": "<b>量測方式</b>",
  "how.source": "比較對象：{source}",
  "how.noProxy":
    "沒有執行代理模型：不預測速度與收斂；記憶體依設定檔描述的工作負載（模型、微調方法、GPU）、模型提示與校正點推算，不含代理模型的擬合。",
  "how.runOne": "代理模型執行：",
  "how.run": "代理模型第 {n} 次執行（用於 {files}）：",
  "how.moreRuns": "……另有 {count} 次代理模型執行（請看 JSON 輸出）。",
  "how.backend": "後端：{name} {version}",
  "how.skippedBackend": "略過 {name}：{reason}",
  "how.device": "裝置：{details}",
  "how.proxy": "代理模型與資料：{description}；{parameters} 個參數，{optimizer}，學習率 {lr}",
  "how.seed": "亂數種子：{seed}",
  "how.steps": "在批次 {batches} 下計時每步時間（暖機後各計時 {repeats} 步）",
  "how.memory": "在批次 {batches} 下量測記憶體峰值：每筆樣本 {slope}（R² {r2}）",
  "how.loss": "在批次 {curves} 下記錄損失曲線：共 {steps} 個訓練步",
  "how.noise":
    "梯度雜訊尺度：在 {samples} 步中分別以批次 {small} 與 {big} 計算梯度；B_simple = {value}（95% 區間 " +
    "{low}–{high}），量測時損失為 {atLoss}，開始時為 {initialLoss}",
  "how.critical":
    "直接量測臨界批次：由 {runs} 次訓練到損失 {target} 的結果得到 B_crit = {bCrit}（R² {r2}；學習率 {rule}）",
  "how.wall": "實際耗時：{seconds}（預算 {budget}）",
  "how.partial": "不完整：時間預算用完，提早停止（紀錄：{reason}）。",
  "how.partialPhase": "不完整：時間預算用完，代理模型在{phase}階段提早停止（紀錄：{log}）。",
  "how.frame": "代理模型上的批次大小：{how}",
  "how.versions": "版本：{list}",
};
