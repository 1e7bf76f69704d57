import { describe, expect, it } from "vitest";
import { parseToml } from "../../../src/detect/parse/parse-toml.js";
import type { Entry } from "../../../src/detect/types.js";
import { inEnglish } from "../../helpers/in-english.js";

const parse = (text: string) => parseToml(text, "train.toml");
const at = (entries: Entry[], dotted: string) => entries.find((e) => e.path.join(".") === dotted);

describe("parseToml", () => {
  it("reads torchtitan's [training] local_batch_size with its line and column", () => {
    const r = parse('[job]\ndump_folder = "./outputs"\n\n[training]\nlocal_batch_size = 8\nseq_len = 2048\n');
    expect(at(r.entries, "training.local_batch_size")).toEqual({
      path: ["training", "local_batch_size"],
      value: 8,
      raw: "8",
      line: 5,
      column: 20,
    });
    expect(at(r.entries, "training.seq_len")).toMatchObject({ value: 2048, line: 6 });
    expect(r.errors).toEqual([]);
  });

  it("finds the lines of dotted keys, quoted keys and nested tables", () => {
    const r = parse(
      '[optimizer]\nname = "AdamW"\nparams.lr = 8e-4\n"weight decay" = 0.1\n[parallelism.fsdp]\ndegree = -1\n',
    );
    expect(at(r.entries, "optimizer.params.lr")).toMatchObject({ value: 0.0008, raw: "8e-4", line: 3, column: 13 });
    expect(at(r.entries, "optimizer.weight decay")).toMatchObject({ value: 0.1, line: 4 });
    expect(at(r.entries, "parallelism.fsdp.degree")).toMatchObject({ value: -1, line: 6 });
  });

  it("finds values inside inline tables and multi-line arrays", () => {
    const r = parse("data = { batch_size = 16, sizes = [8,\n  32] }\n");
    expect(at(r.entries, "data.batch_size")).toMatchObject({ value: 16, line: 1, column: 23 });
    expect(at(r.entries, "data.sizes.1")).toMatchObject({ value: 32, line: 2, column: 3 });
  });

  it("counts [[array]] tables, nested ones per element", () => {
    const r = parse("[[runs]]\nbs = 8\n[[runs]]\nbs = 16\n[runs.opt]\nlr = 1\n[[runs.stage]]\nn = 1\n");
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.line])).toEqual([
      ["runs.0.bs", 8, 2],
      ["runs.1.bs", 16, 4],
      ["runs.1.opt.lr", 1, 6],
      ["runs.1.stage.0.n", 1, 8],
    ]);
  });

  it("reads numbers with underscores, infinities and dates as written", () => {
    const r = parse("steps = 1_000\nmax = inf\nday = 2024-01-31\n");
    expect(r.entries.map((e) => e.value)).toEqual([1000, "inf", "2024-01-31"]);
  });

  it('marks run-time values such as "auto" as unknown', () => {
    expect(inEnglish(at(parse('micro_batch_size = "auto"\n').entries, "micro_batch_size"))).toMatchObject({
      value: null,
      unknownReason: '"auto": chosen at run time by the framework',
    });
  });

  it("keeps comments as comments, but not a # inside a string", () => {
    const r = parse(
      "# local_batch_size = 64\n[training]  # the loop\nname = " +
        '"run#1"\nlocal_batch_size = 8 # was 4\ns = """\n# inside\n"""\n',
    );
    expect(r.entries.map((e) => e.path.join("."))).toEqual([
      "training.name",
      "training.local_batch_size",
      "training.s",
    ]);
    expect(r.comments).toEqual([
      { line: 1, text: "local_batch_size = 64" },
      { line: 2, text: "the loop" },
      { line: 4, text: "was 4" },
    ]);
  });

  it("reports a syntax error with smol-toml's line and column and keeps the settings before it", () => {
    const r = parse("[training]\nlocal_batch_size = 8\nbroken = \nlr = 3\n");
    expect(r.errors).toEqual([
      {
        message: "TOML: invalid value",
        line: 3,
        column: 10,
        problem: { id: "parse.syntax", params: { format: "TOML", detail: "invalid value" } },
      },
    ]);
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([["training.local_batch_size", 8]]);
  });

  it("reports a duplicate key", () => {
    const r = parse("bs = 1\nbs = 2\n");
    expect(r.errors[0]).toMatchObject({ line: 2 });
    expect(r.errors[0].message).toMatch(/^TOML: /);
  });

  it("refuses nesting deeper than its bound without throwing", () => {
    const r = parse("x = " + "[".repeat(500) + "]".repeat(500) + "\n");
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.entries).toEqual([]);
  });
});
