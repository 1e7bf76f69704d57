import { describe, expect, it } from "vitest";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { findLaunchDevices } from "../../src/detect/find-launch-devices.js";
import { MemorySource } from "../../src/source/memory-source.js";

const tree: Record<string, string> = {
  "recipes/sft.yaml": "per_device_train_batch_size: 8\ngradient_accumulation_steps: 2\nlearning_rate: 2.0e-5\n",
  "recipes/dpo.yaml": "per_device_train_batch_size: 4\n",
  "scripts/sft.sh": "#!/bin/bash\naccelerate launch --num_processes 8 scripts/run_sft.py recipes/sft.yaml\n",
  "scripts/eval.sh": "#!/bin/bash\npython evaluate.py --model out/ --batch-size 64\n",
};
const read = async (p: string) => tree[p] ?? null;

describe("devices from the script that launches a config", () => {
  it("reads the launcher's device count from a script that names the config", async () => {
    expect(await findLaunchDevices({ configPath: "recipes/sft.yaml", files: Object.keys(tree), read })).toMatchObject({
      devices: 8,
      from: "scripts/sft.sh",
      settings: [{ key: "num_processes", line: 2, source: "scripts/sft.sh" }],
    });
  });

  it("follows an accelerate launch --config_file to its num_processes", async () => {
    const files: Record<string, string> = {
      "recipes/dpo.yaml": "per_device_train_batch_size: 4\n",
      "recipes/accelerate_configs/zero3.yaml":
        "compute_environment: LOCAL_MACHINE\ndistributed_type: DEEPSPEED\nnum_machines: 1\nnum_processes: 4\n",
      "scripts/dpo.sh":
        "ACCELERATE_LOG_LEVEL=info accelerate launch --config_file " +
        "recipes/accelerate_configs/zero3.yaml scripts/run_dpo.py recipes/dpo.yaml\n",
    };
    const found = await findLaunchDevices({
      configPath: "recipes/dpo.yaml",
      files: Object.keys(files),
      read: async (p) => files[p] ?? null,
    });
    expect(found).toMatchObject({ devices: 4, from: "scripts/dpo.sh → recipes/accelerate_configs/zero3.yaml" });
  });

  it("finds nothing for a config no script launches", async () => {
    expect(await findLaunchDevices({ configPath: "recipes/dpo.yaml", files: Object.keys(tree), read })).toBeUndefined();
  });

  it("completes the effective batch of a changed config and says where the devices came from", async () => {
    const head = { ...tree, "recipes/sft.yaml": tree["recipes/sft.yaml"].replace("size: 8", "size: 16") };
    const { changes, files } = await detectChanges(new MemorySource({ base: tree, head }));
    expect(changes[0]).toMatchObject({
      key: "per_device_train_batch_size",
      effective: { before: 128, after: 256, ratio: 2 },
    });
    expect(files[0].effective.formula).toBe(
      "16 (per device) × 2 (accumulation) × 8 (devices) — devices from scripts/sft.sh",
    );
    expect(files[0].effective.unknown).toEqual([]);
  });

  it("leaves devices given by the user alone", async () => {
    const head = { ...tree, "recipes/sft.yaml": tree["recipes/sft.yaml"].replace("size: 8", "size: 16") };
    const { changes } = await detectChanges(new MemorySource({ base: tree, head }), { devices: 2 });
    expect(changes[0].effective).toEqual({ before: 32, after: 64, ratio: 2 });
  });
});
