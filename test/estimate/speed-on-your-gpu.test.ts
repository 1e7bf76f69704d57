import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { BUNDLED_EXAMPLE } from "../../src/cli/bundled-example.js";
import { loadConfig } from "../../src/config.js";
import { FilePairSource } from "../../src/source/file-pair-source.js";
import { MemorySource } from "../../src/source/memory-source.js";

const exampleConfig = readFileSync(BUNDLED_EXAMPLE.config, "utf8");
const before = readFileSync(BUNDLED_EXAMPLE.base, "utf8");
const after = readFileSync(BUNDLED_EXAMPLE.head, "utf8");

/** The bundled example's bot config (it names an A100-80GB and 45,000 examples) with another GPU and 50,000 examples.
 * */
function configFor(gpu: string, extra = "") {
  const text = exampleConfig.replace(/^(\s+gpu:).*$/m, `$1 ${gpu}`).replace(/^(\s+examples:).*$/m, "$1 50000");
  const { config, errors } = loadConfig(`${text}${extra}`);
  expect(errors).toEqual([]);
  return config;
}

const bundled = (gpu: string) => analyze(new FilePairSource(BUNDLED_EXAMPLE), configFor(gpu), { noProxy: true });

/** One row of the comment's table, by its label. */
const row = (markdown: string, label: string) => markdown.split("\n").find((l) => l.startsWith(`| ${label}`));

describe("speed on the user's GPU", () => {
  it(
    "the bundled example on an A100-80GB prints step time and time per epoch " + "before and after, with sources",
    async () => {
      const report = await bundled("A100-80GB");
      const speed = report.groups[0].estimate.speed!;
      expect(speed.basis).toBe("analytical");
      expect(speed.gpu!.id).toBe("A100-80GB");
      expect(speed.stepTime.before.unit).toBe("s");
      expect(speed.stepTime.after.value).toBeGreaterThan(speed.stepTime.before.value);
      expect(speed.epochTime!.examples).toBe(50000);
      const stepRow = row(report.markdown, "Step time on A100-80GB")!;
      const epochRow = row(report.markdown, "Time per epoch on A100-80GB (50,000 examples)")!;
      for (const r of [stepRow, epochRow])
        expect(r).toMatch(
          /^\| [^|]+ \| [\d.]+ (s|min) \([^)]*\)<sup>\d<\/sup> \| [\d.]+ (s|min) \([^)]*\)<sup>\d<\/sup> \|/,
        );
      const mark = stepRow.match(/<sup>(\d)<\/sup>/)![1];
      expect(report.markdown).toContain(
        `<sup>${mark}</sup> roofline step time: FLOPs per step at published achievable utilization`,
      );
      expect(speed.gpu!.utilization.source).toMatch(/llm-foundry/);
    },
  );

  it("the same PR on an H100-80GB prints faster step times and shorter epochs", async () => {
    const [a100, h100] = [await bundled("A100-80GB"), await bundled("H100-80GB")];
    const sa = a100.groups[0].estimate.speed!;
    const sh = h100.groups[0].estimate.speed!;
    for (const side of ["before", "after"] as const) {
      expect(sh.stepTime[side].value).toBeLessThan(sa.stepTime[side].value);
      expect(sh.epochTime![side].value).toBeLessThan(sa.epochTime![side].value);
    }
    expect(row(h100.markdown, "Step time on H100-80GB")).toBeDefined();
  });

  it('a PR whose measurements file covers the new batch shows "measured on your job"', async () => {
    const measurements = JSON.stringify({
      version: 1,
      gpu: "NVIDIA A100-SXM4-80GB",
      runs: [{ microBatch: 32, accumulation: 1, devices: 4, seqLen: 2048, stepSeconds: 2.4, peakMemoryBytes: 61e9 }],
    });
    const source = new MemorySource(
      {
        base: { [BUNDLED_EXAMPLE.label]: before },
        head: { [BUNDLED_EXAMPLE.label]: after, "runs/measurements.json": measurements },
      },
      "a PR with its measurements",
    );
    const report = await analyze(source, configFor("A100-80GB", "measurements: runs/measurements.json\n"), {
      noProxy: true,
    });
    const speed = report.groups[0].estimate.speed!;
    expect(speed.basis).toBe("measured");
    expect(speed.stepTime.after.value).toBe(2.4);
    expect(speed.sides.after.measured).toBe(true);
    expect(row(report.markdown, "Step time on A100-80GB")).toContain("2.4 s");
    expect(report.markdown).toContain("measured on your job");
    expect(report.groups[0].estimate.memory.peak.basis).toBe("measured");
  });

  it(
    "a measurements file that breaks the schema is named with its field, and the " + "rest of the report goes out",
    async () => {
      const bad = JSON.stringify({ version: 1, runs: [{ microBatch: 32, stepSeconds: -1 }] });
      const source = new MemorySource(
        {
          base: { [BUNDLED_EXAMPLE.label]: before },
          head: { [BUNDLED_EXAMPLE.label]: after, "runs/measurements.json": bad },
        },
        "a PR with a broken measurements file",
      );
      const report = await analyze(source, configFor("A100-80GB", "measurements: runs/measurements.json\n"), {
        noProxy: true,
      });
      expect(report.configErrors).toContainEqual({
        key: "measurements",
        issue: expect.objectContaining({ id: expect.stringMatching(/^config\./) }),
        message: expect.stringContaining(
          "runs/measurements.json: runs.0.stepSeconds: expected seconds per optimizer step",
        ),
      });
      expect(report.groups[0].estimate.speed!.basis).toBe("analytical");
    },
  );

  it("an unknown GPU is a config error naming the key, the closest names and the known ones", () => {
    const { errors } = loadConfig("hardware:\n  gpu: A200\n");
    expect(errors[0].key).toBe("hardware.gpu");
    expect(errors[0].message).toMatch(/unknown GPU: "A200"; closest: .*A100.*; known: A100-40GB, /);
  });

  it("without a GPU, the report says how to get step times instead of printing the proxy's", async () => {
    const { config } = loadConfig(exampleConfig.replace(/^hardware:\n\s+gpu:.*\n/m, ""));
    const report = await analyze(new FilePairSource(BUNDLED_EXAMPLE), config, { noProxy: true });
    expect(report.groups[0].estimate.speed).toBeUndefined();
    expect(report.groups[0].estimate.notes!.map((n) => n.id)).toContain("speed-no-gpu");
  });
});
