import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { table } from "./read-fixture.js";
import { detectFile, detectParsed } from "../../../src/detect/detect-file.js";
import { withInheritance } from "../../../src/detect/inheritance.js";
import { parseConfig } from "../../../src/detect/parse/parse-config.js";
import { inEnglish } from "../../helpers/in-english.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/detectron2/${name}`, import.meta.url), "utf8");

describe("detectron2 yacs YAML", () => {
  it("reads SOLVER.IMS_PER_BATCH as the global batch and drops RoI/RPN sampling sizes", () => {
    const r = detectFile(
      "configs/COCO-InstanceSegmentation/mask_rcnn_R_50_FPN_3x.yaml",
      fixture("mask_rcnn_R_50_FPN_3x.yaml"),
    );
    expect(r.framework).toBe("detectron2");
    expect(table(r)).toEqual([
      [17, "global_batch", "SOLVER.IMS_PER_BATCH", 16],
      [18, "learning_rate", "SOLVER.BASE_LR", 0.02],
      [20, "max_steps", "SOLVER.MAX_ITER", 270000],
      [21, "warmup", "SOLVER.WARMUP_ITERS", 1000],
    ]);
  });

  it("knows the effective batch without the GPU count, since IMS_PER_BATCH spans all GPUs", () => {
    const r = detectFile("mask_rcnn_R_50_FPN_3x.yaml", fixture("mask_rcnn_R_50_FPN_3x.yaml"));
    expect(r.effective).toMatchObject({ value: 16, unit: "samples", formula: "16 (global batch)" });
    expect(
      detectFile("mask_rcnn_R_50_FPN_3x.yaml", fixture("mask_rcnn_R_50_FPN_3x.yaml"), { devices: 4 }).effective.value,
    ).toBe(16);
  });

  it("with REFERENCE_WORLD_SIZE, says the batch depends on the GPU count instead of guessing", () => {
    const r = detectFile("retinanet.yaml", fixture("retinanet_R_50_FPN_1x_autoscale.yaml"));
    expect(r.settings.find((s) => s.role === "lr_scaling")).toMatchObject({
      key: "SOLVER.REFERENCE_WORLD_SIZE",
      value: 8,
      line: 17,
    });
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toContain(
      "SOLVER.REFERENCE_WORLD_SIZE = 8: IMS_PER_BATCH 16 is rescaled to the real " +
        "GPU count, which this file does not give",
    );
  });

  it("rescales IMS_PER_BATCH by GPUs / REFERENCE_WORLD_SIZE once the GPU count is known", () => {
    const on4 = detectFile("retinanet.yaml", fixture("retinanet_R_50_FPN_1x_autoscale.yaml"), { devices: 4 }).effective;
    expect(inEnglish(on4)).toMatchObject({
      value: 8,
      formula: "8 = round(16 (IMS_PER_BATCH) × 4 (devices) / 8 (REFERENCE_WORLD_SIZE))",
      unknown: [],
    });
    expect(
      detectFile("retinanet.yaml", fixture("retinanet_R_50_FPN_1x_autoscale.yaml"), { devices: 8 }).effective.value,
    ).toBe(16);
  });

  it("takes IMS_PER_BATCH from the _BASE_ file when the child only changes the LR", async () => {
    const base = "SOLVER:\n  IMS_PER_BATCH: 16\n  BASE_LR: 0.02\n";
    const child = parseConfig(
      "configs/COCO-Detection/faster_rcnn.yaml",
      '_BASE_: "../Base-RCNN-FPN.yaml"\nSOLVER:\n  BASE_LR: 0.01\n',
    );
    const { config } = await withInheritance(child, async (p) => (p === "configs/Base-RCNN-FPN.yaml" ? base : null));
    const r = detectParsed(config);
    expect(r.framework).toBe("detectron2");
    expect(r.settings.map((s) => [s.key, s.value, s.source])).toEqual([
      ["SOLVER.IMS_PER_BATCH", 16, "configs/Base-RCNN-FPN.yaml"],
      ["SOLVER.BASE_LR", 0.01, undefined],
    ]);
  });
});

describe("detectron2 LazyConfig Python", () => {
  it("reads dataloader.train.total_batch_size as the global batch and optimizer.lr beside it", () => {
    const r = detectFile(
      "configs/new_baselines/mask_rcnn_R_50_FPN_100ep_LSJ.py",
      fixture("mask_rcnn_R_50_FPN_100ep_LSJ.py"),
    );
    expect(r.framework).toBe("detectron2");
    expect(table(r)).toEqual([
      [25, "global_batch", "dataloader.train.total_batch_size", 64],
      [26, "eval_batch", "dataloader.test.batch_size", 8],
      [30, "max_steps", "train.max_iter", 184375],
      [42, "learning_rate", "optimizer.lr", 0.1],
    ]);
    expect(r.effective).toMatchObject({ value: 64, formula: "64 (global batch)" });
  });
});

describe("detectron2 launch script", () => {
  it("reads --num-gpus/--num-machines and LazyConfig key=value overrides", () => {
    const text = readFileSync(
      new URL("../../../fixtures/configs/detectron2/train_lsj_2x8.sh", import.meta.url),
      "utf8",
    );
    const r = detectFile("scripts/train_lsj_2x8.sh", text);
    expect(r.framework).toBe("detectron2");
    expect(table(r)).toEqual([
      [5, "devices", "num-gpus", 8],
      [5, "nodes", "num-machines", 2],
      [6, "global_batch", "dataloader.train.total_batch_size", 128],
      [7, "learning_rate", "optimizer.lr", 0.2],
      [8, "max_steps", "train.max_iter", 92188],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({ value: 128, unknown: [], parts: { devices: 16 } });
  });

  it("reads yacs KEY VALUE options after the flags with the rules of the YAML keys", () => {
    const r = detectFile("train_net_yacs_opts.sh", fixture("train_net_yacs_opts.sh"));
    expect(r.framework).toBe("detectron2");
    expect(table(r)).toEqual([
      [3, "devices", "num-gpus", 4],
      [5, "global_batch", "SOLVER.IMS_PER_BATCH", 8],
      [5, "learning_rate", "SOLVER.BASE_LR", 0.01],
      [6, "max_steps", "SOLVER.MAX_ITER", 540000],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 8,
      formula: "8 (global) = 2 (per device, derived) × 1 (no accumulation) × 4 (devices)",
      unknown: [],
      parts: { devices: 4, micro: 2 },
    });
  });

  it("rescales a command-line IMS_PER_BATCH by the launcher's GPUs over REFERENCE_WORLD_SIZE", () => {
    const r = detectFile(
      "train.sh",
      "python tools/train_net.py --num-gpus 4 --config-file x.yaml " +
        "SOLVER.IMS_PER_BATCH 16 SOLVER.REFERENCE_WORLD_SIZE 8\n",
    );
    expect(r.effective).toMatchObject({
      value: 8,
      formula: "8 = round(16 (IMS_PER_BATCH) × 4 (devices) / 8 (REFERENCE_WORLD_SIZE))",
    });
  });

  it("recognises train_net.py run from its own folder, with only yacs options on the line", () => {
    const r = detectFile("train.sh", "python train_net.py --num-gpus 2 --config-file x.yaml MODEL.WEIGHTS model.pkl\n");
    expect(r.framework).toBe("detectron2");
    expect(table(r)).toEqual([[1, "devices", "num-gpus", 2]]);
  });
});
