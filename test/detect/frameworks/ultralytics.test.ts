import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { inEnglish } from "../../helpers/in-english.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/ultralytics/${name}`, import.meta.url), "utf8");
const table = (r: ReturnType<typeof detectFile>) => r.settings.map((s) => [s.line, s.role, s.key, s.value]);

describe("Ultralytics", () => {
  it("reads a run's args.yaml: batch is global, device ids count the GPUs, nbs is the nominal batch", () => {
    const r = detectFile("runs/detect/train4/args.yaml", fixture("args.yaml"));
    expect(r.framework).toBe("ultralytics");
    expect(table(r)).toEqual([
      [6, "epochs", "epochs", 150],
      [10, "global_batch", "batch", 32],
      [15, "devices", "device", 2],
      [21, "optimizer", "optimizer", "SGD"],
      [36, "learning_rate", "lr0", 0.01],
      [40, "warmup", "warmup_epochs", 3],
      [46, "nominal_batch", "nbs", 64],
    ]);
  });

  it("accumulates up to nbs on top of the global batch: 32 over two GPUs trains at 64", () => {
    const r = detectFile("args.yaml", fixture("args.yaml"));
    expect(inEnglish(r.effective)).toMatchObject({
      value: 64,
      unit: "samples",
      formula: "32 (global, over all devices) × 2 (accumulation = max(round(nbs 64 / batch 32), 1))",
      unknown: [],
      parts: { micro: 16, accum: 2, devices: 2 },
    });
  });

  it("keeps the effective batch at 64 when batch goes from 16 to 32, because accumulation halves", () => {
    const at = (batch: number) => detectFile("args.yaml", `batch: ${batch}\nnbs: 64\nlr0: 0.01\n`).effective;
    expect([at(16).value, at(16).parts.accum]).toEqual([64, 4]);
    expect([at(32).value, at(32).parts.accum]).toEqual([64, 2]);
  });

  it("stops accumulating once batch passes nbs", () => {
    const r = detectFile("args.yaml", "batch: 128\nnbs: 64\nlr0: 0.01\n");
    expect(r.effective.value).toBe(128);
    expect(r.effective.parts.accum).toBe(1);
  });

  it("rounds nbs / batch as the trainer does: batch 24 accumulates 3 (64/24 = 2.67)", () => {
    expect(detectFile("args.yaml", "batch: 24\nlr0: 0.01\n").effective.value).toBe(72);
  });

  it("uses the defaults (batch 16, nbs 64) when the file sets neither, and says they are assumed", () => {
    const r = detectFile("hyp.yaml", "lr0: 0.01\nimgsz: 640\n");
    expect(r.framework).toBe("ultralytics");
    expect(r.effective.value).toBe(64);
    expect(inEnglish(r.effective.formula)).toBe(
      "16 (global, over all devices) × 4 (accumulation = max(round(nbs 64 / batch " +
        "16), 1)) — assumed: global batch = 16 (Ultralytics default), devices = 1 (Ultralytics default)",
    );
    expect(inEnglish(r.effective.assumed)).toEqual([
      "global batch: assumed default of 16 (Ultralytics)",
      "devices: assumed default of 1 (Ultralytics)",
    ]);
  });

  it("reports batch -1 (AutoBatch) as unknown with its reason", () => {
    const r = detectFile("autobatch-finetune.yaml", fixture("autobatch-finetune.yaml"));
    expect(r.framework).toBe("ultralytics");
    expect(r.settings.find((s) => s.role === "global_batch")).toMatchObject({
      key: "batch",
      line: 8,
      value: null,
      raw: "-1",
    });
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toEqual([
      "batch: batch=-1 lets AutoBatch pick the batch for 60% of GPU memory at run time",
    ]);
  });

  it("reports a fractional batch as the share of GPU memory AutoBatch fills", () => {
    const r = detectFile("args.yaml", "batch: 0.70\nlr0: 0.01\n");
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toEqual([
      "batch: batch=0.7 lets AutoBatch fill 70% of GPU memory at run time",
    ]);
  });

  it.each([
    ["device: 0,1,2,3", 4],
    ["device: [0, 1]", 2],
    ["device: 0", 1],
    ["device: cpu", 1],
    ["device: [-1, -1]", 2],
    ["device:", 1],
  ])("counts %s as %i device(s)", (line, devices) => {
    const r = detectFile("args.yaml", `batch: 32\nlr0: 0.01\n${line}\n`);
    expect(r.effective.parts.devices).toBe(devices);
  });

  it("reads model.train(...) keyword arguments, evaluating 2 * 16 and counting the device list", () => {
    const r = detectFile("train_pcb.py", fixture("train_pcb.py"));
    expect(r.framework).toBe("ultralytics");
    expect(table(r)).toEqual([
      [10, "epochs", "results.epochs", 150],
      [12, "global_batch", "results.batch", 32],
      [5, "devices", "results.device", 4],
      [14, "optimizer", "results.optimizer", "SGD"],
      [15, "learning_rate", "results.lr0", 0.01],
      [16, "nominal_batch", "results.nbs", 64],
      [20, "eval_batch", "metrics.batch", 64],
    ]);
    expect(r.effective).toMatchObject({ value: 64, parts: { micro: 8, accum: 2, devices: 4 } });
  });

  it("reads yolo CLI overrides: batch=64 on device=0,1 needs no accumulation", () => {
    const r = detectFile("train.sh", fixture("train.sh"));
    expect(r.framework).toBe("ultralytics");
    expect(table(r)).toEqual([
      [5, "epochs", "epochs", 100],
      [5, "global_batch", "batch", 64],
      [5, "devices", "device", 2],
      [5, "learning_rate", "lr0", 0.02],
    ]);
    expect(r.effective).toMatchObject({ value: 64, parts: { micro: 32, accum: 1, devices: 2 } });
  });

  it("does not take a plain batch_size config, or a lone batch key, for an Ultralytics one", () => {
    expect(detectFile("train.yaml", "batch_size: 32\nlr: 0.01\n").framework).not.toBe("ultralytics");
    expect(detectFile("data.yaml", "batch: 8\nshuffle: true\n").framework).not.toBe("ultralytics");
  });
});
