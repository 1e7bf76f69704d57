import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table, unknowns } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("Hydra / OmegaConf", () => {
  it("reads an experiment override file: datamodule batch, trainer devices, model.optimizer lr", () => {
    const r = detectFile("cifar.yaml", fixture("hydra", "experiment-cifar.yaml"));
    expect(r.framework).toBe("hydra");
    // The commented-out batch_size and the SWA callback's lr are not settings.
    expect(table(r)).toEqual([
      [13, "devices", "trainer.devices", 4],
      [14, "epochs", "trainer.max_epochs", 200],
      [15, "grad_accum", "trainer.accumulate_grad_batches", 2],
      [20, "optimizer", "model.optimizer._target_", "torch.optim.SGD"],
      [22, "learning_rate", "model.optimizer.lr", 0.1],
      [31, "micro_batch", "datamodule.batch_size", 128],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 1024,
      formula: "128 (per device) × 2 (accumulation) × 4 (devices)",
      unknown: [],
    });
  });

  it("lets a global batch win over an accumulation computed by a resolver", () => {
    const r = detectFile("gpt2.yaml", fixture("hydra", "gpt2-flash.yaml"));
    expect(unknowns(r)).toEqual([
      ["train.scheduler.num_warmup_steps", "computed by the resolver eval at run time"],
      ["trainer.accumulate_grad_batches", "computed by the resolver div_up at run time"],
    ]);
    expect(r.effective).toMatchObject({
      value: 512,
      formula: "512 (global) = 16 (per device) × 4 (accumulation, derived) × 8 (devices)",
      parts: { micro: 16, accum: 4, devices: 8, seqLen: 1024 },
    });
  });

  it("reports ${oc.env:…} interpolations as unknown, naming the variable", () => {
    const r = detectFile("train.yaml", fixture("hydra", "trainer-env.yaml"));
    expect(r.framework).toBe("hydra");
    expect(unknowns(r)).toEqual([
      ["data.batch_size", "read from environment variable BATCH_SIZE at run time"],
      ["trainer.devices", "read from environment variable NUM_GPUS at run time"],
    ]);
    expect(r.effective.value).toBeNull();
  });

  it("recognises a config by its defaults list alone", () => {
    const r = detectFile("config.yaml", "defaults:\n  - data: cifar10\n  - _self_\ndata:\n  batch_size: 32\n", {
      devices: 2,
    });
    expect(r.framework).toBe("hydra");
    expect(r.effective.value).toBe(64);
  });

  it("reads key.sub=value overrides on a training command as Hydra, skipping the commented-out one", () => {
    const r = detectFile("train_ddp.sh", fixture("hydra", "train_ddp.sh"));
    expect(r.framework).toBe("hydra");
    expect(table(r).slice(0, 4)).toEqual([
      [3, "devices", "trainer.devices", 4],
      [3, "micro_batch", "data.batch_size", 64],
      [3, "grad_accum", "trainer.accumulate_grad_batches", 2],
      [3, "learning_rate", "model.optimizer.lr", 0.05],
    ]);
    expect(r.effective).toMatchObject({ value: 512, formula: "64 (per device) × 2 (accumulation) × 4 (devices)" });
  });
});
