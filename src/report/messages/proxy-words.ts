import type { BackendSkip, BackendSkips } from "../../proxy/backend-skip.js";
import type { DataDescription, DataDescriptions } from "../../proxy/data/data-description.js";
import type { ProxyAbout } from "../../proxy/types.js";
import { type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

/**
 * Why a TensorFlow.js backend was skipped (src/proxy/backend-skip.ts), in English and Traditional
 * Chinese. Package names, calls and the library's own words are code.
 */
export const BACKEND_SKIPS: ReasonCatalogue<BackendSkips> = {
  en: {
    "backend.notInstalled": (p, q) => `${q.code(p.pkg)} is not installed`,
    "backend.failed": (p, q) => `${q.code(p.pkg)} failed to load: ${q.code(p.error)}`,
    "backend.otherCopy": (p, q) =>
      `${q.code(p.pkg)} loaded but registered its backend on another copy of ${q.code("@tensorflow/tfjs")} ` +
      `(versions differ from ${q.text(p.version)})`,
    "backend.wasmMissing": (p, q) =>
      `wasm binaries not found in ${q.code(p.dir)} (${q.code(p.source)}): missing ${q.code(p.missing)}`,
    "backend.threw": (p, q) => `${q.code(`tf.setBackend("${p.backend}")`)} threw: ${q.code(p.error)}`,
    "backend.initFailed": (p, q) => `${q.code(`tf.setBackend("${p.backend}")`)} failed to initialise`,
    "backend.wasmBinaries": (p, q) =>
      `${q.code(p.error)} with the binaries in ${q.code(p.dir)} (${q.code(p.source)}); ` +
      `are they from ${q.code("@tensorflow/tfjs-backend-wasm")} ${q.text(p.version)}?`,
  },
  "zh-TW": {
    "backend.notInstalled": (p, q) => `沒有安裝 ${q.code(p.pkg)}`,
    "backend.failed": (p, q) => `${q.code(p.pkg)} 載入失敗：${q.code(p.error)}`,
    "backend.otherCopy": (p, q) =>
      `${q.code(p.pkg)} 已載入，但把後端註冊到另一份 ${q.code("@tensorflow/tfjs")}` +
      `（版本與 ${q.text(p.version)} 不同）`,
    "backend.wasmMissing": (p, q) =>
      `在 ${q.code(p.dir)}（${q.code(p.source)}）找不到 wasm 二進位檔：缺少 ${q.code(p.missing)}`,
    "backend.threw": (p, q) => `${q.code(`tf.setBackend("${p.backend}")`)} 拋出錯誤：${q.code(p.error)}`,
    "backend.initFailed": (p, q) => `${q.code(`tf.setBackend("${p.backend}")`)} 初始化失敗`,
    "backend.wasmBinaries": (p, q) =>
      `使用 ${q.code(p.dir)}（${q.code(p.source)}）中的二進位檔時失敗：${q.code(p.error)}；` +
      `這些檔案是 ${q.code("@tensorflow/tfjs-backend-wasm")} ${q.text(p.version)} 的嗎？`,
  },
};

/** What the sample's labels are, after the label column: classes, or the task they train. */
const labels = {
  en: (p: DataDescriptions["data.sample"]) => (p.classes > 0 ? `${p.classes} classes` : p.task),
  "zh-TW": (p: DataDescriptions["data.sample"]) =>
    p.classes > 0 ? `${p.classes} 個類別` : (TASK_ZH[p.task] ?? p.task),
};
const TASK_ZH: Record<string, string> = {
  regression: "迴歸",
  binary: "二元（0/1）",
  classification: "分類",
  "language-model": "語言模型",
};

/**
 * What a proxy's data is (src/proxy/data/data-description.ts), in English and Traditional Chinese.
 * Numbers are written as the English description writes them; a file or column name is code.
 */
export const DATA_DESCRIPTIONS: ReasonCatalogue<DataDescriptions> = {
  en: {
    "data.mnist": (p) => `MNIST (${p.train} real digits for training, ${p.held} held out)`,
    "data.teacherStudent": (p) =>
      `synthetic teacher–student classification (${p.features} Gaussian features, ${p.classes} classes ` +
      `from a random tanh teacher, label noise ${p.noise}; ${p.examples} training examples)`,
    "data.tokens": (p) =>
      `synthetic tokens from an order-2 Markov source (vocabulary ${p.vocab}, ${p.length} tokens per ` +
      `sequence, entropy ≈ ${p.entropy} nats/token; ${p.sequences} training sequences)`,
    "data.regression": (p) =>
      `synthetic linear regression (${p.features} Gaussian features, ${p.outputs} ` +
      `output${p.outputs > 1 ? "s" : ""}, noise σ = ${p.noise}; ${p.examples} training examples)`,
    "data.sample": (p, q) =>
      `your sample ${q.code(p.file)} ` +
      `(${p.total > p.rows ? `a seeded sample of ${p.rows} of ${p.total} rows` : `${p.rows} rows`}` +
      `, ${p.features} features, label ${q.code(p.label)}: ${labels.en(p)})`,
  },
  "zh-TW": {
    "data.mnist": (p) => `MNIST（${p.train} 張真實手寫數字用於訓練，${p.held} 張保留不訓練）`,
    "data.teacherStudent": (p) =>
      `合成的師生分類資料（${p.features} 個高斯特徵、由隨機 tanh 教師模型決定的 ${p.classes} 個類別、` +
      `標籤雜訊 ${p.noise}；${p.examples} 筆訓練樣本）`,
    "data.tokens": (p) =>
      `二階馬可夫來源產生的合成 token（詞彙表 ${p.vocab}、每個序列 ${p.length} 個 token、` +
      `熵 ≈ ${p.entropy} nats/token；${p.sequences} 個訓練序列）`,
    "data.regression": (p) =>
      `合成的線性迴歸資料（${p.features} 個高斯特徵、${p.outputs} 個輸出、雜訊 σ = ${p.noise}；` +
      `${p.examples} 筆訓練樣本）`,
    "data.sample": (p, q) =>
      `你的樣本 ${q.code(p.file)}（${p.total > p.rows ? `從 ${p.total} 列中以固定種子抽出 ${p.rows} 列` : `${p.rows} 列`}` +
      `、${p.features} 個特徵、標籤欄 ${q.code(p.label)}：${labels["zh-TW"](p)}）`,
  },
};

/**
 * Why a backend was skipped, in the reader's language.
 * @example wordBackendSkip({ id: "backend.notInstalled", params: { pkg: "@tensorflow/tfjs-node" } }, q, zh)
 * // "沒有安裝 `@tensorflow/tfjs-node`"
 */
export function wordBackendSkip(reason: BackendSkip, q: Quote, t: Translator): string {
  return wordReasonOf(BACKEND_SKIPS, reason, q, t);
}

/** What a proxy's data is, in the reader's language. */
export function wordDataDescription(data: DataDescription, q: Quote, t: Translator): string {
  return wordReasonOf(DATA_DESCRIPTIONS, data, q, t);
}

/**
 * The proxy, its model's shape quoted as written, on its data, in the reader's language.
 * @example wordProxy({ model: "mlp 784-256-128-10", data: { id: "data.mnist", params: { train: 9000, held: 1000 } } },
 *   q, zh) // "`mlp 784-256-128-10`，資料為 MNIST（9000 張真實手寫數字用於訓練，1000 張保留不訓練）"
 */
export function wordProxy(about: ProxyAbout, q: Quote, t: Translator): string {
  const data = wordDataDescription(about.data, q, t);
  return t.language === "zh-TW" ? `${q.code(about.model)}，資料為${spaced(data)}` : `${q.code(about.model)} on ${data}`;
}

/** A space between Chinese and a Latin word that starts the data's description (資料為 MNIST). */
function spaced(text: string): string {
  return /^[A-Za-z`]/.test(text) ? ` ${text}` : text;
}
