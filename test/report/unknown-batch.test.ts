/**
 * When the effective batch is unknown the comment's first line still says what is known: a value
 * that cannot be read, or the parts that changed and the ones unknown — never "Batch ? → ?" and
 * never "OK — no batch-size change found".
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { defaultConfig } from "../../src/config.js";
import { buildAnnotations } from "../../src/report/annotations.js";
import { worstLevel } from "../../src/report/level.js";
import type { Report } from "../../src/report/types.js";
import type { Language } from "../../src/config/schema.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { scenario } from "./scenarios.js";

async function run(path: string, base: string, head: string, language: Language = "en"): Promise<Report> {
  return analyze(new MemorySource({ base: { [path]: base }, head: { [path]: head } }), defaultConfig(), {
    noProxy: true,
    language,
  });
}

const firstLine = (r: Report) => r.markdown.split("\n").find((l) => l.startsWith("**batch-advisor"))!;

describe("the headline when only the device count is unknown", () => {
  it("says per-device 8 → 32, devices unknown (en)", async () => {
    const r = await run("train.yaml", "per_device_train_batch_size: 8\n", "per_device_train_batch_size: 32\n");
    expect(firstLine(r)).toBe(
      "**batch-advisor: Warning** — `train.yaml`: Batch per-device 8 → 32 (×4), " +
        "devices unknown: peak memory per device ×1 to ×4 (activations ×4).",
    );
    expect(r.summary).toContain("Batch per-device 8 → 32 (×4), devices unknown");
    expect(r.markdown).not.toContain("? → ?");
  });

  it("says it in Traditional Chinese too", async () => {
    const r = await run("train.yaml", "per_device_train_batch_size: 8\n", "per_device_train_batch_size: 32\n", "zh-TW");
    expect(firstLine(r)).toBe(
      "**batch-advisor：請留意** — `train.yaml`：批次：每張 GPU 8 → 32（×4），GPU 數量未知：每張 GPU 的記憶體峰值增為 1 到 4 倍（活化值 4 倍）。",
    );
    expect(r.markdown).not.toContain("? → ?");
  });

  it("names accumulation and per-device together when both changed", async () => {
    const r = await run(
      "train.yaml",
      "per_device_train_batch_size: 8\ngradient_accumulation_steps: 2\n",
      "per_device_train_batch_size: 16\ngradient_accumulation_steps: 4\n",
    );
    expect(firstLine(r)).toContain("`train.yaml`: Batch per-device 8 → 16, accumulation 2 → 4 (×4), devices unknown: ");
  });
});

describe("a batch key changed to a value that cannot be read", () => {
  for (const [name, path, base, head, key, shown] of [
    [
      "an interpolation",
      "train.yaml",
      "per_device_train_batch_size: 8\n",
      "per_device_train_batch_size: ${oc.env:BS}\n",
      "per_device_train_batch_size",
      "${oc.env:BS}",
    ],
    [
      "auto",
      "train.yaml",
      "per_device_train_batch_size: 8\n",
      "per_device_train_batch_size: auto\n",
      "per_device_train_batch_size",
      "auto",
    ],
    [
      "a Python expression",
      "config.py",
      "batch_size = 8\n",
      "batch_size = 2 ** int(BS)\n",
      "batch_size",
      "2 ** int(BS)",
    ],
  ] as const) {
    it(`is a finding, not OK, for ${name}, in both languages`, async () => {
      const en = await run(path, base, head);
      expect(en.level).toBe("warn");
      expect(en.markdown).not.toContain("no batch-size change found");
      expect(firstLine(en)).toContain(`Cannot read the new value of ${key} (line 1)`);
      // The alert shows the key and the value as written, in code.
      expect(en.markdown).toContain(`> - Cannot read the new value of \`${key}\` (line 1): \`${shown}\``);
      expect(en.annotations.find((a) => a.line === 1)?.level).toBe("warning");

      const zh = await run(path, base, head, "zh-TW");
      expect(zh.markdown).not.toContain("沒有找到批次大小的變更");
      expect(firstLine(zh)).toContain(`讀不到 ${key} 的新值（第 1 行）`);
      expect(zh.markdown).toContain(`讀不到 \`${key}\` 的新值（第 1 行）：\`${shown}\``);
    });
  }

  it("is never OK even when the estimate saw nothing to warn about", () => {
    const input = scenario("batch-up", "en");
    const group = input.groups[0];
    const quiet = {
      ...group,
      estimate: { ...group.estimate, risks: [], verdict: { ...group.estimate.verdict, level: "ok" as const } },
    };
    expect(worstLevel([quiet])).toBe("ok");
    const unreadable = {
      ...quiet,
      changes: quiet.changes.map((c) => ({
        ...c,
        unreadable: [
          { side: "after" as const, raw: "${oc.env:BS}", reason: { id: "value.env" as const, params: { name: "BS" } } },
        ],
      })),
    };
    expect(worstLevel([unreadable])).toBe("warn");
    expect(buildAnnotations({ groups: [unreadable], language: "en" })[0].level).toBe("warning");
  });
});
