import { describe, expect, it } from "vitest";
import { parsePython } from "../../../src/detect/parse/parse-python.js";
import type { Entry } from "../../../src/detect/types.js";
import { inEnglish } from "../../helpers/in-english.js";

const parse = (text: string) => parsePython(text, "config.py");
const at = (entries: Entry[], dotted: string) => entries.filter((e) => e.path.join(".") === dotted);
const one = (text: string, dotted: string) => {
  const found = at(parse(text).entries, dotted);
  expect(found, `exactly one entry at ${dotted}`).toHaveLength(1);
  return found[0];
};

describe("parsePython: module-level assignments", () => {
  it("reads a plain assignment with its 1-based line and the column of the value", () => {
    expect(parse("# config\nbatch_size = 12\n").entries).toEqual([
      { path: ["batch_size"], value: 12, raw: "12", line: 2, column: 14 },
    ]);
  });

  it("evaluates literal arithmetic the way nanoGPT configs write it", () => {
    const r = parse(
      "gradient_accumulation_steps = 5 * 8\na = 2 ** 3\nb = 256 // 4\nc = 1e-3 / " +
        "2\nd = -(3 + 1)\ne = 7 % 3\nf = -7 // 2\ng = 1_000\n",
    );
    const values = Object.fromEntries(r.entries.map((e) => [e.path.join("."), e.value]));
    expect(values).toEqual({ gradient_accumulation_steps: 40, a: 8, b: 64, c: 0.0005, d: -4, e: 1, f: -4, g: 1000 });
    expect(r.entries[0].raw).toBe("5 * 8");
  });

  it("groups a power to the right, as Python does", () => {
    expect(one("x = 2 ** 3 ** 2\n", "x").value).toBe(512);
  });

  it("substitutes a name bound earlier in the file, reporting it where the value is written", () => {
    const e = one(
      "train_batch_size_per_gpu = 16\ntrain_dataloader = dict(batch_size=train_batch_size_per_gpu)\n",
      "train_dataloader.batch_size",
    );
    expect(e).toEqual({
      path: ["train_dataloader", "batch_size"],
      value: 16,
      raw: "16",
      line: 1,
      column: 28,
      context: "dict",
    });
  });

  it("computes with names: nanoGPT's tokens per iteration", () => {
    const r = parse(
      "batch_size = 12\nblock_size = 1024\ngradient_accumulation_steps = 5 * " +
        "8\ntokens = gradient_accumulation_steps * batch_size * block_size\n",
    );
    expect(at(r.entries, "tokens")[0].value).toBe(491520);
  });

  it("keeps strings as their contents, with every quoting and prefix", () => {
    const r = parse("a = 'x'\nb = \"y\"\nc = r'\\n'\nd = '''t\nu'''\ne = ('p' 'q')\nf = 'a\\tb'\ng = f'plain'\n");
    const values = Object.fromEntries(r.entries.map((e) => [e.path.join("."), e.value]));
    expect(values).toEqual({ a: "x", b: "y", c: "\\n", d: "t\nu", e: "pq", f: "a\tb", g: "plain" });
  });

  it("reads True, False and None", () => {
    const r = parse("a = True\nb = False\nc = None\n");
    expect(r.entries.map((e) => e.value)).toEqual([true, false, null]);
    expect(inEnglish(r.entries.every((e) => e.unknownReason === undefined))).toBe(true);
  });

  it("keeps mmdet _base_ inheritance, as a list or a single string", () => {
    const list = parse("_base_ = ['../_base_/models/retinanet.py', '../_base_/default_runtime.py']\n").entries;
    expect(list.map((e) => [e.path, e.value])).toEqual([
      [["_base_", "0"], "../_base_/models/retinanet.py"],
      [["_base_", "1"], "../_base_/default_runtime.py"],
    ]);
    expect(one("_base_ = './base.py'\n", "_base_").value).toBe("./base.py");
  });

  it("lets a later assignment replace an earlier one, the whole dict included", () => {
    const r = parse("bs = 8\nloader = dict(batch_size=4, workers=2)\nbs = 16\nloader = dict(batch_size=32)\n");
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.line])).toEqual([
      ["bs", 16, 3],
      ["loader.batch_size", 32, 4],
    ]);
  });

  it("applies augmented assignment to a known number", () => {
    const e = one("batch_size = 8\nbatch_size *= 4\n", "batch_size");
    expect(e).toMatchObject({ value: 32, line: 2 });
  });

  it("pairs tuple assignments and ignores starred or computed unpacking", () => {
    const r = parse("a, b = 1, 2\n(c, d) = [3, 4]\ne, f = get()\n");
    expect(at(r.entries, "a")[0].value).toBe(1);
    expect(at(r.entries, "d")[0].value).toBe(4);
    expect(inEnglish(at(r.entries, "e")[0].unknownReason)).toBe("unpacked from get() at run time");
  });

  it("reads chained and annotated assignments", () => {
    const r = parse("a = b = 3\nc: int = 4\nd: int\n");
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([
      ["a", 3],
      ["b", 3],
      ["c", 4],
    ]);
  });
});

