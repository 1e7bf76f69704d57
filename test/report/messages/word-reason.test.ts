import { describe, expect, it } from "vitest";
import { translator } from "../../../src/report/messages/translate.js";
import { type ReasonKind, wordReason } from "../../../src/report/messages/word-reason.js";

/** Reasons as the stages write them today (src/detect, src/config, src/source, src/proxy). */
const WRITTEN: Array<[ReasonKind, string, string]> = [
  ["unknown", "per-device batch: not set in this file", "每張 GPU 的批次大小：這個檔案沒有設定"],
  [
    "unknown",
    "devices: not in this file (torchrun --nproc_per_node); pass --devices or set devices in .github/batch-advisor.yml",
    "GPU 數量：這個檔案沒有寫（torchrun --nproc_per_node）；請傳入 --devices，或在 .github/batch-advisor.yml 設定 devices",
  ],
  [
    "unknown",
    "devices: not in this file (set by the launcher); pass --devices or set devices in .github/batch-advisor.yml",
    "GPU 數量：這個檔案沒有寫（由啟動器決定）；請傳入 --devices，或在 .github/batch-advisor.yml 設定 devices",
  ],
  [
    "unknown",
    "devices: -1 means all visible devices, known only at run time",
    "GPU 數量：-1 代表所有看得到的 GPU，要到執行時才知道",
  ],
  ["unknown", "devices: 6 is not divisible by the model-parallel size 4", "GPU 數量：6 無法被模型平行的大小 4 整除"],
  [
    "unknown",
    "nproc_per_node: shell variable NGPU is not set in this file",
    "nproc_per_node：這個檔案沒有設定 shell 變數 NGPU",
  ],
  [
    "unknown",
    'train_batch_size: "auto": chosen at run time by the framework',
    'train_batch_size："auto"：由框架在執行時決定',
  ],
  ["unknown", "batch_size: read from environment variable BS at run time", "batch_size：執行時才從環境變數 BS 讀取"],
  [
    "unknown",
    "trainer.devices: gin macro %DEVICES is not bound in this file",
    "trainer.devices：這個檔案沒有綁定 gin 巨集 %DEVICES",
  ],
  ["config", "unknown key; did you mean memory.budget?", "不認得的鍵；是不是要寫 memory.budget？"],
  ["config", '"fr" is not allowed; use one of: en, zh-TW', '不接受 "fr"；請從這些值中選一個：en, zh-TW'],
  ["skipped", "is a symbolic link in the repository; not followed", "是儲存庫中的符號連結，不跟著讀取"],
  ["skipped", "2.5 MiB is over the 1 MiB limit; not read", "2.5 MiB 超過 1 MiB 的上限，不讀取"],
  ["backend", "@tensorflow/tfjs-node-gpu is not installed", "沒有安裝 @tensorflow/tfjs-node-gpu"],
];

describe("reasons other stages still write in English", () => {
  for (const [kind, text, zh] of WRITTEN) {
    it(`${kind}: "${text.slice(0, 50)}" reads the same in English and is worded in Traditional Chinese`, () => {
      expect(wordReason(kind, text, translator("en"))).toBe(text);
      expect(wordReason(kind, text, translator("zh-TW"))).toBe(zh);
    });
  }

  it("a reason whose shape is unknown stays as written", () => {
    expect(wordReason("unknown", "model_parallel: something new", translator("zh-TW"))).toBe(
      "model_parallel: something new",
    );
    expect(wordReason("config", "memory.level: expected warn or error", translator("zh-TW"))).toBe(
      "memory.level: expected warn or error",
    );
  });

  it("escapes each part itself when asked, quoting a library's error as code", () => {
    const safe = { text: (s: string) => s.replace(/@/g, "@\u200b"), code: (s: string) => `\`${s}\`` };
    expect(
      wordReason(
        "backend",
        "@tensorflow/tfjs-node failed to load: The native addon can not be found",
        translator("zh-TW"),
        safe,
      ),
    ).toBe("@\u200btensorflow/tfjs-node 載入失敗：`The native addon can not be found`");
  });
});
