import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { BUNDLED_EXAMPLE } from "../../src/cli/bundled-example.js";
import { loadConfig } from "../../src/config.js";
import type { Language } from "../../src/config/schema.js";
import { FilePairSource } from "../../src/source/file-pair-source.js";
import { aboveTheFold, split, words } from "./comment-parts.js";
import { numbers } from "./numbers-in-text.js";

/** The bundled example (`batch-advisor analyze`), rendered without the proxy run so it stays fast and the same on every
 * machine. */
async function example(language: Language): Promise<string> {
  const source = new FilePairSource({
    base: BUNDLED_EXAMPLE.base,
    head: BUNDLED_EXAMPLE.head,
    label: BUNDLED_EXAMPLE.label,
  });
  const { config } = loadConfig(readFileSync(BUNDLED_EXAMPLE.config, "utf8"));
  return (await analyze(source, config, { noProxy: true, language })).markdown;
}

describe("the bundled example's comment", () => {
  it("reads in 30 seconds in both languages: one table and at most 150 words above the fold", async () => {
    for (const language of ["en", "zh-TW"] as const) {
      const { tables, prose } = split(await example(language));
      expect(tables, language).toHaveLength(1);
      expect(words(prose, language), language).toBeLessThanOrEqual(150);
    }
  });

  it("states the same numbers in English and Traditional Chinese, folds included", async () => {
    const [en, zh] = [await example("en"), await example("zh-TW")];
    expect(numbers(aboveTheFold(zh))).toEqual(numbers(aboveTheFold(en)));
    expect(numbers(zh)).toEqual(numbers(en));
    // The effective batch as formed, in both, above the fold and again in Why.
    for (const md of [en, zh]) {
      expect(aboveTheFold(md)).toContain("8 × 2 × 4");
      expect(md).toContain("8 × 2 × 4 = 64 → 32 × 1 × 4 = 128");
    }
  });
});
