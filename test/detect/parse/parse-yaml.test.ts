import { describe, expect, it } from "vitest";
import { parseJson } from "../../../src/detect/parse/parse-json.js";
import { parseYaml } from "../../../src/detect/parse/parse-yaml.js";
import { inEnglish } from "../../helpers/in-english.js";

const at = (entries: ReturnType<typeof parseYaml>["entries"], key: string) =>
  entries.find((e) => e.path.join(".") === key);

describe("parseYaml", () => {
  it("resolves anchors and merge keys, explicit keys winning over merged ones", () => {
    const { entries, errors } = parseYaml(
      "defaults: &d\n  batch_size: 8\n  lr: 0.1\nrun:\n  <<: *d\n  batch_size: 32\n",
      "a.yaml",
    );
    expect(errors).toEqual([]);
    expect(at(entries, "run.batch_size")).toMatchObject({ value: 32, line: 6 });
    // A merged value points at the anchor's line, where a reviewer would change it.
    expect(at(entries, "run.lr")).toMatchObject({ value: 0.1, line: 3 });
  });

  it("reads every document of a multi-document file", () => {
    const { entries } = parseYaml("batch_size: 8\n---\nbatch_size: 16\n", "a.yaml");
    expect(entries.map((e) => [e.document, e.value, e.line])).toEqual([
      [0, 8, 1],
      [1, 16, 3],
    ]);
  });

  it("keeps comments apart: a commented-out batch size is not a setting", () => {
    const { entries, comments } = parseYaml("# batch_size: 64\nbatch_size: 8  # per GPU\n", "a.yaml");
    expect(entries).toHaveLength(1);
    expect(comments).toEqual([
      { line: 1, text: "batch_size: 64" },
      { line: 2, text: "per GPU" },
    ]);
  });

  it("records run-time values as unknown with the reason", () => {
    const { entries } = parseYaml("a: ${oc.env:BS,32}\nb: ${eval:'2*8'}\nc: auto\nd: ${data.batch_size}\n", "a.yaml");
    expect(inEnglish(entries.map((e) => e.unknownReason))).toEqual([
      "read from environment variable BS at run time",
      "computed by the resolver eval at run time",
      '"auto": chosen at run time by the framework',
      "interpolation ${data.batch_size} is not resolved in this file",
    ]);
    expect(entries.every((e) => e.value === null)).toBe(true);
  });

  it("stops an alias bomb with an error instead of expanding it", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n");
    const { errors } = parseYaml(bomb, "bomb.yaml");
    expect(errors[0].message).toMatch(/alias expansions|more than/);
  });

  it("reports a syntax error with its line and column", () => {
    const { errors } = parseYaml("a: 1\nb: : :\n", "bad.yaml");
    expect(errors[0]).toMatchObject({ line: 2 });
    expect(errors[0].message).toMatch(/^YAML: /);
  });
});

describe("parseJson", () => {
  it("reads JSONC comments and trailing commas, with value lines", () => {
    const { entries, comments, errors } = parseJson(
      '{\n  // micro batch\n  "train_micro_batch_size_per_gpu": 4,\n  "zero_optimization": {"stage": 2,},\n}\n',
      "ds.json",
    );
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.path.join("."), e.value, e.line, e.column])).toEqual([
      ["train_micro_batch_size_per_gpu", 4, 3, 37],
      ["zero_optimization.stage", 2, 4, 34],
    ]);
    expect(comments).toEqual([{ line: 2, text: "micro batch" }]);
  });

  it("keeps the values before a syntax error and names its line", () => {
    const { entries, errors } = parseJson(
      '{\n  "train_batch_size": 64,\n  "gradient_accumulation_steps" 2\n}',
      "ds.json",
    );
    expect(entries[0]).toMatchObject({ value: 64, line: 2 });
    expect(errors[0]).toMatchObject({ line: 3 });
  });
});
