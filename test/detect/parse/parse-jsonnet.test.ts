import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { formatOf } from "../../../src/detect/parse/parse-config.js";
import { parseJsonnet } from "../../../src/detect/parse/parse-jsonnet.js";
import { fixture, table } from "../frameworks/read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

const entry = (text: string, key: string) =>
  parseJsonnet(text, "c.jsonnet").entries.find((e) => e.path.join(".") === key);

describe("Jsonnet, read without an engine", () => {
  it("is the format of .jsonnet and .libsonnet files", () => {
    expect(formatOf("training_config/qa.jsonnet", "")).toBe("jsonnet");
    expect(formatOf("lib/common.libsonnet", "")).toBe("jsonnet");
  });

  it("a field that names a local is reported at the local's line, arithmetic included", () => {
    expect(
      entry(
        "local bs = 64;\nlocal gpu = 8;\n{ trainer: { accum: bs / gpu }, data_loader: { batch_size: gpu } }\n",
        "data_loader.batch_size",
      ),
    ).toMatchObject({ value: 8, line: 2 });
    expect(entry("local bs = 64;\nlocal gpu = 8;\n{ trainer: { accum: bs / gpu } }\n", "trainer.accum")).toMatchObject({
      value: 8,
      line: 3,
    });
  });

  it("comments, trailing commas, single quotes and text blocks are read", () => {
    const r = parseJsonnet("// a comment\n# another\n{ 'a': 1, b: |||\n  text\n|||, c: [1, 2,], }\n", "c.jsonnet");
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([
      ["a", 1],
      ["b", "text\n"],
      ["c.0", 1],
      ["c.1", 2],
    ]);
  });

  it("what only evaluation gives is unknown with its reason", () => {
    expect(inEnglish(entry('{ path: std.extVar("TRAIN") }', "path")?.unknownReason)).toBe(
      "jsonnet external variable TRAIN, passed at run time",
    );
    expect(inEnglish(entry("local base = import 'base.jsonnet';\n{ data: base.data }", "data")?.unknownReason)).toBe(
      "imported from base.jsonnet, not read without the repository",
    );
    expect(inEnglish(entry("{ a: self.b, b: 1 }", "a")?.unknownReason)).toMatch(/self/);
  });

  it("a syntax error comes back with its line, not an exception", () => {
    const r = parseJsonnet("{\n  a: 1\n  b: 2\n}\n", "c.jsonnet");
    expect(r.errors[0]).toMatchObject({ line: 3 });
  });

  it("an AllenNLP config: gpu batch × accumulation (64 / 8) × distributed.cuda_devices", () => {
    const r = detectFile("transformer_qa.jsonnet", fixture("allennlp", "transformer_qa.jsonnet"));
    expect(r.framework).toBe("allennlp");
    expect(table(r).filter(([, role]) => ["micro_batch", "grad_accum", "devices"].includes(role))).toEqual([
      [4, "micro_batch", "data_loader.batch_sampler.batch_size", 8],
      [5, "grad_accum", "trainer.num_gradient_accumulation_steps", 8],
      [32, "devices", "distributed.cuda_devices", 2],
    ]);
    expect(r.effective).toMatchObject({ value: 128, formula: "8 (per device) × 8 (accumulation) × 2 (devices)" });
  });

  it("AllenNLP without a distributed section runs one worker, said as assumed", () => {
    const r = detectFile(
      "ner.jsonnet",
      '{ dataset_reader: { type: "conll2003" }, data_loader: { batch_size: 64 }, trainer: { num_epochs: 5 } }',
    );
    expect(r.effective.value).toBe(64);
    expect(inEnglish(r.effective.assumed)).toEqual(["devices: assumed default of 1 (AllenNLP)"]);
  });
});
