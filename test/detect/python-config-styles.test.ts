import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { parsePython } from "../../src/detect/parse/parse-python.js";
import { fixture, table } from "./frameworks/read-fixture.js";

describe("Python config styles", () => {
  it(
    "get_config() returning an ml_collections ConfigDict: its attributes are the " +
      "settings; a run-time branch does not replace them",
    () => {
      const r = detectFile("vit_b16_finetune.py", fixture("jax", "vit_b16_finetune.py"));
      expect(r.framework).toBe("jax");
      expect(table(r).filter(([, role]) => role.endsWith("batch") || role === "grad_accum")).toEqual([
        [15, "global_batch", "batch", 512],
        [16, "grad_accum", "accum_steps", 8],
        [17, "eval_batch", "batch_eval", 256],
      ]);
      // accum_steps splits the global batch; it does not multiply it.
      expect(r.effective.value).toBe(512);
    },
  );

  it("reads 1. as a float and 10_000 as a number inside get_config()", () => {
    const entries = parsePython(fixture("jax", "vit_b16_finetune.py"), "c.py").entries;
    expect(entries.find((e) => e.path.join(".") === "grad_norm_clip")?.value).toBe(1);
    expect(entries.find((e) => e.path.join(".") === "total_steps")).toMatchObject({ value: 10000, line: 10 });
  });

  it("locals of get_config() that are not the returned config are not settings", () => {
    const entries = parsePython(
      "def get_config():\n  config = mlc.ConfigDict()\n  bs = 64\n  config.batch_size = bs\n  return config\n",
      "c.py",
    ).entries;
    expect(entries.map((e) => [e.path.join("."), e.value, e.line])).toEqual([["batch_size", 64, 3]]);
  });

  it("@dataclass field defaults are settings, under their own names", () => {
    const r = detectFile("training.py", fixture("generic", "train_config_dataclass.py"));
    expect(table(r).filter(([, role]) => role.endsWith("batch") || role === "grad_accum")).toEqual([
      [9, "micro_batch", "batch_size_training", 4],
      [11, "grad_accum", "gradient_accumulation_steps", 2],
      [14, "eval_batch", "val_batch_size", 1],
    ]);
  });

  it("a value passed through a name is reported where it is written", () => {
    const entries = parsePython("batch_size = 128\nmodel.fit(x, batch_size=batch_size)\n", "t.py").entries;
    expect(entries.find((e) => e.path.join(".") === "model.fit.batch_size")).toMatchObject({
      value: 128,
      raw: "128",
      line: 1,
    });
  });
});
