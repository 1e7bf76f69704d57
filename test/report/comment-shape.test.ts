import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { defaultConfig } from "../../src/config.js";
import { translator } from "../../src/report/messages/translate.js";
import { renderComment } from "../../src/report/render-comment.js";
import { GitSource } from "../../src/source/git-source.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { gitScenario } from "../helpers/git-scenario.js";
import { aboveTheFold, split, words } from "./comment-parts.js";
import { numbers } from "./numbers-in-text.js";
import { manyGroups, SCENARIOS, scenario } from "./scenarios.js";

describe("the comment a reviewer reads in 30 seconds", () => {
  for (const name of SCENARIOS) {
    for (const language of ["en", "zh-TW"] as const) {
      it(`${name} (${language}): one table above the fold and at most 150 words around it`, () => {
        const { tables, prose } = split(renderComment(scenario(name, language)));
        expect(tables).toHaveLength(1);
        expect(words(prose, language)).toBeLessThanOrEqual(150);
        // The one action is there, in the reader's language.
        expect(prose).toMatch(language === "en" ? /\*\*Next step:\*\* / : /\*\*下一步：\*\*/);
      });
    }

    it(`${name}: the English and the Traditional Chinese comment state the same numbers, verdict and headline`, () => {
      const en = aboveTheFold(renderComment(scenario(name, "en")));
      const zh = aboveTheFold(renderComment(scenario(name, "zh-TW")));
      expect(numbers(zh)).toEqual(numbers(en));
      const level = (s: string) => s.match(/^\*\*batch-advisor(?::|：) ?([^*]+)\*\*/)?.[1];
      const id = (["ok", "warn", "error"] as const).find((l) => translator("en").t(`level.${l}`) === level(en));
      expect(id).toBeDefined();
      expect(level(zh)).toBe(translator("zh-TW").t(`level.${id!}`));
    });

    it(`${name}: the folded details state the same numbers in both languages too`, () => {
      const en = renderComment(scenario(name, "en"));
      const zh = renderComment(scenario(name, "zh-TW"));
      expect(numbers(zh)).toEqual(numbers(en));
      // Folds open the same way: as many details, each with as many table rows.
      expect(zh.match(/<details>/g)?.length).toBe(en.match(/<details>/g)?.length);
      expect(zh.split("\n").filter((l) => l.startsWith("|")).length).toBe(
        en.split("\n").filter((l) => l.startsWith("|")).length,
      );
    });
  }

  it("the word count would catch a long comment, so the limit cannot pass vacuously", () => {
    expect(words("one two three", "en")).toBe(3);
    expect(words("批次大小變大", "zh-TW")).toBe(3);
    expect(aboveTheFold("a\n\n<details>\n<summary>s</summary>\n\nhidden <details>x</details>\n\n</details>\n\nb")).toBe(
      "a\n\n\n\nb",
    );
  });

  it("many findings: one summary table with a row per finding, details folded per finding", () => {
    const md = renderComment(manyGroups(12, "en"));
    const { tables, prose } = split(md);
    expect(tables).toHaveLength(1);
    expect(tables[0].split("\n").filter((l) => /^\| `configs\/sweep\/run-\d{3}\.yaml`/.test(l))).toHaveLength(12);
    expect(words(prose, "en")).toBeLessThanOrEqual(150);
    expect(md.match(/<summary>Details for <code>configs\/sweep\//g)?.length).toBeGreaterThan(0);
  });

  it(
    "a Hydra config group and the config composing it are one finding, listing " + "the configs the edit reaches",
    async () => {
      const source = new GitSource({ repo: gitScenario("hydra-defaults"), base: "base", head: "head" });
      const report = await analyze(source, defaultConfig(), { noProxy: true });
      expect(report.groups.map((g) => g.path).sort()).toEqual(["conf/data/mnist.yaml", "conf/train.yaml"]);
      const md = report.markdown;
      expect(md.match(/<summary>Details for /g)).toHaveLength(1);
      expect(md).toContain("<summary>Details for <code>conf/data/mnist.yaml</code>");
      expect(md).toContain("This edit reaches 2 configs: `conf/data/mnist.yaml`, `conf/train.yaml`.");
      // The headline speaks of the edited file, with the composing config's batch (global 64 → 128).
      expect(md).toMatch(/^\*\*batch-advisor: \w+\*\* — `conf\/data\/mnist\.yaml`: Batch 64 → 128 \(×2\)/m);
      expect(split(md).tables).toHaveLength(1);
    },
  );

  it("an unchanged effective batch (per-device ×4, accumulation ÷4) is said plainly", async () => {
    const yaml = (micro: number, accum: number) =>
      `model_name_or_path: gpt2\nper_device_train_batch_size: ${micro}\n` +
      `gradient_accumulation_steps: ${accum}\nlearning_rate: 3.0e-4\n`;
    const source = new MemorySource({ base: { "train.yaml": yaml(8, 4) }, head: { "train.yaml": yaml(32, 1) } });
    for (const language of ["en", "zh-TW"] as const) {
      const md = (await analyze(source, { ...defaultConfig(), devices: 1 }, { noProxy: true, language })).markdown;
      const prose = split(md).prose;
      if (language === "en") {
        expect(prose).toContain(
          "The effective batch stays 32 examples (per-device ×4, accumulation ÷4): the " +
            "same updates, so the same convergence per step;",
        );
        expect(prose).toMatch(
          /memory per device follows the per-device batch \([^)]+\); each step usually runs faster; /,
        );
        expect(prose).toContain(
          "each step usually runs faster; BatchNorm statistics now come from 32 examples per device.",
        );
      } else {
        expect(prose).toContain(
          "有效批次維持 32 筆樣本（每張 GPU ×4、梯度累積 ÷4）：更新完全相同，因此每一步的收斂也相同；",
        );
      }
    }
  });
});
