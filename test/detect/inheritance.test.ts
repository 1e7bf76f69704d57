import { describe, expect, it } from "vitest";
import { parentRefs, withInheritance } from "../../src/detect/inheritance.js";
import { parseConfig } from "../../src/detect/parse/parse-config.js";
import { inEnglish } from "../helpers/in-english.js";

const files: Record<string, string> = {
  "conf/train.yaml": "defaults:\n  - data: mnist\n  - override /trainer@pl: ddp\n  - _self_\ndata:\n  num_workers: 4\n",
  "conf/data/mnist.yaml": "batch_size: 64\nnum_workers: 0\n",
  "conf/trainer/ddp.yaml": "devices: 4\n",
  "loop/a.yaml": "defaults:\n  - b\nbatch_size: 1\n",
  "loop/b.yaml": "defaults:\n  - a\nlr: 0.1\n",
};
const read = async (p: string) => files[p] ?? null;

describe("inheritance", () => {
  it("finds Hydra group defaults with their package and skips _self_", () => {
    expect(parentRefs(parseConfig("conf/train.yaml", files["conf/train.yaml"]))).toEqual([
      { path: "conf/data/mnist.yaml", prefix: ["data"], line: 2 },
      { path: "conf/trainer/ddp.yaml", prefix: ["pl"], line: 3 },
    ]);
  });

  it("finds OpenMMLab _base_ lists and detectron2 _BASE_ relative to the config", () => {
    const mm = parseConfig("configs/rtmdet/x.yaml", "_base_:\n  - ../_base_/default_runtime.py\n  - ./rtmdet_l.py\n");
    expect(parentRefs(mm).map((r) => r.path)).toEqual([
      "configs/_base_/default_runtime.py",
      "configs/rtmdet/rtmdet_l.py",
    ]);
    const d2 = parseConfig("configs/COCO/x.yaml", '_BASE_: "../Base-RCNN-FPN.yaml"\n');
    expect(parentRefs(d2).map((r) => r.path)).toEqual(["configs/Base-RCNN-FPN.yaml"]);
  });

  it("merges the bases under the config, the config's own keys winning, and marks where each came from", async () => {
    const { config, warnings } = await withInheritance(parseConfig("conf/train.yaml", files["conf/train.yaml"]), read);
    expect(warnings).toEqual([]);
    const byKey = Object.fromEntries(config.entries.map((e) => [e.path.join("."), e]));
    expect(byKey["data.batch_size"]).toMatchObject({ value: 64, line: 1, source: "conf/data/mnist.yaml" });
    expect(byKey["data.num_workers"]).toMatchObject({ value: 4, line: 6 });
    expect(byKey["data.num_workers"].source).toBeUndefined();
    expect(byKey["pl.devices"]).toMatchObject({ value: 4, source: "conf/trainer/ddp.yaml" });
  });

  it("reads a cycle once and says so", async () => {
    const { config, warnings } = await withInheritance(parseConfig("loop/a.yaml", files["loop/a.yaml"]), read);
    expect(config.entries.find((e) => e.path.join(".") === "lr")?.value).toBe(0.1);
    expect(inEnglish(warnings)).toEqual(["loop/b.yaml:2: loop/a.yaml is inherited twice or in a cycle; read once"]);
  });

  it("warns about a missing base and keeps the config's own settings", async () => {
    const { config, warnings } = await withInheritance(
      parseConfig("x/c.yaml", "_BASE_: missing.yaml\nbatch_size: 2\n"),
      read,
    );
    expect(inEnglish(warnings)).toEqual(["x/c.yaml:1: inherited file x/missing.yaml not found"]);
    expect(config.entries.map((e) => e.path.join("."))).toContain("batch_size");
  });
});

describe("LightningCLI configs composed on the command line", () => {
  const tree: Record<string, string> = {
    "configs/base.yaml":
      "data:\n  class_path: MNISTDataModule\n  init_args:\n    batch_size: " +
      "32\ntrainer:\n  accumulate_grad_batches: 1\n",
    "configs/large.yaml": "data:\n  init_args:\n    batch_size: 128\n",
  };
  const script =
    "#!/bin/bash\npython main.py fit --config configs/base.yaml --config configs/large.yaml --trainer.devices 4\n";

  it("reads every --config of a fit command, the later file and the flags winning", async () => {
    const parsed = parseConfig("scripts/train.sh", script);
    expect(parentRefs(parsed).map((r) => r.path)).toEqual(["configs/base.yaml", "configs/large.yaml"]);
    const { config } = await withInheritance(parsed, async (p) => tree[p] ?? null);
    const byKey = Object.fromEntries(config.entries.map((e) => [e.path.join("."), e]));
    expect(byKey["data.init_args.batch_size"]).toMatchObject({ value: 128, source: "configs/large.yaml" });
    expect(byKey["trainer.accumulate_grad_batches"]).toMatchObject({ value: 1, source: "configs/base.yaml" });
    expect(byKey["trainer.devices"]).toMatchObject({ value: 4, line: 2 });
  });

  it("does not treat --config of other commands as LightningCLI bases", () => {
    const parsed = parseConfig("run.sh", "accelerate launch --config_file acc.yaml train.py --config ds.yaml\n");
    expect(parentRefs(parsed)).toEqual([]);
  });
});

describe("a base changed under a LightningCLI script", () => {
  it("is reported on the script that composes it, with the devices from its flags", async () => {
    const { detectChanges } = await import("../../src/detect/detect-changes.js");
    const { MemorySource } = await import("../../src/source/memory-source.js");
    const script = "python main.py fit --config configs/base.yaml --config configs/large.yaml --trainer.devices 4\n";
    const base = "data:\n  class_path: MNISTDataModule\n  init_args:\n    batch_size: 32\n";
    const source = new MemorySource({
      base: {
        "train.sh": script,
        "configs/base.yaml": base,
        "configs/large.yaml": "data:\n  init_args:\n    batch_size: 64\n",
      },
      head: {
        "train.sh": script,
        "configs/base.yaml": base,
        "configs/large.yaml": "data:\n  init_args:\n    batch_size: 128\n",
      },
    });
    const { changes } = await detectChanges(source);
    const onScript = changes.find((c) => c.path === "train.sh");
    expect(onScript).toMatchObject({
      key: "data.init_args.batch_size",
      before: 64,
      after: 128,
      framework: "lightning",
      inheritedFrom: "configs/large.yaml",
      effective: { before: 256, after: 512, ratio: 2 },
    });
  });
});
