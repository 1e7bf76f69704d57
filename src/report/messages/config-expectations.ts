import type { ConfigIssues, ConfigPathKind, ConfigQuantity } from "../../config/config-issue.js";
import type { ExpectId } from "../../config/config-detail.js";
import type { Quote, ReasonWords } from "./reason-words.js";

/** The `config.expect.*` words of one language (src/config/schema.ts's expectations). */
type ExpectWords = Pick<ReasonWords<ConfigIssues>, ExpectId>;

/** What the file wrote, quoted, and a space; nothing when it wrote nothing. */
const v = (value: string, q: Quote): string => (value ? `${q.code(value)} ` : "");

const QUANTITY_EN: Record<ConfigQuantity, string> = {
  devices: "a number of devices",
  calibrationBatch: "the per-device batch size of the measurement",
  hidden: "the hidden size",
  layers: "a number of layers",
  heads: "a number of attention heads",
  seqLen: "a sequence length in tokens",
  vocab: "a vocabulary size",
  loss: "a training loss in nats per token",
  examples: "the number of training examples per epoch",
  criticalBatch: "your measured critical batch, in your effective batch's unit (examples or tokens)",
  noiseScale: "your measured gradient noise scale B_simple, in your effective batch's unit",
  atLoss: "the training loss at which it was measured",
  timeBudget: "a time budget in seconds",
  uncertainRatio: "a ratio high ÷ low above 1",
  largeBatchFactor: "a multiple of the critical batch",
  perDeviceBatch: "a per-device batch size",
};

const QUANTITY_ZH: Record<ConfigQuantity, string> = {
  devices: "裝置數量",
  calibrationBatch: "量測時每個裝置的批次大小",
  hidden: "隱藏層大小",
  layers: "層數",
  heads: "注意力頭數",
  seqLen: "以 token 計的序列長度",
  vocab: "詞彙表大小",
  loss: "以每個 token 的 nats 計的訓練損失",
  examples: "每個 epoch 的訓練樣本數",
  criticalBatch: "你量到的臨界批次，單位與有效批次相同（樣本或 token）",
  noiseScale: "你量到的梯度雜訊尺度 B_simple，單位與有效批次相同",
  atLoss: "量測時的訓練損失",
  timeBudget: "以秒計的時間預算",
  uncertainRatio: "大於 1 的上限 ÷ 下限比值",
  largeBatchFactor: "臨界批次的倍數",
  perDeviceBatch: "每個裝置的批次大小",
};

const PATH_EN: Record<ConfigPathKind, string> = {
  modelJson: "a path to a Keras/TF.js model.json",
  sample: "a path to a .csv or .jsonl sample",
};
const PATH_ZH: Record<ConfigPathKind, string> = {
  modelJson: "Keras/TF.js model.json 的路徑",
  sample: ".csv 或 .jsonl 樣本的路徑",
};

/** What a bot-config value should have been, in English: the schema's own sentences. */
export const EXPECT_EN: ExpectWords = {
  "config.expect.positiveInt": (p, q) =>
    `${v(p.value, q)}is not valid; expected ${QUANTITY_EN[p.what]} (a positive whole number)`,
  "config.expect.positive": (p, q) =>
    `${v(p.value, q)}is not valid; expected ${QUANTITY_EN[p.what]} (a positive number)`,
  "config.expect.size": (p, q) => `${v(p.value, q)}is not valid; expected a size`,
  "config.expect.bytes": (p, q) =>
    `${v(p.value, q)}is not valid; write a size like ${q.code("40GiB")}, ${q.code("80GB")} or ${q.code("512MiB")} ` +
    `(units: ${q.code(p.units)})`,
  "config.expect.bytesPositive": (p, q) => `${v(p.value, q)}is not valid; a byte count must be a positive number`,
  "config.expect.growth": (p, q) =>
    `${v(p.value, q)}is not valid; write a growth limit like ${q.code("+10%")} (or ${q.code("+0%")} for no growth)`,
  "config.expect.growthAbove": (p, q) =>
    `${v(p.value, q)}is not valid; a relative budget must leave some memory (above -100%)`,
  "config.expect.count": (p, q) =>
    `${v(p.value, q)}is not valid; write a count like ${q.code("1.5e9")}, ${q.code("1.5B")}, ` +
    `${q.code("350M")} or ${q.code("125M")}`,
  "config.expect.countPositive": (p, q) => `${v(p.value, q)}is not valid; a count must be a positive number`,
  "config.expect.oneOfOrPath": (p, q) =>
    `${v(p.value, q)}is not allowed; use one of: ${q.code(p.allowed)}, or ${PATH_EN[p.path]}`,
  "config.expect.inside": (p, q) =>
    `${v(p.value, q)}is outside the repository; use a path relative to the repository root, without ${q.code("..")}`,
  "config.expect.glob": (p, q) => `${v(p.value, q)}is not valid; expected a glob pattern in quotes`,
  "config.expect.globList": (p, q) => `${v(p.value, q)}is not valid; expected a list of glob patterns`,
  "config.expect.modelId": (p, q) =>
    `${v(p.value, q)}is not valid; expected a model id of the bundled catalogue, such as ${q.code(p.example)}`,
  "config.expect.oneOf": (p, q) => `${v(p.value, q)}is not valid; use one of: ${q.code(p.allowed)}`,
  "config.expect.configJson": (p, q) => `${v(p.value, q)}is not valid; expected a path to a Hugging Face config.json`,
  "config.expect.version": (p, q) =>
    `${v(p.value, q)}is not a version; write it as ${q.code(p.example)} or ${q.code(p.requirement)}`,
  "config.expect.boolean": (p, q) => `${v(p.value, q)}is not valid; expected true or false`,
  "config.expect.measurementsPath": (p, q) =>
    `${v(p.value, q)}is not valid; expected a path to a measurements JSON file (docs/measurements.md)`,
  "config.expect.wholeNumber": (p, q) => `${v(p.value, q)}is not valid; expected a whole number`,
  "config.expect.gpuName": (p, q) => `${v(p.value, q)}is not valid; expected a GPU name such as ${q.code(p.example)}`,
  "config.expect.knownGpu": (p, q) =>
    `${v(p.value, q)}is not a GPU of the catalogue; closest: ${q.code(p.closest)}; known: ${q.code(p.known)}`,
  "config.expect.workflow": (p, q) =>
    `${v(p.value, q)}is not a workflow file name; use a file name in .github/workflows/, such as ${q.code(p.example)}`,
  "config.expect.ratioAboveOne": (p, q) => `${v(p.value, q)}is not valid; expected a ratio high ÷ low above 1`,
  "config.expect.fraction": (p, q) => `${v(p.value, q)}is not valid; expected a fraction between 0 and 1`,
};

