import { describe, expect, it } from "vitest";
import type { Language } from "../../src/config/schema.js";
import type { ConvergenceEstimate } from "../../src/estimate/types.js";
import { findings } from "../../src/report/findings.js";
import { translator } from "../../src/report/messages/translate.js";
import { renderComment, type RenderCommentInput } from "../../src/report/render-comment.js";
import { whyPoints } from "../../src/report/why-section.js";
import type { WhyPoint } from "../../src/report/why-point.js";
import { numbers } from "./numbers-in-text.js";
import { SCENARIOS, type ScenarioName, scenario } from "./scenarios.js";

const LANGUAGES: Language[] = ["en", "zh-TW"];

function points(input: RenderCommentInput): WhyPoint[] {
  // The comment explains its first finding, the most urgent one.
  const { group } = findings(input.groups)[0];
  return whyPoints({ group, file: input.files.find((f) => f.path === group.path), t: translator(input.language) });
}

/** The folded Why block of a comment. */
function whyBlock(markdown: string): string {
  const start = markdown.indexOf("<details>\n<summary><b>");
  expect(start).toBeGreaterThan(0);
  return markdown.slice(start, markdown.indexOf("</details>", start));
}

/** A scenario whose convergence is swapped for one about the user's own task, with B_crit as given. */
function ownTask(name: ScenarioName, language: Language, bCrit: number): RenderCommentInput {
  const input = scenario(name, language);
  const e = input.groups[0].estimate;
  const c = e.convergence!;
  const own: ConvergenceEstimate = {
    ...c,
    basis: "your-proxy",
    frame: { ...c.frame, how: "your-proxy-same" },
    bCrit: { ...c.bCrit, value: bCrit, low: bCrit * 0.9, high: bCrit * 1.1 },
  };
  input.groups[0] = { ...input.groups[0], estimate: { ...e, convergence: own } };
  return input;
}

/** One number of the PR each point must carry, in both languages, where the scenario has it. */
const KEY_NUMBERS: Record<ScenarioName, Partial<Record<WhyPoint["name"], string[]>>> = {
  "batch-up": {
    terms: ["32 × 1 × 1 = 32", "64 × 1 × 1 = 64", "3,125", "1,563"],
    spectrum: ["900"],
    tradeoff: ["1.93"],
    optimizer: ["1.41", "1.4e-4"],
    memory: ["18.5 GiB"],
  },
  "batch-down": {
    terms: ["32 × 1 × 8 = 256", "8 × 1 × 8 = 64"],
    tradeoff: ["3.66"],
    optimizer: ["0.1", "0.025"],
    memory: ["11.7 KiB"],
  },
  "accumulation-only": {
    terms: ["8 × 4 × 4 = 128", "8 × 8 × 4 = 256"],
    optimizer: ["×2", "×1.41"],
    memory: ["8", "18.0 GiB"],
  },
  "over-budget": {
    terms: ["4 × 1 × 8 × 4,096 = 131,072", "16 × 1 × 8 × 4,096 = 524,288"],
    spectrum: ["1,070,000", "0.49"],
    tradeoff: ["0.49"],
    optimizer: ["2.0e-5", "4e-5"],
    memory: ["15.0 GiB", "8.56 GiB", "34.2 GiB", "4 → 16"],
  },
  "unknown-devices": { terms: ["16 × 1 × ?", "32 × 1 × ?"], optimizer: ["×2", "×1.41"] },
  "two-files": { terms: ["32 × 1 × 1 = 32", "64 × 1 × 1 = 64"], optimizer: ["1.4e-4"] },
};

