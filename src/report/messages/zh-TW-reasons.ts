import type { enReasons } from "./en-reasons.js";

/** detection-reasons.ts 包在偵測原因外的兩種框架與代理模型各階段的名稱；id 與參數同 en-reasons.ts。 */
export const zhTWReasons: Record<keyof typeof enReasons, string> = {
  "reason.keyed": "{key}：{reason}",
  "reason.part.devicesLauncher":
    "GPU 數量：這個檔案沒有寫（{from}）；請傳入 --devices，或在 .github/batch-advisor.yml 設定 devices",
  "phase.backend": "後端",
  "phase.data": "資料",
  "phase.timing": "每步計時",
  "phase.memory": "記憶體",
  "phase.loss": "損失曲線",
  "phase.noise": "梯度雜訊尺度",
  "phase.critical-batch": "臨界批次",
};
