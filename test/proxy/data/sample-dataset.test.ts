import { describe, expect, it } from "vitest";
import { loadSample } from "../../../src/proxy/data/load-sample.js";
import { MAX_SAMPLE_ROWS, parseSample } from "../../../src/proxy/data/parse-sample.js";
import { seededRandom } from "../../../src/proxy/seeded-random.js";

const rng = () => seededRandom(1, "data");

describe("user samples", () => {
  it("turns a CSV with a text label into standardised features and classes", async () => {
    const dataset = await loadSample({ path: "fixtures/samples/iris-like.csv", rng: rng() });
    expect(dataset.task).toBe("classification");
    expect(dataset.outputs).toBe(3);
    expect(dataset.inputShape).toEqual([4]);
    expect(dataset.train.count + dataset.eval.count).toBe(150);
    expect(dataset.description).toMatch(/label "species": 3 classes/);
    const first = Array.from(dataset.train.x.subarray(0, dataset.train.count * 4)).filter((_, i) => i % 4 === 0);
    const mean = first.reduce((a, b) => a + b, 0) / first.length;
    expect(Math.abs(mean)).toBeLessThan(1e-5);
  });

  it("reads JSONL with a real-valued target as regression", async () => {
    const dataset = await loadSample({ path: "fixtures/samples/regression.jsonl", rng: rng() });
    expect(dataset.task).toBe("regression");
    expect(dataset.inputShape).toEqual([3]);
  });

  it("names the line of a ragged CSV row and of a non-numeric feature", async () => {
    await expect(loadSample({ path: "fixtures/samples/malformed-ragged.csv", rng: rng() })).rejects.toThrow("fixtures/samples/malformed-ragged.csv:4: 2 fields, but the header has 3");
    const table = parseSample("a,b,label\n" + Array.from({ length: 30 }, (_, i) => (i === 17 ? "3,oops,1" : "1,2,0")).join("\n"), { format: "csv", source: "s.csv" });
    const { sampleDataset } = await import("../../../src/proxy/data/sample-dataset.js");
    expect(() => sampleDataset(table, { source: "s.csv", rng: rng() })).toThrow('s.csv:19: column "b" is "oops", not a number');
  });

  it("keeps quoted commas and newlines inside one CSV field", () => {
    const table = parseSample('x,note,label\n1,"a, b\nc",0\n2,"say ""hi""",1\n', { format: "csv", source: "q.csv" });
    expect(table.rows).toEqual([[1, "a, b\nc", 0], [2, 'say "hi"', 1]]);
    expect(table.lines).toEqual([2, 4]);
  });

  it("bounds the number of rows and the formats it reads", async () => {
    const text = "x,label\n" + "1,0\n".repeat(MAX_SAMPLE_ROWS + 1);
    expect(() => parseSample(text, { format: "csv", source: "big.csv" })).toThrow(`big.csv:${MAX_SAMPLE_ROWS + 2}: more than ${MAX_SAMPLE_ROWS} rows`);
    await expect(loadSample({ path: "fixtures/samples/data.parquet", rng: rng() })).rejects.toThrow(/must be \.csv, \.jsonl or \.ndjson/);
  });

  it("names the line of a JSONL record that is missing a field", () => {
    expect(() => parseSample('{"a":1,"y":0}\n{"a":2}\n', { format: "jsonl", source: "s.jsonl" })).toThrow('s.jsonl:2: missing field "y"');
  });
});
