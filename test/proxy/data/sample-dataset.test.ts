import { execFileSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSample } from "../../../src/proxy/data/load-sample.js";
import { MAX_SAMPLE_ROWS, parseSample, readSample } from "../../../src/proxy/data/parse-sample.js";
import { prepareTask } from "../../../src/proxy/prepare-task.js";
import { defaultPlan } from "../../../src/proxy/default-plan.js";
import { seededRandom } from "../../../src/proxy/seeded-random.js";
import { tempFolder } from "../../helpers/temp-repo.js";

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
    await expect(loadSample({ path: "fixtures/samples/malformed-ragged.csv", rng: rng() })).rejects.toThrow(
      "fixtures/samples/malformed-ragged.csv:4: 2 fields, but the header has 3",
    );
    const table = parseSample(
      "a,b,label\n" + Array.from({ length: 30 }, (_, i) => (i === 17 ? "3,oops,1" : "1,2,0")).join("\n"),
      { format: "csv", source: "s.csv" },
    );
    const { sampleDataset } = await import("../../../src/proxy/data/sample-dataset.js");
    expect(() => sampleDataset(table, { source: "s.csv", rng: rng() })).toThrow(
      's.csv:19: column "b" is "oops", not a number',
    );
  });

  it("keeps quoted commas and newlines inside one CSV field", () => {
    const table = parseSample('x,note,label\n1,"a, b\nc",0\n2,"say ""hi""",1\n', { format: "csv", source: "q.csv" });
    expect(table.rows).toEqual([
      [1, "a, b\nc", 0],
      [2, 'say "hi"', 1],
    ]);
    expect(table.lines).toEqual([2, 4]);
  });

  it("bounds the number of rows and the formats it reads", async () => {
    const text = "x,label\n" + "1,0\n".repeat(MAX_SAMPLE_ROWS + 1);
    expect(() => parseSample(text, { format: "csv", source: "big.csv" })).toThrow(
      `big.csv:${MAX_SAMPLE_ROWS + 2}: more than ${MAX_SAMPLE_ROWS} rows`,
    );
    await expect(loadSample({ path: "fixtures/samples/data.parquet", rng: rng() })).rejects.toThrow(
      /must be \.csv, \.jsonl or \.ndjson/,
    );
  });

  it("names the line of a JSONL record that is missing a field", () => {
    expect(() => parseSample('{"a":1,"y":0}\n{"a":2}\n', { format: "jsonl", source: "s.jsonl" })).toThrow(
      's.jsonl:2: missing field "y"',
    );
  });
});

