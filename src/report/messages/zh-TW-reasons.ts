import type { enReasons } from "./en-reasons.js";

/** 其他階段仍以英文給出的原因，辨認後以繁體中文（台灣）重新表達；id 與參數同 en-reasons.ts。 */
export const zhTWReasons: Record<keyof typeof enReasons, string> = {
  "reason.keyed": "{key}：{reason}",
  "reason.part.devicesLauncher":
    "GPU 數量：這個檔案沒有寫（{from}）；請傳入 --devices，或在 .github/batch-advisor.yml 設定 devices",
  "reason.backend.notInstalled": "沒有安裝 {pkg}",
  "reason.backend.failed": "{pkg} 載入失敗：{error}",
  "reason.proxy.mnist": "{model}，資料為 MNIST（{train} 張真實手寫數字用於訓練，{held} 張保留不訓練）",
  "reason.proxy.teacherStudent":
    "{model}，資料為合成的師生分類資料（{features} 個高斯特徵、由隨機 tanh 教師模型決定的 {classes} 個類別、標籤雜訊 {noise}；{examples} 筆訓練樣本）",
  "reason.proxy.tokens":
    "{model}，資料為二階馬可夫來源產生的合成 token（詞彙表 {vocab}、每個序列 {length} 個 token、熵 ≈ {entropy} nats/token；{sequences} 個訓練序列）",
  "phase.backend": "後端",
  "phase.data": "資料",
  "phase.timing": "每步計時",
  "phase.memory": "記憶體",
  "phase.loss": "損失曲線",
  "phase.noise": "梯度雜訊尺度",
  "phase.critical-batch": "臨界批次",
};