describe("parsePython: unknown values say why", () => {
  it("names the environment variable an int() conversion reads", () => {
    const e = one('import os\nbs = int(os.environ["BS"])\n', "bs");
    expect(inEnglish(e)).toMatchObject({
      value: null,
      raw: 'int(os.environ["BS"])',
      unknownReason: "read from environment variable BS at run time",
    });
    expect(inEnglish(one('import os\nbs = int(os.getenv("BS", 8))\n', "bs").unknownReason)).toBe(
      "read from environment variable BS at run time",
    );
    expect(inEnglish(one('import os\nbs = os.environ.get("BS")\n', "bs").unknownReason)).toBe(
      "read from environment variable BS at run time",
    );
  });

  it("carries the reason through a name and through arithmetic", () => {
    const e = one('import os\nbs = int(os.environ["BS"])\ntotal = bs * 8\n', "total");
    expect(inEnglish(e)).toMatchObject({
      value: null,
      raw: "bs * 8",
      unknownReason: "read from environment variable BS at run time",
    });
  });

  it("says a name is not defined in this file", () => {
    expect(inEnglish(one("bs = per_gpu * 2\n", "bs").unknownReason)).toBe("name per_gpu is not defined in this file");
  });

  it("says where an imported name comes from", () => {
    expect(inEnglish(one("from .base import batch_size\nbs = batch_size\n", "bs").unknownReason)).toBe(
      "name batch_size is imported from .base",
    );
  });

  it("reports the result of an arbitrary call as unknown", () => {
    expect(inEnglish(one("bs = compute_batch()\n", "bs").unknownReason)).toBe(
      "value returned by compute_batch() at run time",
    );
  });

  it("treats an f-string with a placeholder as unknown", () => {
    expect(inEnglish(one('run = f"bs{bs}"\n', "run"))).toMatchObject({
      value: null,
      unknownReason: "f-string formatted at run time",
    });
  });

  it("refuses 9**9**9 instead of computing Infinity", () => {
    expect(inEnglish(one("x = 9**9**9\n", "x"))).toMatchObject({
      value: null,
      unknownReason: "the result is too large to evaluate exactly",
    });
    expect(inEnglish(one("x = 2 ** 60\n", "x").unknownReason)).toBe("the result is too large to evaluate exactly");
    expect(inEnglish(one("x = 1 / 0\n", "x").unknownReason)).toBe("division by zero");
  });

  it("does not compute with strings beyond concatenation", () => {
    expect(one("a = 'x' + 'y'\n", "a").value).toBe("xy");
    expect(one("a = 'x' * 3\n", "a").value).toBeNull();
  });

  it("says a function parameter is set by its caller", () => {
    const e = one("def main(bs=3):\n    trainer.fit(batch_size=bs)\n", "trainer.fit.batch_size");
    expect(inEnglish(e.unknownReason)).toBe("parameter bs of main() is set by its caller");
  });
});