/** A CSV of `bytes` or more: four numeric features and a 3-class label, written in chunks. */
async function bigCsv(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write("a,b,c,d,label\n");
  let rows = 0;
  let written = 0;
  while (written < bytes) {
    let chunk = "";
    for (let i = 0; i < 10_000; i++, rows++)
      chunk += `${(rows % 97) / 7},${(rows % 89) / 3},${(rows % 83) * 1.5},${rows % 71},${rows % 3}\n`;
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return rows;
}

async function* chunksOf(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe("large user samples", () => {
  it("streams a 20 MB CSV into a seeded sample of 50 000 rows and says so", async () => {
    const path = join(tempFolder(), "big.csv");
    const rows = await bigCsv(path, 20 * 1024 * 1024);
    const dataset = await loadSample({ path, rng: rng() });
    expect(dataset.train.count + dataset.eval.count).toBe(MAX_SAMPLE_ROWS);
    expect(dataset.description).toContain(`a seeded sample of ${MAX_SAMPLE_ROWS} of ${rows} rows`);
  });

  it(
    "draws the sample from the seed: the same seed keeps the same rows, another " + "seed others, each row as likely",
    async () => {
      const text = "x,label\n" + Array.from({ length: 1000 }, (_, i) => `${i},${i % 2}\n`).join("");
      const kept = async (seed: number) =>
        (
          await readSample(chunksOf(text, 4096), {
            format: "csv",
            source: "s.csv",
            rng: seededRandom(seed, "data"),
            maxRows: 100,
          })
        ).rows.map((r) => r[0] as number);
      const first = await kept(1);
      expect(first).toHaveLength(100);
      expect(await kept(1)).toEqual(first);
      expect(await kept(2)).not.toEqual(first);
      // Reservoir sampling is uniform: over many seeds, the first and the last hundred rows are kept about equally
      // often.
      let early = 0;
      let late = 0;
      for (let seed = 0; seed < 40; seed++) for (const x of await kept(seed)) x < 100 ? early++ : x >= 900 ? late++ : 0;
      expect(early / late).toBeGreaterThan(0.75);
      expect(early / late).toBeLessThan(1.33);
    },
  );

  it("keeps a file that fits whole, without drawing from the seed", async () => {
    const text = "x,label\n" + Array.from({ length: 100 }, (_, i) => `${i},${i % 2}\n`).join("");
    const table = await readSample(chunksOf(text, 7), { format: "csv", source: "s.csv", rng: rng() });
    expect(table.rows.map((r) => r[0])).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(table.totalRows).toBe(100);
  });

  it("reads records the same however the stream is cut (quotes, doubled quotes, CRLF across chunks)", async () => {
    const text = 'x,note,label\r\n1,"a, b\nc",0\r\n2,"say ""hi""",1\r\n3,ab"c,2\n4, "q" ,1\r\n';
    const whole = parseSample(text, { format: "csv", source: "q.csv" });
    expect(whole.rows).toEqual([
      [1, "a, b\nc", 0],
      [2, 'say "hi"', 1],
      [3, 'ab"c', 2],
      [4, "q", 1],
    ]);
    for (let size = 1; size <= text.length; size++) {
      expect(await readSample(chunksOf(text, size), { format: "csv", source: "q.csv", rng: rng() })).toEqual(whole);
    }
    const jsonl = '{"a":1,"y":0}\r\n{"a":2,"y":1}\n';
    for (let size = 1; size <= jsonl.length; size++) {
      expect(
        (await readSample(chunksOf(jsonl, size), { format: "jsonl", source: "s.jsonl", rng: rng() })).rows,
      ).toEqual([
        [1, 0],
        [2, 1],
      ]);
    }
  });

  it("stops at an unterminated quote or an endless line instead of holding the file", async () => {
    const endless = async function* () {
      yield 'x,label\n1,"';
      for (let i = 0; i < 2000; i++) yield "z".repeat(1024);
    };
    await expect(readSample(endless(), { format: "csv", source: "q.csv", rng: rng() })).rejects.toThrow(
      "q.csv:2: a record longer than 1 MiB (an unterminated quote?)",
    );
    const line = async function* () {
      for (let i = 0; i < 2000; i++) yield "z".repeat(1024);
    };
    await expect(readSample(line(), { format: "jsonl", source: "s.jsonl", rng: rng() })).rejects.toThrow(
      "s.jsonl:1: a line longer than 1 MiB",
    );
  });

  it("refuses a FIFO or a device as a sample at once, naming it", async () => {
    const dir = tempFolder();
    execFileSync("mkfifo", [join(dir, "pipe.csv")]);
    await expect(loadSample({ path: join(dir, "pipe.csv"), rng: rng() })).rejects.toThrow(
      `${join(dir, "pipe.csv")}: data sample is not a regular file (a FIFO); not read`,
    );
    await expect(loadSample({ path: "/dev/zero.csv", rng: rng() })).rejects.toThrow(
      "/dev/zero.csv: data sample not found",
    );
  }, 5000);

  it("does not follow a repository's sample path through a symlink out of the repository", async () => {
    const outside = tempFolder({ "private.csv": "x,label\n" + "1,0\n".repeat(30) });
    const repo = tempFolder({ "data/sample.csv": { symlink: join(outside, "private.csv") } });
    const plan = defaultPlan({
      batchSizes: [8, 32],
      optimizer: "adam",
      seed: 42,
      quick: true,
      data: { kind: "user", samplePath: "data/sample.csv" },
    });
    await expect(prepareTask(plan, { baseDir: repo })).rejects.toThrow(
      'data.samplePath "data/sample.csv" is a symbolic link that leads outside',
    );
    // The same file typed by the user as an absolute path is theirs to use.
    await expect(
      prepareTask({ ...plan, data: { kind: "user", samplePath: join(outside, "private.csv") } }, { baseDir: repo }),
    ).resolves.toBeDefined();
  });
});
