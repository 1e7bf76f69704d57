import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("PyTorch Lightning", () => {
  it("reads LightningCLI class_path/init_args: datamodule batch, trainer devices × nodes, optimizer lr", () => {
    const r = detectFile("config.yaml", fixture("lightning", "cli-ddp.yaml"));
    expect(r.framework).toBe("lightning");
    // The LearningRateFinder callback's min_lr/max_lr are its own knobs, not the training rate.
    expect(table(r)).toEqual([
      [6, "devices", "trainer.devices", 4],
      [7, "nodes", "trainer.num_nodes", 2],
      [9, "epochs", "trainer.max_epochs", 30],
      [10, "grad_accum", "trainer.accumulate_grad_batches", 2],
      [29, "micro_batch", "data.init_args.batch_size", 64],
      [30, "eval_batch", "data.init_args.val_batch_size", 128],
      [33, "optimizer", "optimizer.class_path", "torch.optim.AdamW"],
      [35, "learning_rate", "optimizer.init_args.lr", 0.001],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 1024,
      formula: "64 (per device) × 2 (accumulation) × 8 (devices)",
      unknown: [],
    });
  });

  it("treats devices: auto as every visible device, unknown until run time", () => {
    const r = detectFile("config.yaml", fixture("lightning", "cli-defaults.yaml"));
    expect(table(r)).toEqual([
      [4, "devices", "trainer.devices", null],
      [5, "max_steps", "trainer.max_steps", 20000],
      [11, "learning_rate", "model.init_args.learning_rate", 3e-4],
      [12, "warmup", "model.init_args.warmup_steps", 1000],
      [16, "micro_batch", "data.init_args.batch_size", 16],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: null,
      unknown: ['trainer.devices: "auto", Lightning uses every visible device, known only at run time'],
    });
    expect(detectFile("config.yaml", fixture("lightning", "cli-defaults.yaml"), { devices: 2 }).effective.value).toBe(
      32,
    );
  });

  it("reads the latent-diffusion layout: data.params.batch_size, lightning.trainer, base_learning_rate", () => {
    const r = detectFile("ldm.yaml", fixture("lightning", "ldm-kl8.yaml"), { devices: 2 });
    expect(r.framework).toBe("lightning");
    expect(table(r)).toEqual([
      [2, "learning_rate", "model.base_learning_rate", 2e-6],
      [46, "micro_batch", "data.params.batch_size", 48],
      [70, "grad_accum", "lightning.trainer.accumulate_grad_batches", 2],
    ]);
    expect(r.effective.value).toBe(48 * 2 * 2);
  });

  it("counts a device list and leaves devices: -1 unknown", () => {
    const config = (devices: string) =>
      `trainer:\n  devices: ${devices}\ndata:\n  class_path: my.DataModule\n  init_args:\n    batch_size: 32\n`;
    expect(detectFile("c.yaml", config("[0, 1, 2]")).effective).toMatchObject({ value: 96, parts: { devices: 3 } });
    expect(inEnglish(detectFile("c.yaml", config("-1")).effective)).toMatchObject({
      value: null,
      unknown: ["devices: -1 means all visible devices, known only at run time"],
    });
  });

  it("reads LightningCLI --section.key flags on the command line as Lightning, not Hydra", () => {
    const r = detectFile("fit.sh", fixture("lightning", "fit.sh"));
    expect(r.framework).toBe("lightning");
    expect(table(r)).toEqual([
      [5, "devices", "trainer.devices", 8],
      [6, "nodes", "trainer.num_nodes", 1],
      [7, "grad_accum", "trainer.accumulate_grad_batches", 4],
      [8, "micro_batch", "data.init_args.batch_size", 32],
      [9, "learning_rate", "optimizer.init_args.lr", 5e-4],
    ]);
    expect(r.effective.value).toBe(1024);
  });
});