/** 機器人設定的值應該是什麼，以繁體中文（台灣）表達。 */
export const EXPECT_ZH: ExpectWords = {
  "config.expect.positiveInt": (p, q) => `${v(p.value, q)}不是有效的值；應為${QUANTITY_ZH[p.what]}（正整數）`,
  "config.expect.positive": (p, q) => `${v(p.value, q)}不是有效的值；應為${QUANTITY_ZH[p.what]}（正數）`,
  "config.expect.size": (p, q) => `${v(p.value, q)}不是有效的值；應為一個大小`,
  "config.expect.bytes": (p, q) =>
    `${v(p.value, q)}不是有效的值；請寫成像 ${q.code("40GiB")}、${q.code("80GB")} 或 ${q.code("512MiB")} 的大小` +
    `（單位：${q.code(p.units)}）`,
  "config.expect.bytesPositive": (p, q) => `${v(p.value, q)}不是有效的值；位元組數必須是正數`,
  "config.expect.growth": (p, q) =>
    `${v(p.value, q)}不是有效的值；請寫成像 ${q.code("+10%")} 的成長上限（不允許成長則寫 ${q.code("+0%")}）`,
  "config.expect.growthAbove": (p, q) => `${v(p.value, q)}不是有效的值；相對預算必須留下一些記憶體（高於 -100%）`,
  "config.expect.count": (p, q) =>
    `${v(p.value, q)}不是有效的值；請寫成像 ${q.code("1.5e9")}、${q.code("1.5B")}、${q.code("350M")} 或 ${q.code("125M")} 的數量`,
  "config.expect.countPositive": (p, q) => `${v(p.value, q)}不是有效的值；數量必須是正數`,
  "config.expect.oneOfOrPath": (p, q) =>
    `不接受${p.value ? ` ${q.code(p.value)}` : "這個值"}；請從 ${q.code(p.allowed)} 中選一個，或寫${PATH_ZH[p.path]}`,
  "config.expect.inside": (p, q) =>
    `${v(p.value, q)}位於儲存庫之外；請使用相對於儲存庫根目錄、不含 ${q.code("..")} 的路徑`,
  "config.expect.glob": (p, q) => `${v(p.value, q)}不是有效的值；應為加上引號的 glob 樣式`,
  "config.expect.globList": (p, q) => `${v(p.value, q)}不是有效的值；應為 glob 樣式的清單`,
  "config.expect.modelId": (p, q) => `${v(p.value, q)}不是有效的值；應為內建型錄中的模型 id，例如 ${q.code(p.example)}`,
  "config.expect.oneOf": (p, q) => `${v(p.value, q)}不是有效的值；請從這些值中選一個：${q.code(p.allowed)}`,
  "config.expect.configJson": (p, q) => `${v(p.value, q)}不是有效的值；應為 Hugging Face config.json 的路徑`,
  "config.expect.version": (p, q) =>
    `${v(p.value, q)}不是版本號；請寫成 ${q.code(p.example)} 或 ${q.code(p.requirement)}`,
  "config.expect.boolean": (p, q) => `${v(p.value, q)}不是有效的值；應為 true 或 false`,
  "config.expect.measurementsPath": (p, q) =>
    `${v(p.value, q)}不是有效的值；應為量測結果 JSON 檔的路徑（docs/measurements.md）`,
  "config.expect.wholeNumber": (p, q) => `${v(p.value, q)}不是有效的值；應為整數`,
  "config.expect.gpuName": (p, q) => `${v(p.value, q)}不是有效的值；應為 GPU 名稱，例如 ${q.code(p.example)}`,
  "config.expect.knownGpu": (p, q) =>
    `${v(p.value, q)}不是型錄中的 GPU；最接近的：${q.code(p.closest)}；已知的：${q.code(p.known)}`,
  "config.expect.workflow": (p, q) =>
    `${v(p.value, q)}不是工作流程檔名；請使用 .github/workflows/ 中的檔名，例如 ${q.code(p.example)}`,
  "config.expect.ratioAboveOne": (p, q) => `${v(p.value, q)}不是有效的值；應為大於 1 的上限 ÷ 下限比值`,
  "config.expect.fraction": (p, q) => `${v(p.value, q)}不是有效的值；應為介於 0 與 1 之間的比例`,
};
