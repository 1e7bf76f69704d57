import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enNotes } from "../../src/report/messages/en-notes.js";
import { en } from "../../src/report/messages/en.js";
import { fill, placeholders, translator } from "../../src/report/messages/translate.js";
import { zhTWNotes } from "../../src/report/messages/zh-TW-notes.js";
import { zhTW } from "../../src/report/messages/zh-TW.js";
import { renderComment } from "../../src/report/render-comment.js";
import { SCENARIOS, scenario } from "./scenarios.js";

/**
 * Characters that exist only in Simplified Chinese (their Traditional forms differ), common in
 * ML prose. Ambiguous ones that Traditional also uses (于, 准, 台, 里, 干, 范, …) are left out.
 */
const SIMPLIFIED_ONLY =
  "们这个为时会说对发后来过还进样种没问题经实现开关数据计设训练学习积敛忆体显损临长变优参预测记录结论应该调规则线区间确认门动头东车马鸟鱼语读写书画图网页库错误执输与将从两并总达够让给备态处条档较点击环节历听见觉观视币选择项传递层张储闲压缩扩启务维护讯号码宽杂单双围础标签验证类别尽虑质软医药报导际负责资费购买卖热湿办岁众亿万丢乐亚产亲仅伤侧儿兴养兰决况净减刚创删剧劳势华协卫厅厌县叙叹吓吗员响团园圣场坏块坚夹夺奋妇妈孙宁宝宠审宫宾寿尘尝属岛岭师帐带帮庆庙废弃弹归彻忧怀恶恼悬惊惯戏战扫扰抢担拟拥挂挡挤挥换摄摆敌断无旧晓暂杀权杨极构枪树桥检楼欢欧残毕气汇汉汤沟泪泽洁浅济浓润涨渐湾满滚灭灯灵灾炉炼烦烧爱爷牵状犹独狭献电畅疗疯盐监盖盘矿砖碍礼祸离称稳穷窃竞笔笼筑简粮紧纠红约级纪纯纲纳纵纷纸纹组细织终绕绘络绝统继绩续综绿编缓缘罗罚职联聪肃肠肤肿胁脑脚脸舰艺芦苏荐获营萧蓝虫虽蚀蛮补装触订讨议讲许访评识诉词试诗诚话询详请诸课谁谈谋谢谱财败货贩贫贯贴贵贺赏赖赛赢赵赶趋跃践踪轨转轮轻载辅辆辈辑边迁运远违连迟逻遗邮邻郑酱释针钟钢钱铁银链销锁锅键镜闭闻阅队阳阴阵陆陈险随隐难雾韩顶顺须顾顿领频颜风飞饭饮馆驱骑鲁鸡鸭麦齐龙";

/** Traditional forms of the first characters above, as a Taiwanese text would write them. */
const TRADITIONAL_COUNTERPARTS = "們這個為時會說對發後來過還進樣種沒問題經實現開關數據計設訓練學習積斂憶體顯損臨長變優參預測記錄結論應該調規則線區間確認";

function simplifiedIn(text: string): string[] {
  return [...new Set([...text].filter((c) => SIMPLIFIED_ONLY.includes(c)))];
}

/** Note and Risk ids the estimate stage can emit, read from its source: `id: "…"` (also in a ternary) and the RiskId union. */
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
  });

  it("cover every Note and Risk id the estimate stage can emit, in both languages", () => {
    const { ids, templated } = estimateNoteIds();
    // A sanity floor so a changed source layout cannot make this pass on an empty list.
    expect(ids.length).toBeGreaterThan(25);
    expect(ids).toEqual(expect.arrayContaining(["past-critical-batch", "over-budget", "lr-unchanged", "budget-over", "schedule-scale"]));
    expect(ids.filter((id) => !(id in enNotes))).toEqual([]);
    expect(ids.filter((id) => !(id in zhTWNotes))).toEqual([]);
    // The only id built at run time is the verdict's, which verdict-text.ts composes per language.
    expect(templated.every((prefix) => prefix === "verdict-")).toBe(true);
  });

  it("ask a Note only for parameters its English template also names", () => {
    for (const [id, template] of Object.entries(zhTWNotes)) {
      const extra = placeholders(template).filter((p) => !placeholders(enNotes[id] ?? "").includes(p));
      expect(extra, id).toEqual([]);
    }
  });

  it("translate a Note by id and params, and fall back to its English text for an unknown id or a missing parameter", () => {
    const t = translator("zh-TW");
    expect(t.note({ id: "memory-micro-unchanged", text: "The per-device batch stays 8…", params: { micro: 8 } })).toBe("每張 GPU 的批次大小維持 8：每張 GPU 的 activation 記憶體不變。");
    expect(t.note({ id: "no-such-note", text: "Plain English." })).toBe("Plain English.");
    expect(t.note({ id: "memory-micro-unchanged", text: "English, since micro is missing." })).toBe("English, since micro is missing.");
    expect(fill("{a} and {b}", { a: 1 })).toBeUndefined();
    expect(fill("{a} of {b}", { a: 0.51724, b: "x" })).toBe("0.517 of x");
  });

  it("show English Notes in the estimate stage's own words", () => {
    expect(translator("en").note({ id: "budget-ok", text: "Predicted peak 34.5 GiB at batch 64 per device fits the 40GiB budget.", params: { budget: "40GiB", predicted: "34.5 GiB" } })).toBe("Predicted peak 34.5 GiB at batch 64 per device fits the 40GiB budget.");
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
    for (const term of ["批次大小", "學習率", "梯度累積", "收斂", "記憶體", "臨界批次", "GPU", "訓練步數", "epoch", "資料集", "最佳化器"]) expect(text, term).toContain(term);
    for (const mainland of ["内存", "数据集", "显存", "默认", "优化器", "優化器", "信息", "设置", "文件"]) expect(text, mainland).not.toContain(mainland);
  });
});