describe("parsePython: dicts, lists and calls nest", () => {
  it("nests dict(...) calls with context dict", () => {
    const r = parse("train_dataloader = dict(batch_size=2, sampler=dict(type='X'))\n");
    expect(r.entries).toEqual([
      { path: ["train_dataloader", "batch_size"], value: 2, raw: "2", line: 1, column: 36, context: "dict" },
      { path: ["train_dataloader", "sampler", "type"], value: "X", raw: "'X'", line: 1, column: 57, context: "dict" },
    ]);
  });

  it("nests {...} literals and lists by index", () => {
    const r = parse('ds = {"train_batch_size": 8, "zero": {"stage": 2}, "gpus": [0, 1]}\n');
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.context])).toEqual([
      ["ds.train_batch_size", 8, undefined],
      ["ds.zero.stage", 2, undefined],
      ["ds.gpus.0", 0, undefined],
      ["ds.gpus.1", 1, undefined],
    ]);
  });

  it("spreads a known dict into dict(...) and {**...}", () => {
    const r = parse(
      "base = dict(batch_size=8, workers=2)\nloader = dict(base, batch_size=16)\nother = {**base, 'workers': 4}\n",
    );
    expect(at(r.entries, "loader.batch_size")[0].value).toBe(16);
    expect(at(r.entries, "loader.workers")[0].value).toBe(2);
    expect(at(r.entries, "other.workers")[0].value).toBe(4);
    expect(at(r.entries, "other.batch_size")[0]).toMatchObject({ value: 8, line: 1 });
  });

  it("files keyword arguments of a bare call under the callee's dotted name", () => {
    expect(one("model.fit(x, y, batch_size=64, epochs=3)\n", "model.fit.batch_size")).toEqual({
      path: ["model.fit", "batch_size"],
      value: 64,
      raw: "64",
      line: 1,
      column: 28,
      context: "model.fit",
    });
  });

  it("files keyword arguments of an assigned call under the target, with the callee as context", () => {
    expect(
      one("args = TrainingArguments(per_device_train_batch_size=4)\n", "args.per_device_train_batch_size"),
    ).toMatchObject({ value: 4, context: "TrainingArguments" });
    expect(one("import lightning as L\ntrainer = L.Trainer(devices=4)\n", "trainer.devices")).toMatchObject({
      value: 4,
      context: "L.Trainer",
    });
  });

  it("keeps a nested call's own context inside dict(...)", () => {
    const r = parse("cfg = dict(trainer=Trainer(devices=8), data=dict(batch_size=4))\n");
    expect(at(r.entries, "cfg.trainer.devices")[0].context).toBe("Trainer");
    expect(at(r.entries, "cfg.data.batch_size")[0].context).toBe("dict");
  });

  it("finds a call passed positionally to another call", () => {
    const r = parse("trainer = Trainer(model, TrainingArguments(per_device_train_batch_size=2))\n");
    expect(at(r.entries, "TrainingArguments.per_device_train_batch_size")[0]).toMatchObject({
      value: 2,
      context: "TrainingArguments",
    });
  });

  it("does not repeat a built object's settings where it is passed on, but reads its fields", () => {
    const r = parse(
      "config = SFTConfig(per_device_train_batch_size=4)\ntrainer = " +
        "SFTTrainer(model, args=config)\nbs = config.per_device_train_batch_size * 2\n",
    );
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([
      ["config.per_device_train_batch_size", 4],
      ["bs", 8],
    ]);
  });

  it("does expand a dict(...) passed on by name, mmdet style", () => {
    const r = parse(
      "base_loader = dict(batch_size=8)\ntrain_dataloader = dict(base_loader, " +
        "num_workers=2)\nval_dataloader = base_loader\n",
    );
    expect(at(r.entries, "train_dataloader.batch_size")[0]).toMatchObject({ value: 8, line: 1 });
    expect(at(r.entries, "val_dataloader.batch_size")[0]).toMatchObject({ value: 8, line: 1 });
  });

  it("puts an argparse flag's name in the path of its default", () => {
    const r = parse('parser.add_argument("-b", "--batch-size", type=int, default=128)\n');
    expect(at(r.entries, "parser.add_argument.batch-size.default")[0]).toMatchObject({
      value: 128,
      context: "parser.add_argument",
    });
  });

  it("reads attribute and subscript assignment targets, detectron2 LazyConfig style", () => {
    const r = parse(
      "dataloader.train.total_batch_size = 64\noptimizer.lr = 0.1\ncfg['a']['b'] = 3\ncfg.SOLVER.IMS_PER_BATCH = 16\n",
    );
    expect(r.entries.map((e) => [e.path, e.value])).toEqual([
      [["dataloader", "train", "total_batch_size"], 64],
      [["optimizer", "lr"], 0.1],
      [["cfg", "a", "b"], 3],
      [["cfg", "SOLVER", "IMS_PER_BATCH"], 16],
    ]);
  });

  it("reads an attribute assigned earlier back as a number", () => {
    const e = one(
      "dataloader.train.total_batch_size = 64\noptimizer.lr = 0.1 * dataloader.train.total_batch_size / 16\n",
      "optimizer.lr",
    );
    expect(e.value).toBeCloseTo(0.4);
  });
});

