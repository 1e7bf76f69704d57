import { describe, expect, it } from "vitest";
import { runsScript } from "../../../src/detect/frameworks/script-context.js";

describe("runsScript", () => {
  const re = runsScript("dist_train.sh", "slurm_train.sh");

  it.each([
    "./tools/dist_train.sh",
    "tools/dist_train.sh",
    "dist_train.sh",
    "bash ./tools/dist_train.sh",
    "sh tools/slurm_train.sh",
    "sbatch tools/slurm_train.sh",
    "/home/me/mmdet/tools/dist_train.sh",
  ])("matches %s", (context) => expect(re.test(context)).toBe(true));

  it.each([
    "tools/dist_test.sh",
    "tools/my_dist_train.sh",
    "python tools/dist_train.sh.py",
    "torchrun tools/train.py",
    "bash tools/dist_train.sh --x",
    "dist_trainXsh",
  ])("does not match %s", (context) => expect(re.test(context)).toBe(false));
});
