import { describe, expect, it } from "vitest";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { GitSource } from "../../src/source/git-source.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { gitScenario } from "../helpers/git-scenario.js";

const changesIn = async (scenario: string, devices?: number) =>
  detectChanges(new GitSource({ repo: gitScenario(scenario), base: "base", head: "head" }), { devices });

describe("detectChanges across two git revisions", () => {
  it("reports a change in a Hydra config group on the primary config that composes it", async () => {
    // lightning-hydra-template divides data.batch_size by the world size: it is the global batch.
    const { changes } = await changesIn("hydra-defaults");
    const onPrimary = changes.find((c) => c.path === "conf/train.yaml");
    expect(onPrimary).toMatchObject({
      key: "data.batch_size",
      role: "global_batch",
      framework: "lightning-hydra-template",
      before: 64,
      after: 128,
      line: 3,
      inheritedFrom: "conf/data/mnist.yaml",
      effective: { before: 64, after: 128, ratio: 2 },
      learningRate: { before: 0.001, after: 0.001 },
    });
  });

  it("reports a detectron2 _BASE_ change on the config that inherits it, as a global batch", async () => {
    const { changes, files } = await changesIn("detectron2-base");
    const child = changes.find((c) => c.path === "configs/COCO-Detection/faster_rcnn_R_50_FPN_1x.yaml");
    expect(child).toMatchObject({
      key: "SOLVER.IMS_PER_BATCH",
      before: 16,
      after: 64,
      inheritedFrom: "configs/Base-RCNN-FPN.yaml",
    });
    expect(child?.effective).toEqual({ before: 16, after: 64, ratio: 4 });
    // RoI sampling size is not a data batch.
    expect(files.flatMap((f) => f.settings).some((s) => s.key.includes("BATCH_SIZE_PER_IMAGE"))).toBe(false);
  });

  it("finds no change when configs only moved or changed elsewhere", async () => {
    const { changes, files } = await changesIn("moved-and-unrelated");
    expect(changes).toEqual([]);
    expect(files.map((f) => f.path).sort()).toEqual(["recipes/dpo.yaml", "recipes/sft.yaml"]);
  });
});

describe("detectChanges on a pull request without configs", () => {
  it("does not list the head tree when no changed file is a config", async () => {
    const source = new MemorySource({
      base: { "README.md": "a\n", "train.yaml": "batch_size: 8\n" },
      head: { "README.md": "b\n", "train.yaml": "batch_size: 8\n" },
    });
    let listed = 0;
    const list = source.list.bind(source);
    source.list = (side) => {
      listed++;
      return list(side);
    };
    const result = await detectChanges(source);
    expect(result).toMatchObject({ files: [], changes: [], skipped: [] });
    expect(listed).toBe(0);
  });
});
