import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { defaultConfig } from "../../src/config.js";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { MAX_DETECT_BYTES, readBudget } from "../../src/detect/read-budget.js";
import { MemorySource } from "../../src/source/memory-source.js";
import type { Side } from "../../src/source/types.js";

/** A YAML config of about `bytes` bytes: a batch size, then comment lines. */
function paddedConfig(batch: number, bytes: number): string {
  const head = `per_device_train_batch_size: ${batch}\n`;
  return head + `# ${"x".repeat(77)}\n`.repeat(Math.ceil((bytes - head.length) / 80));
}

/** A MemorySource that records every read that reached it. */
class CountingSource extends MemorySource {
  readonly reads: string[] = [];
  override async read(side: Side, path: string): Promise<string | null> {
    this.reads.push(`${side}:${path}`);
    return super.read(side, path);
  }
}

describe("one budget of bytes read for detection per run", () => {
  it("the read that crosses the budget is kept; every later one is refused without reaching the source", async () => {
    const source = new CountingSource({ base: {}, head: { "a.yaml": "x".repeat(60), "b.yaml": "y".repeat(60) } });
    const budget = readBudget(source, 100);

    expect(await budget.read("head", "a.yaml")).toHaveLength(60);
    expect(budget.spent()).toBe(false);
    expect(await budget.read("head", "b.yaml")).toHaveLength(60);
    expect(budget.spent()).toBe(true);
    expect(await budget.read("head", "a.yaml")).toBeNull();

    expect(source.reads).toEqual(["head:a.yaml", "head:b.yaml"]);
    expect(budget.refused).toEqual(["a.yaml"]);
  });

  it("stops parsing once spent: later configs are never read, one it cut short is dropped, each is named", async () => {
    const names = ["a", "b", "c", "d", "e"].map((n) => `configs/${n}.yaml`);
    const source = new CountingSource({
      base: Object.fromEntries(names.map((n) => [n, paddedConfig(8, 40_000)])),
      head: Object.fromEntries(names.map((n) => [n, paddedConfig(16, 40_000)])),
    });

    // a.yaml: 80 KB over both sides; b.yaml's head takes the run past 100 KB, so its base is refused.
    const result = await detectChanges(source, { maxDetectBytes: 100_000 });

    expect(result.changes.map((c) => c.path)).toEqual(["configs/a.yaml"]);
    expect(result.files.map((f) => f.path)).toEqual(["configs/a.yaml"]);
    expect(result.skipped).toEqual(
      names.slice(1).map((path) => ({
        path,
        reason: "not read: the run had already read its budget of 0.10 MiB of configs",
        why: { id: "skip.runBudget", params: { max: 0.1 } },
      })),
    );
    // c, d and e were never read, so never parsed.
    expect(source.reads).toEqual(["head:configs/a.yaml", "base:configs/a.yaml", "head:configs/b.yaml"]);
  });

  it(
    `past ${MAX_DETECT_BYTES / 1048576} MiB the rest of the pull request is named as not read, ` +
      "in English and Traditional Chinese, and the report still goes out",
    async () => {
      const big = 3 * 1024 * 1024;
      // Each 3 MiB file is over the 2 MiB a config may be parsed at, so it costs a read, not a parse.
      const read = Math.ceil(MAX_DETECT_BYTES / big);
      const bigNames = Array.from({ length: read + 2 }, (_, i) => `data/big-${String(i).padStart(2, "0")}.json`);
      const source = () =>
        new MemorySource({
          base: { "train.yaml": "per_device_train_batch_size: 8\n" },
          head: {
            "train.yaml": "per_device_train_batch_size: 32\n",
            ...Object.fromEntries(bigNames.map((n) => [n, `{"pad": "${"x".repeat(big - 11)}"}`])),
          },
        });

      const en = await analyze(source(), defaultConfig(), { noProxy: true, language: "en" });
      const zh = await analyze(source(), defaultConfig(), { noProxy: true, language: "zh-TW" });

      const notRead = bigNames.slice(read);
      expect(en.skipped.map((s) => s.path)).toEqual(notRead);
      expect(en.groups.map((g) => g.path)).toEqual(["train.yaml"]);
      for (const path of notRead) {
        expect(en.markdown).toContain(
          `\`${path}\`: not read: the run had already read its budget of 32 MiB of configs`,
        );
        expect(zh.markdown).toContain(`\`${path}\`：不讀取：這次執行讀取的設定檔已達 32 MiB 的上限`);
      }
      expect(en.markdown).not.toContain(`\`${bigNames[read - 1]}\`: not read`);
    },
  );
});