describe("parsePython: scopes", () => {
  it("ignores assignments in function and class bodies but keeps their calls' keyword arguments", () => {
    const text = [
      "class Config:",
      "    batch_size = 99",
      "def main():",
      "    batch_size = 32",
      "    args = TrainingArguments(per_device_train_batch_size=batch_size)",
      "    trainer.train(resume=True)",
      "",
    ].join("\n");
    const r = parse(text);
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.line, e.context])).toEqual([
      ["args.per_device_train_batch_size", 32, 4, "TrainingArguments"],
      ["trainer.train.resume", true, 6, "trainer.train"],
    ]);
  });

  it('reads assignments under if __name__ == "__main__": as module code', () => {
    const r = parse('if __name__ == "__main__":\n    epochs = 3\n    model.fit(x, batch_size=epochs * 4)\n');
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([
      ["epochs", 3],
      ["model.fit.batch_size", 12],
    ]);
  });

  it("reads keyword arguments in decorators", () => {
    const r = parse('@click.option("--batch-size", default=32)\ndef main(batch_size):\n    pass\n');
    expect(at(r.entries, "click.option.batch-size.default")[0].value).toBe(32);
  });

  it("treats a loop variable as unknown", () => {
    const e = one("for bs in [8, 16]:\n    run(batch_size=bs)\n", "run.batch_size");
    expect(inEnglish(e.unknownReason)).toBe("loop variable bs takes its values at run time");
  });
});

describe("parsePython: comments and errors", () => {
  it("keeps decoy comments as comments, not settings", () => {
    const r = parse("# batch_size = 64\nbatch_size = 8  # was 16\n");
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([["batch_size", 8]]);
    expect(r.comments).toEqual([
      { line: 1, text: "batch_size = 64" },
      { line: 2, text: "was 16" },
    ]);
  });

  it("does not read a # inside a string as a comment", () => {
    const r = parse("tag = 'run#1'\n");
    expect(r.comments).toEqual([]);
    expect(r.entries[0].value).toBe("run#1");
  });

  it("reports a syntax error with line and column and keeps the entries it could read", () => {
    const r = parse("batch_size = 8\nlr = (\nepochs = 3\n");
    expect(r.errors[0]).toMatchObject({ message: "Python: syntax error", line: 3 });
    expect(r.errors[0].column).toBeGreaterThanOrEqual(1);
    expect(at(r.entries, "batch_size")[0].value).toBe(8);
  });

  it("reads an unterminated dict up to the fault", () => {
    const r = parse("cfg = dict(batch_size=4,\n");
    expect(r.errors.length).toBeGreaterThan(0);
    expect(at(r.entries, "cfg.batch_size")[0].value).toBe(4);
  });

  it("survives hostile nesting and long lines", () => {
    const deep = parse("x = " + "[".repeat(5000) + "1" + "]".repeat(5000) + "\n");
    const long = parse("x = " + "1 + ".repeat(100_000) + "1\n");
    expect(deep.entries.length + deep.errors.length).toBeGreaterThan(0);
    expect(long.entries[0].path).toEqual(["x"]);
  });

  it("refuses brackets nested deeper than Python allows, keeping the lines before", () => {
    const r = parse("batch_size = 8\nx = " + "(".repeat(300_000) + ")".repeat(300_000) + "\n");
    expect(r.errors[0]).toMatchObject({ line: 2, column: 205 });
    expect(r.errors[0].message).toMatch(/^Python: brackets nested deeper than 200 levels/);
    expect(r.entries.map((e) => [e.path.join("."), e.value])).toEqual([["batch_size", 8]]);
  });

  it("does not count brackets inside strings and comments as nesting", () => {
    const r = parse("a = '" + "(".repeat(300) + "'\n# " + "[".repeat(300) + "\nb = 1\n");
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => e.path[0])).toEqual(["a", "b"]);
  });

  it("stops expanding shared structures that would multiply", () => {
    const lines = ["a0 = [1, 2]"];
    for (let i = 1; i < 40; i++) lines.push(`a${i} = [a${i - 1}, a${i - 1}]`);
    const r = parse(lines.join("\n") + "\n");
    expect(r.entries.length).toBeLessThanOrEqual(50_000);
    expect(r.errors.some((e) => /the rest of the file was skipped/.test(e.message))).toBe(true);
  });
});
