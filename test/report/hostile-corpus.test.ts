/**
 * A hostile pull request through the real pipeline (detection, estimates, report): its strings as
 * a config's file name, a key, a value and an optimizer name, and in a bot-config error. The
 * comment is read with a GFM parser: no link, image, HTML or mention may come from the PR, and
 * every string must still be there for the reader, as the PR wrote it.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { defaultConfig } from "../../src/config.js";
import { COMMENT_LIMIT } from "../../src/report/render-comment.js";
import type { Report } from "../../src/report/types.js";
import type { Language } from "../../src/config/schema.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { asShown, inspectMarkdown } from "./markdown-inspection.js";
import { HOSTILE } from "./hostile-strings.js";

const LANGUAGES: Language[] = ["en", "zh-TW"];
const q = (s: string) => JSON.stringify(s);

/** One config per place a PR string can sit, each with a batch change so it is reported. */
function placements(h: string): Record<string, { path: string; base: string; head: string }> {
  return {
    "file name": {
      path: `configs/${h}/train.yaml`,
      base: "per_device_train_batch_size: 8\nlearning_rate: 1e-4\n",
      head: "per_device_train_batch_size: 16\nlearning_rate: 1e-4\n",
    },
    key: { path: "configs/key.yaml", base: `${q(h)}:\n  batch_size: 8\n`, head: `${q(h)}:\n  batch_size: 16\n` },
    value: {
      path: "configs/value.yaml",
      base: "per_device_train_batch_size: 8\n",
      head: `per_device_train_batch_size: ${q(h)}\n`,
    },
    "optimizer name": {
      path: "configs/optimizer.yaml",
      base: `per_device_train_batch_size: 8\nlearning_rate: 1e-4\noptim: ${q(`adamw ${h}`)}\n`,
      head: `per_device_train_batch_size: 16\nlearning_rate: 1e-4\noptim: ${q(`adamw ${h}`)}\n`,
    },
  };
}

async function run(
  files: Array<{ path: string; base: string; head: string }>,
  language: Language,
  configErrors: Report["configErrors"] = [],
): Promise<Report> {
  const base = Object.fromEntries(files.map((f) => [f.path, f.base]));
  const head = Object.fromEntries(files.map((f) => [f.path, f.head]));
  return analyze(new MemorySource({ base, head }), defaultConfig(), { noProxy: true, language, configErrors });
}

function expectSafe(markdown: string): ReturnType<typeof inspectMarkdown> {
  const seen = inspectMarkdown(markdown);
  expect(seen.links, "links").toEqual([]);
  expect(seen.images, "images").toEqual([]);
  expect(seen.html, "HTML").toEqual([]);
  expect(seen.references, "mentions, references, autolinks").toEqual([]);
  return seen;
}

/** Plain-text sinks (log line, check-run title, annotations): one line each, nothing hidden. */
function expectPlain(report: Report): void {
  expect(report.summary).not.toMatch(/[\r\n\u202A-\u202E\u2066-\u2069]/);
  for (const a of report.annotations) {
    expect(a.title).not.toMatch(/[\r\n\u202A-\u202E\u2066-\u2069]/);
    expect(a.message).not.toMatch(/[\r\u202A-\u202E\u2066-\u2069]/);
  }
}

describe("a hostile pull request's strings in the comment", () => {
  for (const language of LANGUAGES) {
    for (const [i, h] of HOSTILE.entries()) {
      it(
        `${language}: ${JSON.stringify(h)} as a file name, key, value, optimizer ` +
          "name and config error stays literal text",
        async () => {
          for (const [place, file] of Object.entries(placements(h))) {
            // Detection does not watch a file whose name holds a line break (its globs stop at one): nothing to render.
            if (place === "file name" && /[\r\n]/.test(h)) continue;
            const report = await run(
              [file],
              language,
              place === "value" ? [{ key: h, message: `must be a size, got ${h}` }] : [],
            );
            expect(report.groups.length, place).toBe(1);
            const seen = expectSafe(report.markdown);
            // Code spans keep a line break visible as ⏎; prose turns it into a space.
            const shown = [asShown(h), asShown(h, " ").replace(/ +/g, " ").trim()];
            expect(
              shown.some((s) => seen.visible.includes(s)),
              `${place} #${i}: ${seen.visible.slice(0, 400)}`,
            ).toBe(true);
            expectPlain(report);
          }
        },
      );
    }

    it(
      `${language}: every hostile string at once, as file names, keys, values and ` + "optimizer names, in one comment",
      async () => {
        const files = HOSTILE.flatMap((h, i) =>
          Object.entries(placements(h))
            .filter(([place]) => !(place === "file name" && /[\r\n]/.test(h)))
            .map(([, f]) => ({ ...f, path: f.path.includes(h) ? f.path : f.path.replace(".yaml", `-${i}.yaml`) })),
        );
        const report = await run(
          files,
          language,
          HOSTILE.map((h) => ({ key: h, message: h })),
        );
        expect(report.groups.length).toBe(files.length);
        expectSafe(report.markdown);
        expectPlain(report);
        expect(report.markdown.length).toBeLessThan(COMMENT_LIMIT);
      },
    );

    it(`${language}: a 70,000-character value is cut to its start and its length, under GitHub's limit`, async () => {
      const long = "B".repeat(70_000);
      const report = await run(
        [
          {
            path: "configs/long.yaml",
            base: "per_device_train_batch_size: 8\n",
            head: `per_device_train_batch_size: ${long}\n`,
          },
        ],
        language,
        [{ key: long, message: long }],
      );
      expect(report.markdown.length).toBeLessThan(COMMENT_LIMIT);
      expect(report.markdown).toContain(`\`${"B".repeat(200)}\``);
      expect(report.markdown).not.toContain("B".repeat(201));
      expect(report.markdown).toContain(language === "en" ? "(70,000 characters)" : "共 70,000 個字元");
      expect(report.summary.length).toBeLessThan(1_500);
      expectSafe(report.markdown);
    });

    it(
      `${language}: a config that does not parse, with hostile text where it ` +
        "breaks, is named without rendering that text",
      async () => {
        const h = "adamw` @org/team <img src=x> [x](http://evil)";
        const report = await run(
          [
            {
              path: "configs/broken.yaml",
              base: "batch_size: 8\n",
              head: `batch_size: 16\n  oops: [ ${h} </details>\n`,
            },
          ],
          language,
        );
        expectSafe(report.markdown);
        expect(report.markdown).toContain("`configs/broken.yaml`");
      },
    );
  }
});
