import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMeasurements } from "../../src/measurements/read-measurements.js";
import { measuredRunSchema, measurementsFileSchema } from "../../src/measurements/schema.js";

const docs = readFileSync(new URL("../../docs/measurements.md", import.meta.url), "utf8");
const sample = (name: string) =>
  readFileSync(new URL(`../../docs/measurements/${name}.sample.json`, import.meta.url), "utf8");

/** The Python block under a docs heading. */
function snippet(heading: string): string {
  const at = docs.indexOf(heading);
  const start = docs.indexOf("```python", at);
  return docs.slice(start, docs.indexOf("```", start + 3));
}

/** Keys the snippet writes into a run or the file: every `"key":` and `run["key"]`. */
function writtenKeys(code: string): string[] {
  return [...new Set([...code.matchAll(/"(\w+)":/g), ...code.matchAll(/run\["(\w+)"\]/g)].map((m) => m[1]))];
}

const allowed = new Set([...Object.keys(measurementsFileSchema.shape), ...Object.keys(measuredRunSchema.shape)]);

describe.each([
  ["A plain PyTorch loop", "pytorch-loop"],
  ["A Hugging Face `TrainerCallback`", "hf-trainer-callback"],
  ["A Lightning `Callback`", "lightning-callback"],
])("the %s snippet", (heading, name) => {
  it(`writes only keys the schema knows, and its sample file ${name}.sample.json parses`, () => {
    const keys = writtenKeys(snippet(heading));
    expect(keys.length).toBeGreaterThan(8);
    expect(keys.filter((k) => !allowed.has(k))).toEqual([]);
    const read = readMeasurements(sample(name), `${name}.sample.json`);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.file.writer).toBe(name);
  });
});

describe("readMeasurements", () => {
  it("names the wrong field and what it expects", () => {
    const read = readMeasurements('{"version":1,"runs":[{"microBatch":8,"stepSeconds":"fast"}]}', "m.json");
    expect(read).toMatchObject({ ok: false, field: "runs.0.stepSeconds" });
    // The same as an id for the report, the field and the schema's words its parameters.
    expect(read).toMatchObject({
      issue: { id: "config.measurementsInvalid", params: { file: "m.json", field: "runs.0.stepSeconds" } },
    });
    expect(!read.ok && read.message).toBe(
      "m.json: runs.0.stepSeconds: expected seconds per optimizer step (a positive number)",
    );
  });

  it("names an unknown key", () => {
    const read = readMeasurements('{"version":1,"runs":[{"microBatch":8,"stepSeconds":1,"stepMs":1000}]}', "m.json");
    expect(!read.ok && read.message).toBe('m.json: runs.0: unknown key "stepMs"');
  });

  it("says a file is not JSON without quoting what it holds", () => {
    const read = readMeasurements("GITHUB_TOKEN=ghs_secret", "m.json");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).not.toContain("ghs_secret");
    expect(!read.ok && read.message).toMatch(/^m\.json is not valid JSON/);
    expect(!read.ok && read.issue.id).toBe("config.measurementsNotJson");
  });

  it("defaults the accumulation to 1", () => {
    const read = readMeasurements('{"version":1,"runs":[{"microBatch":8,"stepSeconds":0.5}]}', "m.json");
    expect(read.ok && read.file.runs[0].accumulation).toBe(1);
  });
});
