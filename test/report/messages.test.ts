import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enNotes } from "../../src/report/messages/en-notes.js";
import { en } from "../../src/report/messages/en.js";
import { fill, placeholders, translator } from "../../src/report/messages/translate.js";
import { SOURCES } from "../../src/estimate/sources.js";
import { zhTWNotes } from "../../src/report/messages/zh-TW-notes.js";
import { zhTWSources } from "../../src/report/messages/zh-TW-sources.js";
import { zhTW } from "../../src/report/messages/zh-TW.js";
import { renderComment } from "../../src/report/render-comment.js";
import { SCENARIOS, scenario } from "./scenarios.js";

/**
 * Characters that exist only in Simplified Chinese (their Traditional forms differ), common in
 * ML prose. Ambiguous ones that Traditional also uses (于, 准, 台, 里, 干, 范, …) are left out.
 */
const SIMPLIFIED_ONLY =
  "们这个为时会说对发后来过还进样种没问题经实现开关数据计设训练学习积敛忆体显损临长变优参预测记录结论应" +
  "该调规则线区间确认门动头东车马鸟鱼语读写书画图网页库错误执输与将从两并总达够让给备态处条档较点击环节" +
  "历听见觉观视币选择项传递层张储闲压缩扩启务维护讯号码宽杂单双围础标签验证类别尽虑质软医药报导际负责资" +
  "费购买卖热湿办岁众亿万丢乐亚产亲仅伤侧儿兴养兰决况净减刚创删剧劳势华协卫厅厌县叙叹吓吗员响团园圣场坏" +
  "块坚夹夺奋妇妈孙宁宝宠审宫宾寿尘尝属岛岭师帐带帮庆庙废弃弹归彻忧怀恶恼悬惊惯戏战扫扰抢担拟拥挂挡挤挥" +
  "换摄摆敌断无旧晓暂杀权杨极构枪树桥检楼欢欧残毕气汇汉汤沟泪泽洁浅济浓润涨渐湾满滚灭灯灵灾炉炼烦烧爱爷" +
  "牵状犹独狭献电畅疗疯盐监盖盘矿砖碍礼祸离称稳穷窃竞笔笼筑简粮紧纠红约级纪纯纲纳纵纷纸纹组细织终绕绘络" +
  "绝统继绩续综绿编缓缘罗罚职联聪肃肠肤肿胁脑脚脸舰艺芦苏荐获营萧蓝虫虽蚀蛮补装触订讨议讲许访评识诉词试" +
  "诗诚话询详请诸课谁谈谋谢谱财败货贩贫贯贴贵贺赏赖赛赢赵赶趋跃践踪轨转轮轻载辅辆辈辑边迁运远违连迟逻遗" +
  "邮邻郑酱释针钟钢钱铁银链销锁锅键镜闭闻阅队阳阴阵陆陈险随隐难雾韩顶顺须顾顿领频颜风飞饭饮馆驱骑鲁鸡鸭" +
  "麦齐龙";

/** Traditional forms of the first characters above, as a Taiwanese text would write them. */
const TRADITIONAL_COUNTERPARTS =
  "們這個為時會說對發後來過還進樣種沒問題經實現開關數據計設訓練學習積斂憶體顯損臨長變優參預測記錄結論應該調規則線區間確認";

function simplifiedIn(text: string): string[] {
  return [...new Set([...text].filter((c) => SIMPLIFIED_ONLY.includes(c)))];
}

/** Note and Risk ids the estimate stage can emit, read from its source: `id: "…"` (also in a ternary) and the RiskId
 * union. */
