import { describe, expect, it } from "vitest";
import { COMMENT_LIMIT, COMMENT_MARKER, renderComment } from "../../src/report/render-comment.js";
import { manyGroups, SCENARIOS, scenario } from "./scenarios.js";

const LANGUAGES = ["en", "zh-TW"] as const;

describe("renderComment", () => {
  for (const name of SCENARIOS) {
    for (const language of LANGUAGES) {
      it(`renders the ${name} scenario in ${language} as the reviewed snapshot`, async () => {
        await expect(renderComment(scenario(name, language))).toMatchFileSnapshot(
          `__snapshots__/${name}.${language}.md`,
        );
      });
    }
  }

  it("starts with the hidden marker the GitHub front finds the comment by, once", () => {
    for (const name of SCENARIOS) {
      const md = renderComment(scenario(name, "en"));
      expect(md.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
      expect(md.split(COMMENT_MARKER)).toHaveLength(2);
    }
    expect(COMMENT_MARKER).toBe("<!-- batch-advisor:comment -->");
  });

  it("leaves no placeholder unfilled in either language", () => {
    for (const name of SCENARIOS)
      for (const language of LANGUAGES) expect(renderComment(scenario(name, language))).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it("shows an uncertain quantity as its range, never a point, in the headline, the table and the verdict", () => {
    const en = renderComment(scenario("accumulation-only", "en"));
    expect(en).toMatch(
      /\| Steps to the same loss \(before = 1\) \| 1 \| 0\.512–0\.84<sup>\d<\/sup> \| 1\.19–1\.95× fewer steps \|/,
    );
    // Only the folded curve, captioned as one possibility, plots the central value.
    expect(en.split("<details>")[0]).not.toMatch(/0\.621/);
    expect(en).not.toMatch(/\| Steps to the same loss[^\n]*0\.621/);
    expect(en).toMatch(
      /^\*\*batch-advisor: Warning\*\* — `ds_config\.json`: Batch 128 → 256 \(×2\): 1\.19–1\.95× fewer steps/m,
    );
    expect(renderComment(scenario("accumulation-only", "zh-TW"))).toContain("| 1 | 0.512–0.84<sup>");
    // The wall-time ratio of the batch-down scenario is marked uncertain; its value 9.2 must not show.
    const down = renderComment(scenario("batch-down", "en"));
    expect(down).toMatch(/\| Time to the same loss \(before = 1\) \| 1 \| 4–13<sup>\d<\/sup> \| 4–13× more time \|/);
    expect(down).not.toMatch(/9\.2\b/);
  });

  it("marks every number with its provenance and explains each marker under the table", () => {
    const md = renderComment(scenario("batch-up", "en"));
    expect(md).toMatch(/0\.52 s \(0\.42–0\.74 s\)<sup>(\d)<\/sup>/);
    const stepTimeMark = md.match(/0\.52 s \(0\.42–0\.74 s\)<sup>(\d)<\/sup>/)![1];
    expect(md).toContain(
      `<sup>${stepTimeMark}</sup> roofline step time: FLOPs per step at published achievable utilization`,
    );
    expect(md).toMatch(/0\.517 \(0\.514–0\.522\)<sup>(\d)<\/sup>/);
    const stepsMark = md.match(/0\.517 \(0\.514–0\.522\)<sup>(\d)<\/sup>/)![1];
    expect(md).toContain(`<sup>${stepsMark}</sup> McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)`);
    expect(md).toMatch(/26\.5 GiB \(24\.0–29\.0 GiB\)<sup>\d<\/sup>/);
  });

  it('says "measured on your job" where the user\'s measurements file covers the new batch, in both languages', () => {
    const en = renderComment(scenario("batch-down", "en"));
    expect(en).toMatch(/\| Step time on A100-80GB \| 0\.412 s [^|]*\| 0\.118 s<sup>\d<\/sup> \|/);
    expect(en).toContain("measured on your job (runs/measurements.json)");
    expect(renderComment(scenario("batch-down", "zh-TW"))).toContain("在你的訓練工作上實測");
  });

  it("shows the learning-rate change as a diff of the line as written, in the user's style", () => {
    expect(renderComment(scenario("batch-up", "en"))).toContain(
      "```diff\n- learning_rate: 1.0e-4\n+ learning_rate: 1.4e-4\n```",
    );
    // Without the head text, the key and the raw value still make the diff.
    expect(renderComment(scenario("over-budget", "en"))).toContain(
      "```diff\n- optimizer.lr: 2e-5\n+ optimizer.lr: 4e-5\n```",
    );
  });

  it("raises a CAUTION alert for a broken error-level budget and a WARNING for a warn risk", () => {
    const over = renderComment(scenario("over-budget", "en"));
    expect(over).toContain(
      "> [!CAUTION]\n> Predicted peak 93.7 GiB at 16 per device is over the memory budget 80GiB (memory.budget).",
    );
    // The over-budget risk repeats the budget message: said once.
    expect(over.split("is over the memory budget 80GiB").length - 1).toBe(1);
    const unknownDevices = renderComment(scenario("unknown-devices", "en"));
    expect(unknownDevices).toMatch(/> \[!WARNING\]\n> Part of the effective batch is unknown: /);
    expect(unknownDevices).toMatch(/ Unknown: `nproc_per_node`: shell variable `NGPU` is not set in this file\./);
  });

  it("keeps an accumulation-only change's per-device batch and devices, and says memory stays", () => {
    const md = renderComment(scenario("accumulation-only", "en"));
    expect(md).toContain("| Per-device batch | 8 | 8 | unchanged |");
    expect(md).toContain("| Gradient accumulation | 4 | 8 | ×2 |");
    expect(md).toContain("| Devices | 4 | 4 | unchanged |");
    expect(md).toContain("Here the per-device batch stays 8, so the peak per device should not change.");
  });

  it("puts the worst file first when two files change", () => {
    const md = renderComment(scenario("two-files", "en"));
    expect(md.indexOf("### `configs/stage1.yaml`")).toBeLessThan(md.indexOf("### `configs/resnet50_8xb32_in1k.py`"));
    expect(md).toContain("(2 changes in 2 files; the worst first)");
    // One summary table above the fold, a row per finding, worst first; each finding's details fold.
    const [above] = md.split("<details>");
    expect(above.match(/^\| `configs\/(stage1\.yaml|resnet50_8xb32_in1k\.py)` \|/gm)).toEqual([
      "| `configs/stage1.yaml` |",
      "| `configs/resnet50_8xb32_in1k.py` |",
    ]);
    expect(above).not.toContain("### ");
    expect(md.match(/<summary>Details for <code>/g)).toHaveLength(2);
  });

  for (const language of LANGUAGES) {
    it(
      `stays under GitHub's ${COMMENT_LIMIT}-character limit with 200 changes ` +
        `(${language}), collapsing the rest to one line each`,
      () => {
        const md = renderComment(manyGroups(200, language));
        expect(md.length).toBeLessThan(COMMENT_LIMIT);
        const full = md.match(/^### `/gm)?.length ?? 0;
        expect(full).toBeGreaterThan(0);
        const summary = md.match(
          /<summary>(\d+) more changes, one line each<\/summary>|<summary>其餘 (\d+) 處變更，每處一行<\/summary>/,
        );
        expect(summary).not.toBeNull();
        const collapsed = Number(summary![1] ?? summary![2]);
        expect(full + collapsed).toBe(200);
        // Every collapsed group is either a line or counted in the "and N more" note.
        const lines = md.match(/^- `configs\/sweep\/run-\d{3}\.yaml:\d+`/gm)?.length ?? 0;
        const more = md.match(/(?:…and (\d+) more: the JSON|……還有 (\d+) 處：JSON)/);
        expect(lines + Number(more?.[1] ?? more?.[2] ?? 0)).toBe(collapsed);
        expect(md).toMatch(/<summary><b>(How this was measured|量測方式)<\/b><\/summary>/);
      },
    );
  }

  it("says so plainly when nothing changed", () => {
    const md = renderComment({ ...scenario("batch-up", "en"), groups: [], files: [], measurements: [] });
    expect(md).toBe(
      `${COMMENT_MARKER}\n\n**batch-advisor: OK** — no batch-size change ` +
        `found.\n\n<sub>batch-advisor updates this comment on every push.</sub>`,
    );
  });
});
