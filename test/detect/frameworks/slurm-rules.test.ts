import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { gpusPerNode, gresGpus } from "../../../src/detect/frameworks/slurm-rules.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("#SBATCH headers", () => {
  it.each([
    ["gpu:8", 8],
    ["gpu:a100:4", 4],
    ["nvme:1,gpu:h100:8", 8],
  ])("reads --gres=%s as %i GPUs per node", (value, gpus) => {
    expect(gresGpus(value)).toBe(gpus);
  });

  it("says a gres without GPUs names no GPU count", () => {
    expect(inEnglish(gresGpus("nvme:1"))).toEqual({ unknown: "--gres=nvme:1 names no GPU count" });
  });

  it("reads --gpus-per-node with and without a GPU type", () => {
    expect([gpusPerNode("a100:2"), gpusPerNode("8"), gpusPerNode(4)]).toEqual([2, 8, undefined]);
  });

  it("multiplies GPUs per node by nodes and lets tensor parallelism divide them (Megatron under srun)", () => {
    const script = [
      "#!/bin/bash",
      "#SBATCH --job-name=gpt-1.3b",
      "#SBATCH --nodes=2",
      "#SBATCH --ntasks-per-node=8",
      "#SBATCH --gres=gpu:8",
      "",
      "srun python pretrain_gpt.py --micro-batch-size 4 --global-batch-size 512 --tensor-model-parallel-size 2",
      "",
    ].join("\n");
    const r = detectFile("pretrain.slurm", script);
    expect(r.framework).toBe("megatron");
    expect(
      r.settings.filter((s) => s.role === "devices" || s.role === "nodes").map((s) => [s.line, s.role, s.key, s.value]),
    ).toEqual([
      [3, "nodes", "nodes", 2],
      [5, "devices", "gres", 8],
    ]);
    expect(r.effective).toMatchObject({ value: 512, parts: { micro: 4, accum: 16, devices: 8 } });
  });
});