describe("the Why section", () => {
  for (const name of SCENARIOS) {
    it(
      `${name}: five points, said with the same message ids and the same numbers ` +
        "in English and Traditional Chinese",
      () => {
        const [en, zh] = LANGUAGES.map((l) => points(scenario(name, l)));
        expect(en.map((p) => p.name)).toEqual(["terms", "spectrum", "tradeoff", "optimizer", "memory"]);
        expect(zh.map((p) => p.said)).toEqual(en.map((p) => p.said));
        en.forEach((p, i) => expect(numbers(zh[i].text), p.name).toEqual(numbers(p.text)));
        for (const [point, keys] of Object.entries(KEY_NUMBERS[name])) {
          for (const key of keys) {
            expect(en.find((p) => p.name === point)!.text, `${point} en`).toContain(key);
            expect(zh.find((p) => p.name === point)!.text, `${point} zh-TW`).toContain(key);
          }
        }
      },
    );

    for (const language of LANGUAGES) {
      it(`${name} (${language}): every point is in the comment, folded inside <details> under its title`, () => {
        const input = scenario(name, language);
        const md = renderComment(input);
        const block = whyBlock(md);
        const t = translator(language);
        for (const p of points(input)) {
          expect(block).toContain(`**${t.t(p.title)}**\n${p.text}`);
          // The general paragraph of each point, in this language.
          expect(block).toContain(t.t(p.said[0] as Parameters<typeof t.t>[0]));
        }
      });
    }
  }

  it("each point says its general paragraph, whatever the PR knows", () => {
    for (const name of SCENARIOS) {
      const said = Object.fromEntries(points(scenario(name, "en")).map((p) => [p.name, p.said]));
      expect(said.terms).toContain("why.terms");
      expect(said.spectrum).toEqual(expect.arrayContaining(["why.spectrum", "why.critical"]));
      expect(said.tradeoff).toEqual(expect.arrayContaining(["why.tradeoff", "why.optima"]));
      expect(said.optimizer).toContain("why.optimizer");
      expect(said.memory).toContain("why.memory");
    }
    const en = points(scenario("batch-up", "en"))
      .map((p) => p.text)
      .join("\n");
    // The ideas themselves: full batch vs mini-batch vs batch 1, two optima with their papers, Rprop → RMSprop → Adam.
    for (const idea of [
      "one update per epoch",
      "zig-zags",
      "a fraction of it is almost the same",
      "two optima",
      "Keskar et al. 2017",
      "Hoffer et al. 2017",
      "*Rprop*",
      "cancel",
      "*RMSprop*",
      "running average of squared gradients",
      "*Adam*",
      "activations",
      "logits",
      "optimizer's states",
    ]) {
      expect(en).toContain(idea);
    }
  });

  it("places the PR in the large-batch zone only against a B_crit about this task, never a stand-in's", () => {
    // batch-up goes 32 → 64: against B_crit 20 it is 3.2× B_crit, past the 2× threshold.
    for (const language of LANGUAGES) {
      const inZone = points(ownTask("batch-up", language, 20)).find((p) => p.name === "tradeoff")!;
      expect(inZone.said).toContain("why.zone.in");
      expect(inZone.text).toContain("3.2");
      const spectrum = points(ownTask("batch-up", language, 20)).find((p) => p.name === "spectrum")!;
      expect(spectrum.said).toContain("why.critical.known");
    }
    expect(points(ownTask("batch-up", "en", 20))[2].text).toContain(
      "This PR's batch is that large: the new batch is 3.2× B_crit, past the 2× at " +
        "which batch-advisor warns (thresholds.largeBatchFactor)",
    );
    expect(points(ownTask("batch-up", "zh-TW", 20))[2].text).toContain(
      "新的批次是 B_crit 的 3.2 倍，超過 batch-advisor 發出警告的 2 倍",
    );
    // Against B_crit 900 the same change is far below it.
    const below = points(ownTask("batch-up", "en", 900))[2];
    expect(below.said).toContain("why.zone.out");
    expect(below.text).toContain("0.0711× B_crit");
    // The bundled stand-in's B_crit of 900 says nothing about the user's task: no zone either way.
    const standIn = points(scenario("batch-up", "en"));
    expect(standIn[2].said).toContain("why.zone.unknown");
    expect(standIn[2].said).not.toContain("why.zone.out");
    expect(standIn[1].said).toEqual(["why.spectrum", "why.critical", "why.critical.standIn"]);
  });

  it("connects the optimizer history to the optimizer this PR uses and its learning-rate rule", () => {
    const said = (name: ScenarioName) => points(scenario(name, "en"))[3];
    expect(said("batch-up").said).toContain("why.optimizer.adam");
    expect(said("batch-up").text).toContain("This PR trains with `adamw_torch`, an Adam-family optimizer");
    expect(said("batch-up").text).toContain("batch ×2, learning rate ×1.41, 1.0e-4 → 1.4e-4");
    expect(said("batch-down").said).toContain("why.optimizer.sgd");
    expect(said("batch-down").text).toContain("batch ×0.25, learning rate ×0.25, 0.1 → 0.025");
    expect(said("accumulation-only").said).toEqual(["why.optimizer", "why.optimizer.unknown"]);
    expect(points(scenario("batch-up", "zh-TW"))[3].text).toContain(
      "這個 PR 用的是 `adamw_torch`，屬於 Adam 這一類最佳化器",
    );
  });

  it("says what memory grows with the per-device batch, with the parts' bytes when they are known", () => {
    const [en, zh] = LANGUAGES.map((l) => points(scenario("over-budget", l))[4]);
    expect(en.said).toEqual(["why.memory", "why.memory.parts"]);
    expect(en.text).toContain(
      "Here, per device: weights 15.0 GiB, gradients 1.87 GiB and optimizer states " +
        "11.2 GiB stay; activations 8.56 GiB → 34.2 GiB and logits 7.83 GiB → 31.3 " +
        "GiB follow the per-device batch 4 → 16.",
    );
    expect(zh.text).toContain(
      "權重 15.0 GiB、梯度 1.87 GiB、最佳化器狀態 11.2 GiB 都不變；活化值 8.56 GiB → 34.2 GiB、logits " +
        "7.83 GiB → 31.3 GiB，隨每張 GPU 的批次 4 → 16 而變。",
    );
    // Accumulation only: the per-device batch stays, and so does the peak.
    expect(points(scenario("accumulation-only", "en"))[4].said).toContain("why.memory.microSame");
  });
});
