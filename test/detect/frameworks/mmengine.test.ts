import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { devicesFromFileName } from "../../../src/detect/frameworks/openmmlab-file-name.js";
import { inEnglish } from "../../helpers/in-english.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/mmengine/${name}`, import.meta.url), "utf8");
const table = (r: ReturnType<typeof detectFile>) => r.settings.map((s) => [s.line, s.role, s.key, s.value]);

describe("OpenMMLab mmengine configs", () => {
  it("reads train_dataloader.batch_size per GPU and takes 8 GPUs from the 8xb32 file name", () => {
    const name = "configs/rtmdet/rtmdet_l_8xb32-300e_coco.py";
    const r = detectFile(name, fixture("rtmdet_l_8xb32-300e_coco.py"));
    expect(r.framework).toBe("mmengine");
    expect(table(r)).toEqual([
      [15, "micro_batch", "train_dataloader.batch_size", 32],
      [22, "eval_batch", "val_dataloader.batch_size", 5],
      [22, "eval_batch", "test_dataloader.batch_size", 5],
      [25, "epochs", "max_epochs", 300],
      [27, "learning_rate", "base_lr", 0.004],
      [25, "epochs", "train_cfg.max_epochs", 300],
      [39, "optimizer", "optim_wrapper.optimizer.type", "AdamW"],
      [27, "learning_rate", "optim_wrapper.optimizer.lr", 0.004],
      [60, "lr_scaling", "auto_scale_lr.enable", false],
      [60, "lr_scaling", "auto_scale_lr.base_batch_size", 256],
      [1, "devices", "file name", 8],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 256,
      formula: "32 (per device) × 1 (no accumulation) × 8 (devices)",
      unknown: [],
    });
  });

  it("follows mmyolo's train_batch_size_per_gpu variable and ignores the optimizer's batch_size_per_gpu", () => {
    const r = detectFile("yolov5_s-v61_syncbn_8xb16-300e_coco.py", fixture("yolov5_s-v61_syncbn_8xb16-300e_coco.py"));
    expect(r.framework).toBe("mmengine");
    expect(r.settings.filter((s) => /batch/.test(s.role)).map((s) => [s.line, s.role, s.key, s.value])).toEqual([
      [8, "micro_batch", "train_batch_size_per_gpu", 16],
      [17, "eval_batch", "val_batch_size_per_gpu", 1],
      [8, "micro_batch", "train_dataloader.batch_size", 16],
      [17, "eval_batch", "val_dataloader.batch_size", 1],
    ]);
    expect(r.settings.some((s) => s.key.endsWith("optimizer.batch_size_per_gpu"))).toBe(false);
    expect(r.effective.value).toBe(128);
  });

  it("multiplies in optim_wrapper.accumulative_counts", () => {
    const r = detectFile(
      "faster-rcnn_r50_fpn_1xb4-accum4-12e_cityscapes.py",
      fixture("faster-rcnn_r50_fpn_1xb4-accum4-12e_cityscapes.py"),
    );
    expect(r.framework).toBe("mmengine");
    expect(r.settings.find((s) => s.role === "grad_accum")).toMatchObject({
      key: "optim_wrapper.accumulative_counts",
      value: 4,
      line: 13,
    });
    expect(r.effective).toMatchObject({ value: 16, formula: "4 (per device) × 4 (accumulation) × 1 (devices)" });
  });

  it("lets the launcher's GPU count override the file name", () => {
    const r = detectFile("rtmdet_l_8xb32-300e_coco.py", fixture("rtmdet_l_8xb32-300e_coco.py"), { devices: 2 });
    expect(r.effective.value).toBe(64);
  });

  it("leaves the GPU count unknown when the file name does not follow the convention", () => {
    const r = detectFile("configs/my_rtmdet.py", fixture("rtmdet_l_8xb32-300e_coco.py"));
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown[0])).toMatch(
      /^devices: not in this file \(tools\/dist_train\.sh CONFIG <gpus>/,
    );
  });
});

describe("OpenMMLab file-name convention", () => {
  it.each([
    ["rtmdet_l_8xb32-300e_coco.py", 8, "8xb32"],
    ["deeplabv3_r50-d8_4xb2-40k_cityscapes-512x1024.py", 4, "4xb2"],
    ["resnet50_b32x8_imagenet.py", 8, "b32x8"],
    ["yolox_s_8x8_300e_coco.py", 8, "8x8"],
    ["htc_x101_64x4d_fpn_16x1_20e_coco.py", 16, "16x1"],
    ["fcos_r50_caffe_fpn_gn-head_fp16_1x_bs8x8_coco.py", 8, "bs8x8"],
  ])("%s names %i GPUs", (name, devices, raw) => {
    expect(devicesFromFileName({ path: `configs/x/${name}` })).toEqual([
      { role: "devices", key: "file name", value: devices, raw, line: 1 },
    ]);
  });

  it.each([
    "mask_rcnn_r50_fpn_1x_coco.py",
    "cascade_mask_rcnn_x101_32x4d_fpn_20e_coco.py",
    "deeplabv3_r50-d8_512x1024_40k_cityscapes.py",
    "tsm_r50_video_1x1x8_100e_kinetics400_rgb.py",
  ])("%s names no GPU count", (name) => {
    expect(devicesFromFileName({ path: name })).toEqual([]);
  });
});

describe("OpenMMLab mmengine launch scripts", () => {
  it("takes GPUs per node from dist_train.sh's second positional and nodes from NNODES", () => {
    const r = detectFile("dist_train_rtmdet_l_two_nodes.sh", fixture("dist_train_rtmdet_l_two_nodes.sh"));
    expect(r.framework).toBe("mmengine");
    expect(table(r)).toEqual([
      [4, "nodes", "NNODES", 2],
      [5, "devices", "#2", 8],
      [7, "micro_batch", "train_dataloader.batch_size", 16],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 256,
      formula: "16 (per device) × 1 (no accumulation) × 16 (devices)",
      unknown: [],
    });
  });

  it("takes the job's GPU count from GPUS= before slurm_train.sh", () => {
    const r = detectFile("slurm_train_mask_rcnn.sh", fixture("slurm_train_mask_rcnn.sh"));
    expect(r.framework).toBe("mmengine");
    expect(table(r)).toEqual([
      [3, "devices", "GPUS", 16],
      [5, "micro_batch", "train_dataloader.batch_size", 2],
      [5, "learning_rate", "optim_wrapper.optimizer.lr", 0.04],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 32,
      formula: "2 (per device) × 1 (no accumulation) × 16 (devices)",
      unknown: [],
    });
  });
});
