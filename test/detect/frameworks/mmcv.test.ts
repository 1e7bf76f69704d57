import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/mmcv/${name}`, import.meta.url), "utf8");
const table = (r: ReturnType<typeof detectFile>) => r.settings.map((s) => [s.line, s.role, s.key, s.value]);

describe("OpenMMLab mmcv 1.x configs", () => {
  it("reads data.samples_per_gpu, keeps the val batch apart, and takes 4 GPUs from 4x4", () => {
    const r = detectFile(
      "configs/faster_rcnn/faster_rcnn_r50_fpn_4x4_1x_coco.py",
      fixture("faster_rcnn_r50_fpn_4x4_1x_coco.py"),
    );
    expect(r.framework).toBe("mmcv");
    expect(table(r)).toEqual([
      [7, "micro_batch", "data.samples_per_gpu", 4],
      [10, "eval_batch", "data.val.samples_per_gpu", 1],
      [13, "optimizer", "optimizer.type", "SGD"],
      [13, "learning_rate", "optimizer.lr", 0.02],
      [19, "warmup", "lr_config.warmup_iters", 500],
      [22, "epochs", "runner.max_epochs", 12],
      [1, "devices", "file name", 4],
    ]);
    expect(r.effective).toMatchObject({
      value: 16,
      formula: "4 (per device) × 1 (no accumulation) × 4 (devices)",
      unknown: [],
    });
  });

  it("multiplies in GradientCumulativeOptimizerHook's cumulative_iters, with mmcls's b32x8 naming", () => {
    const r = detectFile(
      "configs/resnet/resnet50_b32x8_accum2_imagenet.py",
      fixture("resnet50_b32x8_accum2_imagenet.py"),
    );
    expect(r.framework).toBe("mmcv");
    expect(r.settings.find((s) => s.role === "grad_accum")).toMatchObject({
      key: "optimizer_config.cumulative_iters",
      value: 2,
      line: 8,
    });
    expect(r.effective).toMatchObject({ value: 512, formula: "32 (per device) × 2 (accumulation) × 8 (devices)" });
  });

  it("is told apart from an mmengine config", () => {
    const text = "train_dataloader = dict(batch_size=2)\noptim_wrapper = dict(optimizer=dict(type='SGD', lr=0.02))\n";
    expect(detectFile("x.py", text).framework).toBe("mmengine");
  });
});

describe("OpenMMLab mmcv 1.x launch scripts", () => {
  it("reads dist_train.sh's GPU count beside --cfg-options data.samples_per_gpu", () => {
    const r = detectFile("dist_train_faster_rcnn.sh", fixture("dist_train_faster_rcnn.sh"));
    expect(r.framework).toBe("mmcv");
    expect(table(r)).toEqual([
      [3, "devices", "#2", 4],
      [5, "micro_batch", "data.samples_per_gpu", 4],
      [5, "learning_rate", "optimizer.lr", 0.02],
    ]);
    expect(r.effective).toMatchObject({
      value: 16,
      formula: "4 (per device) × 1 (no accumulation) × 4 (devices)",
      unknown: [],
    });
  });
});
