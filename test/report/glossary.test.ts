import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { zhTWNotes } from "../../src/report/messages/zh-TW-notes.js";
import { zhTWSources } from "../../src/report/messages/zh-TW-sources.js";
import { zhTW } from "../../src/report/messages/zh-TW.js";
import { renderComment } from "../../src/report/render-comment.js";
import { englishRuns } from "./english-runs.js";
import { SCENARIOS, scenario } from "./scenarios.js";

const GLOSSARY = readFileSync(new URL("../../docs/glossary.zh-TW.md", import.meta.url), "utf8");

/** The glossary's table: each Taiwanese term with the forms to reject ("不要用", separated by 、). */
function glossary(): Array<{ term: string; english: string; rejected: string[] }> {
  const rows = GLOSSARY.split("\n").filter(
    (l) => l.startsWith("| ") && !l.startsWith("| 台灣用語") && !l.startsWith("| :-"),
  );
  return rows.map((row) => {
    const [term, english, rejected] = row
      .split("|")
      .slice(1, 4)
      .map((c) => c.trim());
    return {
      term,
      english,
      rejected: rejected
        ? rejected
            .split("、")
            .map((r) => r.trim())
            .filter(Boolean)
        : [],
    };
  });
}

/** Every Chinese string the catalogue can print, and every zh-TW comment of the snapshot scenarios. */
function chineseTexts(): Array<[string, string]> {
  const messages: Array<[string, string]> = [
    ...Object.entries(zhTW),
    ...Object.entries(zhTWSources),
    // Note functions are worded with representative parameters so their fixed words are checked too.
    ...Object.entries(zhTWNotes).map(([id, m]): [string, string] => [id, typeof m === "string" ? m : String(m)]),
  ];
  const comments = SCENARIOS.map((name): [string, string] => [
    `${name}.zh-TW.md`,
    renderComment(scenario(name, "zh-TW")),
  ]);
  const snapshots = SCENARIOS.map((name): [string, string] => [
    `snapshot ${name}.zh-TW.md`,
    readFileSync(new URL(`./__snapshots__/${name}.zh-TW.md`, import.meta.url), "utf8"),
  ]);
  return [...messages, ...comments, ...snapshots];
}

describe("docs/glossary.zh-TW.md", () => {
  const rows = glossary();

  it("lists the terms a Taiwanese ML engineer writes, each with the mainland forms to reject", () => {
    expect(rows.length).toBeGreaterThan(40);
    const terms = rows.map((r) => r.term);
    for (const term of [
      "最佳化器",
      "記憶體",
      "批次大小",
      "學習率",
      "梯度",
      "收斂",
      "預設",
      "資料",
      "網路",
      "軟體",
      "程式",
      "裝置",
      "訓練",
      "步數",
      "樣本",
      "臨界批次",
    ])
      expect(terms, term).toContain(term);
    const rejected = rows.flatMap((r) => r.rejected);
    for (const form of ["優化器", "內存", "默認", "數據", "網絡", "軟件", "程序", "設備"])
      expect(rejected, form).toContain(form);
    // A term is never also a form to reject.
    expect(rows.filter((r) => rejected.includes(r.term)).map((r) => r.term)).toEqual([]);
  });

  it("the check finds a rejected form, so it cannot pass vacuously", () => {
    const rejected = rows.flatMap((r) => r.rejected);
    const sample = "這個優化器的默認內存用量";
    expect(rejected.filter((form) => sample.includes(form))).toEqual(
      expect.arrayContaining(["優化器", "內存", "默認"]),
    );
  });

  it("no zh-TW message, comment or snapshot uses a form the glossary rejects", () => {
    const rejected = rows.flatMap((r) => r.rejected);
    const found = chineseTexts().flatMap(([where, text]) =>
      rejected.filter((form) => text.includes(form)).map((form) => `${where}: ${form}`),
    );
    expect(found).toEqual([]);
  });

  it("the catalogue uses the glossary's terms", () => {
    const text = [...Object.values(zhTW), ...Object.values(zhTWNotes).filter((m) => typeof m === "string")].join("\n");
    const used = rows.filter((r) => text.includes(r.term)).map((r) => r.term);
    expect(used.length).toBeGreaterThan(25);
  });
});

describe("English in the Traditional Chinese comment", () => {
  it("the check finds an English sentence and lets keys, code, names and citations through", () => {
    expect(englishRuns("代理模型 the proxy measured only a stand-in 的值")).toEqual([
      "the proxy measured only a stand-in",
    ]);
    expect(
      englishRuns(
        "`per_device_train_batch_size` 與 thresholds.largeBatchFactor（McCandlish et " +
          "al. 2018；Riedmiller & Braun 1993）、A100-80GB、CUDA context",
      ),
    ).toEqual([]);
  });

  for (const name of SCENARIOS) {
    it(`${name}: outside keys, code, names and citations, the zh-TW comment has no English sentence`, () => {
      expect(englishRuns(renderComment(scenario(name, "zh-TW")))).toEqual([]);
    });
  }
});