function estimateNoteIds(): { ids: string[]; templated: string[] } {
  const dir = new URL("../../src/estimate/", import.meta.url).pathname;
  const ids = new Set<string>();
  const templated: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(join(dir, name), "utf8");
    for (const line of source.split("\n")) {
      if (/^\s*(\*|\/\/)/.test(line)) continue;
      const m = line.match(/\bid: ([^,}]*)/);
      if (!m) continue;
      for (const s of m[1].matchAll(/"([a-z0-9]+(?:-[a-z0-9]+)+)"/g)) ids.add(s[1]);
      for (const s of m[1].matchAll(/`([a-z-]*)\$\{/g)) templated.push(s[1]);
    }
    const union = source.match(/export type RiskId =([^;]*);/);
    if (union) for (const s of union[1].matchAll(/"([a-z0-9-]+)"/g)) ids.add(s[1]);
  }
  return { ids: [...ids].sort(), templated };
}

describe("message catalogues", () => {
  it("have the same ids in English and Traditional Chinese, none empty", () => {
    expect(Object.keys(zhTW).sort()).toEqual(Object.keys(en).sort());
    // Chinese joins sentences with nothing between them; every other message says something.
    for (const [id, text] of Object.entries(zhTW)) if (id !== "word.sentenceJoin") expect(text.trim(), id).not.toBe("");
    expect(Object.keys(zhTWNotes).sort()).toEqual(Object.keys(enNotes).sort());
  });

  it("word every Note and Risk id the estimate stage can emit, in both languages", () => {
    const { ids, templated } = estimateNoteIds();
    // A sanity floor so a changed source layout cannot make this pass on an empty list.
    expect(ids.length).toBeGreaterThan(25);
    expect(ids).toEqual(
      expect.arrayContaining(["past-critical-batch", "over-budget", "lr-unchanged", "budget-over", "schedule-scale"]),
    );
    expect(ids.filter((id) => !(id in enNotes))).toEqual([]);
    expect(ids.filter((id) => !(id in zhTWNotes))).toEqual([]);
    // Ids built at run time: the verdict's level and the convergence regime, each listed in full in the catalogue.
    expect(templated.sort()).toEqual(["convergence-position-", "verdict-"]);
    for (const regime of ["perfect", "diminishing", "past"])
      expect(enNotes, regime).toHaveProperty(`convergence-position-${regime}`);
  });

  it("word every framework's learning-rate mechanism in both languages", () => {
    const source = readFileSync(new URL("../../src/estimate/framework-lr-scaling.ts", import.meta.url), "utf8");
    const mechanisms = [...source.matchAll(/mechanism: "([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(mechanisms.length).toBeGreaterThanOrEqual(9);
    for (const m of mechanisms) {
      expect(en, m).toHaveProperty(`scaling.${m}`);
      expect(zhTW, m).toHaveProperty(`scaling.${m}`);
    }
  });

  it("ask a template only for parameters its English template also names", () => {
    for (const [id, template] of Object.entries(zhTWNotes)) {
      const english = enNotes[id];
      if (typeof template !== "string" || typeof english !== "string") continue;
      expect(
        placeholders(template).filter((p) => !placeholders(english).includes(p)),
        id,
      ).toEqual([]);
    }
    for (const [id, template] of Object.entries(zhTW)) {
      expect(
        placeholders(template).filter((p) => !placeholders(en[id as keyof typeof en]).includes(p)),
        id,
      ).toEqual([]);
    }
  });

  it(
    "name every source of a number in both languages: src/estimate/sources.ts is " +
      "the English, zh-TW-sources.ts the Chinese",
    () => {
      const names = Object.values(SOURCES).filter((s) => s !== SOURCES.measured);
      expect(names.length).toBeGreaterThan(25);
      expect(names.filter((n) => !(n in zhTWSources))).toEqual([]);
      // No stale entry: each Chinese name answers a source the estimate writes.
      expect(Object.keys(zhTWSources).filter((n) => !names.includes(n as never))).toEqual([]);
      const zh = translator("zh-TW");
      expect(zh.source(SOURCES.gpuStepTime)).toBe(
        "roofline 每步時間：每步 FLOPs 依公開的可達使用率計算，並考慮記憶體頻寬下限與重疊執行的 all-reduce",
      );
      // A source the estimate extended with a file keeps the file, after the name in the language.
      expect(zh.source(`${SOURCES.measuredOnJob} (runs/measurements.json)`)).toBe(
        "在你的訓練工作上實測（runs/measurements.json）",
      );
      expect(translator("en").source(SOURCES.gpuStepTime)).toBe(SOURCES.gpuStepTime);
      for (const name of Object.values(zhTWSources))
        expect(name, name).not.toMatch(/\b[a-z]{3,} [a-z]{2,} [a-z]{2,} [a-z]{2,}\b/);
    },
  );

  it("words a Note from its id and params alone, in each language, and fails loudly on an id it does not know", () => {
    expect(translator("zh-TW").note({ id: "memory-micro-unchanged", params: { micro: 8 } })).toBe(
      "每張 GPU 的批次大小維持 8：每張 GPU 的活化值記憶體不變。",
    );
    expect(translator("en").note({ id: "memory-micro-unchanged", params: { micro: 8 } })).toBe(
      "The per-device batch stays 8: activation memory per device does not change.",
    );
    // A reason travels as an id too: the catalogue words it in each language.
    const gap = { id: "speed-no-model", params: { reason: "no-vision-flops", model: "resnet50" } };
    expect(translator("en").note(gap)).toBe(
      "Step time on the GPU is not predicted: resnet50 has no published FLOPs per image in the catalogue.",
    );
    expect(translator("zh-TW").note(gap)).toBe(
      "不預測 GPU 上的每步時間：模型目錄中沒有 resnet50 每張影像的公開 FLOPs。",
    );
    expect(() => translator("en").note({ id: "no-such-note" })).toThrow(/no-such-note/);
    expect(
      translator("en").note({
        id: "lr-unchanged",
        params: { k: "2", optimizer: "adamw", rule: "sqrt", capped: "no", factor: "1.41", suggested: "1.4e-4" },
      }),
    ).toBe(
      "The batch changes ×2 but the learning rate does not: with adamw the " +
        "square-root rule (Malladi et al. 2022) suggests ×1.41, i.e. 1.4e-4.",
    );
    expect(fill("{a} and {b}", { a: 1 })).toBeUndefined();
    expect(fill("{a} of {b}", { a: 0.51724, b: "x" })).toBe("0.517 of x");
  });
});

/**
 * The provenance registry: each entry names where a number came from and is shown as written in
 * the footnote legend, like a citation (docs/glossary.zh-TW.md keeps citations in English).
 */
const PROVENANCE = ["src/estimate/sources.ts"];

/**
 * A string literal is an English sentence when it has four or more lower-case words in a row of
 * prose. Allowed: comments, thrown errors (a developer's message, never in the comment),
 * provenance legends that cite a paper, a formula or a docs page, and the catalogue itself.
 */
function sentencesOutsideCatalogue(): string[] {
  const roots = ["../../src/estimate/", "../../src/report/"].map((r) => new URL(r, import.meta.url).pathname);
  const files = roots.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(root, f)),
  );
  files.push(new URL("../../src/github/change-gone.ts", import.meta.url).pathname);
  const found: string[] = [];
  for (const path of files) {
    if (path.includes("/report/messages/") || PROVENANCE.some((p) => path.endsWith(p))) continue;
    const rel = path.slice(path.indexOf("/src/") + 1);
    readFileSync(path, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (/^\s*(\*|\/\/|\/\*)/.test(line) || /\bthrow new \w*Error\(/.test(line)) return;
        for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
          const text = (m[1] ?? m[2]).replace(/\$\{[^}]*\}/g, " ");
          if (!/\b[a-z]{3,} [a-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test(text)) continue;
          if (/et al\.|\(docs\/|[=≈×·]|§/.test(text)) continue;
          found.push(`${rel}:${i + 1}: ${text.slice(0, 80)}`);
        }
      });
  }
  return found;
}

describe("one catalogue", () => {
  it("the scan finds an English sentence, so it cannot pass vacuously", () => {
    expect(/\b[a-z]{3,} [a-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test("the batch does not change")).toBe(true);
  });

  it("no English sentence sits in a string outside src/report/messages (estimate, report, change-gone)", () => {
    expect(sentencesOutsideCatalogue()).toEqual([]);
  });
});

describe("Traditional Chinese", () => {
  it("the Simplified check finds Simplified text, so it cannot pass vacuously", () => {
    expect(simplifiedIn("我们这个模型训练时会说数据没问题").length).toBeGreaterThanOrEqual(12);
    expect(simplifiedIn("我們這個模型訓練時會說數據沒問題")).toEqual([]);
    for (const c of TRADITIONAL_COUNTERPARTS) expect(SIMPLIFIED_ONLY).not.toContain(c);
  });

  it("the zh-TW catalogue uses no Simplified-only character and is real Chinese prose", () => {
    const text = [...Object.values(zhTW), ...Object.values(zhTWNotes)].join("\n");
    expect(simplifiedIn(text)).toEqual([]);
    const traditionalUsed = [...new Set([...TRADITIONAL_COUNTERPARTS].filter((c) => text.includes(c)))];
    expect(traditionalUsed.length).toBeGreaterThanOrEqual(30);
  });

  it("every rendered zh-TW comment is free of Simplified-only characters", () => {
    for (const name of SCENARIOS) expect(simplifiedIn(renderComment(scenario(name, "zh-TW"))), name).toEqual([]);
  });

  it("uses the terms a Taiwanese ML engineer writes", () => {
    const text = [...Object.values(zhTW), ...Object.values(zhTWNotes)].join("\n");
    for (const term of [
      "批次大小",
      "學習率",
      "梯度累積",
      "收斂",
      "記憶體",
      "臨界批次",
      "GPU",
      "訓練步數",
      "epoch",
      "資料集",
      "最佳化器",
    ])
      expect(text, term).toContain(term);
    for (const mainland of ["内存", "数据集", "显存", "默认", "优化器", "優化器", "信息", "设置", "文件"])
      expect(text, mainland).not.toContain(mainland);
  });
});
