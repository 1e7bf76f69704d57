import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { diffSettings } from "../../src/detect/diff-settings.js";

const ds = (micro: number, global = 256) => detectFile("ds_config.json", JSON.stringify({ train_batch_size: global, train_micro_batch_size_per_gpu: micro }, null, 2), { devices: 8 });

describe("diffSettings", () => {
  it("micro-only change under a fixed global batch changes accumulation, not the effective batch", () => {
    const base = ds(8);
    const head = ds(16);
    const changes = diffSettings(base, head);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ key: "train_micro_batch_size_per_gpu", before: 8, after: 16, effective: { before: 256, after: 256, ratio: 1 } });
    expect(base.effective.parts.accum).toBe(4);
    expect(head.effective.parts.accum).toBe(2);
  });

  it("reports a setting added in the pull request with before null", () => {
    const base = detectFile("a.yaml", "per_device_train_batch_size: 8\n", { devices: 1 });
    const head = detectFile("a.yaml", "per_device_train_batch_size: 8\ngradient_accumulation_steps: 4\n", { devices: 1 });
    expect(diffSettings(base, head)).toMatchObject([{ key: "gradient_accumulation_steps", before: null, after: 4, line: 2, effective: { before: 8, after: 32, ratio: 4 } }]);
  });

  it("shows an unknown value as written, so auto → 16 reads as a change", () => {
    const base = detectFile("ds.json", '{"train_micro_batch_size_per_gpu": "auto"}');
    const head = detectFile("ds.json", '{"train_micro_batch_size_per_gpu": 16}');
    expect(diffSettings(base, head)[0]).toMatchObject({ before: '"auto"', after: 16, effective: { ratio: null } });
  });

  it("ignores a change to the eval batch", () => {
    const base = detectFile("a.yaml", "per_device_train_batch_size: 8\nper_device_eval_batch_size: 8\n");
    const head = detectFile("a.yaml", "per_device_train_batch_size: 8\nper_device_eval_batch_size: 64\n");
    expect(diffSettings(base, head)).toEqual([]);
  });
});
