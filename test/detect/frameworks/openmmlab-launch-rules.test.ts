import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { inEnglish } from "../../helpers/in-english.js";

const devices = (text: string) =>
  detectFile("train.sh", text)
    .settings.filter((s) => s.role === "devices" || s.role === "nodes")
    .map((s) => [s.role, s.key, s.value]);

describe("OpenMMLab launch scripts", () => {
  it("reads the second positional of dist_train.sh however it is started", () => {
    for (const line of [
      "./tools/dist_train.sh cfg.py 8",
      "bash ./tools/dist_train.sh cfg.py 8",
      "sh tools/dist_train.sh cfg.py 8",
      "srun -p dev tools/dist_train.sh cfg.py 8",
    ]) {
      expect(devices(`${line} --cfg-options train_dataloader.batch_size=4\n`), line).toEqual([["devices", "#2", 8]]);
    }
  });

  it("never reads another command's positional as the GPU count", () => {
    expect(devices("bash tools/dist_test.sh cfg.py ckpt.pth 8 --cfg-options train_dataloader.batch_size=4\n")).toEqual(
      [],
    );
    expect(devices("python tools/train.py cfg.py 8 --cfg-options train_dataloader.batch_size=4\n")).toEqual([]);
    expect(devices("bash tools/my_dist_train.sh cfg.py 8 --cfg-options train_dataloader.batch_size=4\n")).toEqual([]);
  });

  it("reads GPUS only for slurm_train.sh, and NNODES only for dist_train.sh", () => {
    expect(devices("GPUS=16 ./tools/dist_train.sh cfg.py 4 --cfg-options train_dataloader.batch_size=4\n")).toEqual([
      ["devices", "#2", 4],
    ]);
    expect(
      devices(
        "NNODES=2 GPUS=16 ./tools/slurm_train.sh dev job cfg.py work --cfg-options train_dataloader.batch_size=4\n",
      ),
    ).toEqual([["devices", "GPUS", 16]]);
    // A GPUS variable the script sets for itself is not the launcher's environment.
    expect(
      devices("GPUS=8\n./tools/slurm_train.sh dev job cfg.py work --cfg-options train_dataloader.batch_size=4\n"),
    ).toEqual([]);
  });

  it("says where the GPU count comes from when slurm_train.sh is run without GPUS", () => {
    const r = detectFile(
      "train.sh",
      "./tools/slurm_train.sh dev job cfg.py work --cfg-options train_dataloader.batch_size=4\n",
    );
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown[0])).toMatch(
      /^devices: not in this file \(tools\/dist_train\.sh CONFIG <gpus>, GPUS=<n> tools\/slurm_train\.sh/,
    );
  });

  it("takes a script that only runs dist_train.sh as mmengine's, and as mmcv's when its keys say so", () => {
    const bare = detectFile("train.sh", "bash tools/dist_train.sh configs/x.py 8\n");
    expect(bare.framework).toBe("mmengine");
    expect(bare.effective).toMatchObject({ value: null, parts: { devices: 8 } });
    expect(
      detectFile("train.sh", "bash tools/dist_train.sh configs/x.py 8 --cfg-options data.samples_per_gpu=2\n"),
    ).toMatchObject({ framework: "mmcv", effective: { value: 16 } });
  });

  it("leaves the GPU count unknown, with its reason, when the positional is the caller's", () => {
    const r = detectFile(
      "train.sh",
      'CONFIG=configs/x.py\nbash tools/dist_train.sh "$CONFIG" "$1" --cfg-options train_dataloader.batch_size=4\n',
    );
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toEqual(["#2: shell positional argument $1, passed by the caller"]);
  });
});
