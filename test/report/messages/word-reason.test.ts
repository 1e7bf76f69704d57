import { describe, expect, it } from "vitest";
import { translator } from "../../../src/report/messages/translate.js";
import { type ReasonKind, wordReason } from "../../../src/report/messages/word-reason.js";

/** Reasons as the stages write them today (src/source, src/proxy). */
const WRITTEN: Array<[ReasonKind, string, string]> = [
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
    expect(wordReason("backend", "could not be read: EACCES", translator("zh-TW"))).toBe("could not be read: EACCES");
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
