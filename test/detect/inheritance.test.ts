import { describe, expect, it } from "vitest";
import { parentRefs, withInheritance } from "../../src/detect/inheritance.js";
import { parseConfig } from "../../src/detect/parse/parse-config.js";

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
    expect(parentRefs(mm).map((r) => r.path)).toEqual(["configs/_base_/default_runtime.py", "configs/rtmdet/rtmdet_l.py"]);
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
    expect(warnings).toEqual(["loop/b.yaml:2: loop/a.yaml is inherited twice or in a cycle; read once"]);
  });

  it("warns about a missing base and keeps the config's own settings", async () => {
    const { config, warnings } = await withInheritance(parseConfig("x/c.yaml", "_BASE_: missing.yaml\nbatch_size: 2\n"), read);
    expect(warnings).toEqual(["x/c.yaml:1: inherited file x/missing.yaml not found"]);
    expect(config.entries.map((e) => e.path.join("."))).toContain("batch_size");
  });
});
