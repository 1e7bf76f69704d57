import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { catalogue } from "../../src/detect/frameworks/catalogue.js";
import { parseConfig } from "../../src/detect/parse/parse-config.js";
import { fixture } from "./frameworks/read-fixture.js";
import { inEnglish } from "../helpers/in-english.js";

describe("honest failure", () => {
  it("no device setting is ever at line 0, even one read from a file or test name", () => {
    const r = detectFile(
      "configs/rtmdet/rtmdet_l_8xb32-300e_coco.py",
      fixture("mmengine", "rtmdet_l_8xb32-300e_coco.py"),
    );
    const devices = r.settings.filter((s) => s.role === "devices");
    expect(devices.length).toBeGreaterThan(0);
    expect(devices.every((s) => s.line >= 1)).toBe(true);
  });

  it('a DeepSpeed "auto" says which rule decides it', () => {
    const r = detectFile("ds.json", '{"train_micro_batch_size_per_gpu": "auto", "zero_optimization": {"stage": 2}}');
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown).join(" ")).toMatch(/"auto"/);
  });

  it("an explicit null means the framework default, said as assumed", () => {
    const r = detectFile("args.yaml", "per_device_train_batch_size: null\nlr_scheduler_type: cosine\n", { devices: 1 });
    expect(r.framework).toBe("huggingface");
    expect(inEnglish(r.effective.assumed)).toEqual([
      "per-device batch: assumed default of 8 (transformers TrainingArguments)",
    ]);
  });

  it("a file that does not parse is reported with its error and line", () => {
    const r = detectFile("bad.jsonnet", "{ a: 1 b: 2 }");
    expect(r.errors[0].message).toMatch(/^Jsonnet: /);
    expect(r.errors[0].line).toBe(1);
  });

  it("every format batch-advisor picks for a config has a parser", () => {
    for (const path of ["a.yaml", "a.json", "a.toml", "a.py", "a.sh", "a.gin", "a.jsonnet", "a.ps1"]) {
      expect(
        parseConfig(path, "").errors.filter((e) => /No parser/.test(e.message)),
        path,
      ).toEqual([]);
    }
  });

  it("a run that only evaluates (eval_only = True, do_train: false) reports no training batch", () => {
    expect(detectFile("eval.py", "batch_size = 8\neval_only = True\n").settings.map((s) => s.role)).toEqual([
      "eval_batch",
    ]);
    expect(detectFile("eval.yaml", "do_train: false\nbatch_size: 16\n").settings.map((s) => s.role)).toEqual([
      "eval_batch",
    ]);
  });

  it("the catalogue still ends with the generic fallback", () => {
    expect(catalogue[catalogue.length - 1].id).toBe("generic");
  });
});
