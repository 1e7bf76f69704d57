import { describe, expect, it } from "vitest";
import { parseGin } from "../../../src/detect/parse/parse-gin.js";
import type { Entry } from "../../../src/detect/types.js";
import { inEnglish } from "../../helpers/in-english.js";

const parse = (text: string) => parseGin(text, "finetune.gin");
const at = (entries: Entry[], dotted: string) => entries.find((e) => e.path.join(".") === dotted);

describe("parseGin", () => {
  it("reads a macro as a top-level key", () => {
    expect(parse("BATCH_SIZE = 128\n").entries).toEqual([
      { path: ["BATCH_SIZE"], value: 128, raw: "128", line: 1, column: 14 },
    ]);
  });

  it("splits a binding into the configurable and its parameter, resolving the macro where it writes the value", () => {
    const r = parse("BATCH_SIZE = 128\ntrain/utils.DatasetConfig.batch_size = %BATCH_SIZE\n");
    expect(at(r.entries, "train/utils.DatasetConfig.batch_size")).toEqual({
      path: ["train/utils.DatasetConfig", "batch_size"],
      value: 128,
      raw: "128",
      line: 1,
      column: 14,
    });
  });

  it("resolves a macro bound later in the file, and the last binding of a macro wins", () => {
    const r = parse("train/utils.DatasetConfig.batch_size = %BATCH_SIZE\nBATCH_SIZE = 64\nBATCH_SIZE = 256\n");
    expect(at(r.entries, "train/utils.DatasetConfig.batch_size")?.value).toBe(256);
    expect(r.entries.filter((e) => e.path[0] === "BATCH_SIZE")).toHaveLength(1);
  });

  it("says an unbound macro is not bound in this file", () => {
    expect(
      inEnglish(
        at(
          parse("train/utils.DatasetConfig.batch_size = %BATCH_SIZE\n").entries,
          "train/utils.DatasetConfig.batch_size",
        ),
      ),
    ).toMatchObject({
      value: null,
      raw: "%BATCH_SIZE",
      unknownReason: "gin macro %BATCH_SIZE is not bound in this file",
    });
    expect(
      inEnglish(at(parse("MIXTURE_OR_TASK_NAME = %gin.REQUIRED\n").entries, "MIXTURE_OR_TASK_NAME")?.unknownReason),
    ).toMatch(/^gin\.REQUIRED/);
  });

  it("reads the block form as the dotted form", () => {
    const r = parse("train/utils.DatasetConfig:\n  batch_size = 8\n  shuffle = True\nBATCH_SIZE = 1\n");
    expect(r.entries.map((e) => [e.path, e.value, e.line])).toEqual([
      [["train/utils.DatasetConfig", "batch_size"], 8, 2],
      [["train/utils.DatasetConfig", "shuffle"], true, 3],
      [["BATCH_SIZE"], 1, 4],
    ]);
  });

  it("keeps include lines as entries, in order", () => {
    const r = parse("include 't5x/configs/runs/finetune.gin'\ninclude \"base.gin\"\n");
    expect(r.entries.map((e) => [e.path, e.value])).toEqual([
      [["include", "0"], "t5x/configs/runs/finetune.gin"],
      [["include", "1"], "base.gin"],
    ]);
  });

  it("reads dicts, tuples, negative numbers, None and @refs (refs as strings)", () => {
    const r = parse(
      "TASK_FEATURE_LENGTHS = {'inputs': 512, 'targets': 114}\nx.shape = (8, " +
        "-1)\ntrainer.Trainer.num_microbatches = " +
        "None\ntrain_script.train.partitioner = @partitioning.PjitPartitioner()\n",
    );
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([
      ["TASK_FEATURE_LENGTHS.inputs", 512],
      ["TASK_FEATURE_LENGTHS.targets", 114],
      ["x.shape.0", 8],
      ["x.shape.1", -1],
      ["trainer.Trainer.num_microbatches", null],
      ["train_script.train.partitioner", "@partitioning.PjitPartitioner()"],
    ]);
  });

  it("expands a dict macro under the binding that uses it", () => {
    const r = parse("LENGTHS = {'inputs': 512}\ntrain/utils.DatasetConfig.task_feature_lengths = %LENGTHS\n");
    expect(at(r.entries, "train/utils.DatasetConfig.task_feature_lengths.inputs")).toMatchObject({
      value: 512,
      line: 1,
    });
  });

  it("reads values that span lines inside brackets", () => {
    const r = parse("x.sizes = [\n  8,\n  16,  # big\n]\n");
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.line])).toEqual([
      ["x.sizes.0", 8, 2],
      ["x.sizes.1", 16, 3],
    ]);
    expect(r.comments).toEqual([{ line: 3, text: "big" }]);
  });

  it("keeps a commented-out binding as a comment and skips imports", () => {
    const r = parse(
      "from __gin__ import dynamic_registration\nimport t5.data.mixtures\n# BATCH_SIZE = 2048\nBATCH_SIZE = 128\n",
    );
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([["BATCH_SIZE", 128]]);
    expect(r.comments).toEqual([{ line: 3, text: "BATCH_SIZE = 2048" }]);
    expect(r.errors).toEqual([]);
  });

  it("reports malformed lines with line and column and keeps the rest", () => {
    const r = parse("BATCH_SIZE = 128\nthis is not gin\nx.y = \nz.w = [1, 2\n");
    expect(r.errors.map((e) => [e.message, e.line])).toEqual([
      ['gin: expected a binding "name = value", found "this"', 2],
      ["gin: missing value", 3],
      ['gin: unclosed "["', 4],
    ]);
    expect(at(r.entries, "BATCH_SIZE")?.value).toBe(128);
    expect(r.entries.filter((e) => e.path[0] === "z").map((e) => e.value)).toEqual([1, 2]);
    expect(at(r.entries, "x.y")).toBeUndefined();
  });
});
