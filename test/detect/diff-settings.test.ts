import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { diffSettings } from "../../src/detect/diff-settings.js";
import { inEnglish } from "../helpers/in-english.js";

const ds = (micro: number, global = 256) =>
  detectFile(
    "ds_config.json",
    JSON.stringify({ train_batch_size: global, train_micro_batch_size_per_gpu: micro }, null, 2),
    { devices: 8 },
  );

describe("diffSettings", () => {
  it("micro-only change under a fixed global batch changes accumulation, not the effective batch", () => {
    const base = ds(8);
    const head = ds(16);
    const changes = diffSettings(base, head);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      key: "train_micro_batch_size_per_gpu",
      before: 8,
      after: 16,
      effective: { before: 256, after: 256, ratio: 1 },
    });
    expect(base.effective.parts.accum).toBe(4);
    expect(head.effective.parts.accum).toBe(2);
  });

  it("reports a setting added in the pull request with before null", () => {
    const base = detectFile("a.yaml", "per_device_train_batch_size: 8\n", { devices: 1 });
    const head = detectFile("a.yaml", "per_device_train_batch_size: 8\ngradient_accumulation_steps: 4\n", {
      devices: 1,
    });
    expect(diffSettings(base, head)).toMatchObject([
      {
        key: "gradient_accumulation_steps",
        before: null,
        after: 4,
        line: 2,
        effective: { before: 8, after: 32, ratio: 4 },
      },
    ]);
  });

  it("shows an unknown value as written, so auto → 16 reads as a change", () => {
    const base = detectFile("ds.json", '{"train_micro_batch_size_per_gpu": "auto"}');
    const head = detectFile("ds.json", '{"train_micro_batch_size_per_gpu": 16}');
    expect(diffSettings(base, head)[0]).toMatchObject({ before: '"auto"', after: 16, effective: { ratio: null } });
  });

  for (const [name, path, base, head, raw] of [
    [
      "an interpolation",
      "a.yaml",
      "per_device_train_batch_size: 8\n",
      "per_device_train_batch_size: ${oc.env:BS}\n",
      "${oc.env:BS}",
    ],
    ["auto", "a.yaml", "per_device_train_batch_size: 8\n", "per_device_train_batch_size: auto\n", "auto"],
    [
      "a Python call it cannot evaluate",
      "config.py",
      "batch_size = 8\n",
      "batch_size = int(os.environ['BS'])\n",
      "int(os.environ['BS'])",
    ],
    ["an empty value", "a.yaml", "batch_size: 8\nlr: 0.1\n", "batch_size:\nlr: 0.1\n", ""],
  ] as const) {
    it(`marks a batch key changed to ${name} as unreadable, with the value as written and why`, () => {
      const [change] = diffSettings(detectFile(path, base), detectFile(path, head));
      expect(inEnglish(change), name).toMatchObject({ line: 1, before: 8, unreadable: [{ side: "after", raw }] });
      expect(inEnglish(change.unreadable![0].reason).length).toBeGreaterThan(0);
    });
  }

  it("marks the old side unreadable when only it cannot be read, and neither side when both are numbers", () => {
    const [fromAuto] = diffSettings(
      detectFile("ds.json", '{"train_micro_batch_size_per_gpu": "auto"}'),
      detectFile("ds.json", '{"train_micro_batch_size_per_gpu": 16}'),
    );
    expect(inEnglish(fromAuto.unreadable)).toEqual([{ side: "before", raw: '"auto"', reason: expect.any(String) }]);
    const [plain] = diffSettings(detectFile("a.yaml", "batch_size: 8\n"), detectFile("a.yaml", "batch_size: 16\n"));
    expect(inEnglish(plain.unreadable)).toBeUndefined();
  });

  it("ignores a change to the eval batch", () => {
    const base = detectFile("a.yaml", "per_device_train_batch_size: 8\nper_device_eval_batch_size: 8\n");
    const head = detectFile("a.yaml", "per_device_train_batch_size: 8\nper_device_eval_batch_size: 64\n");
    expect(diffSettings(base, head)).toEqual([]);
  });
});
