import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";

describe("lightning-hydra-template", () => {
  it("recognises the template's data group file by its _target_ and reads batch_size as global", () => {
    const r = detectFile("configs/data/mnist.yaml", fixture("lightning-hydra-template", "data-mnist.yaml"));
    expect(r.framework).toBe("lightning-hydra-template");
    expect(table(r)).toEqual([[3, "global_batch", "batch_size", 128]]);
  });

  it("splits data.batch_size over the devices, so more devices do not grow the batch", () => {
    const on = (devices: number) =>
      detectFile("mnist.yaml", fixture("lightning-hydra-template", "data-mnist.yaml"), { devices }).effective;
    expect([on(2).value, on(2).parts.micro]).toEqual([128, 64]);
    expect([on(8).value, on(8).parts.micro]).toEqual([128, 16]);
  });

  it("multiplies the global batch by accumulation in an experiment file", () => {
    const r = detectFile("experiment/ddp.yaml", fixture("lightning-hydra-template", "experiment-ddp.yaml"));
    expect(table(r)).toEqual([
      [21, "epochs", "trainer.max_epochs", 10],
      [22, "devices", "trainer.devices", 4],
      [23, "grad_accum", "trainer.accumulate_grad_batches", 2],
      [28, "learning_rate", "model.optimizer.lr", 0.002],
      [36, "global_batch", "data.batch_size", 256],
    ]);
    expect(r.effective).toMatchObject({
      value: 512,
      formula: "256 (global, over all devices) × 2 (accumulation)",
      parts: { micro: 64 },
    });
  });

  it("leaves the v1 template (datamodule:, src.datamodules) to plain Hydra, where the batch is per device", () => {
    const r = detectFile("mnist.yaml", "_target_: src.datamodules.mnist_datamodule.MNISTDataModule\nbatch_size: 64\n", {
      devices: 2,
    });
    expect(r.framework).toBe("hydra");
    expect(r.effective.value).toBe(128);
  });
});
