import type { KeyRule } from "./framework.js";
import { runsScript } from "./script-context.js";

const DIST_TRAIN = runsScript("dist_train.sh");
const SLURM_TRAIN = runsScript("slurm_train.sh");

/**
 * OpenMMLab's launch scripts, shared by mmengine and mmcv 1.x (framework-batch-keys.md §10):
 * `tools/dist_train.sh CONFIG GPUS [args]` takes the GPUs per node as `$2` and the node count from
 * `NNODES=2 …`; `GPUS=16 tools/slurm_train.sh PARTITION JOB CONFIG WORK_DIR` takes the job's
 * total GPU count from the environment (`GPUS_PER_NODE` only places them).
 */
export const openmmlabLaunchRules: KeyRule[] = [
  { key: "^#2", context: DIST_TRAIN, role: "devices" },
  { key: "^NNODES", context: DIST_TRAIN, role: "nodes" },
  { key: "^GPUS", context: SLURM_TRAIN, role: "devices" },
];

/** Whether a config runs one of OpenMMLab's launch scripts. */
export const OPENMMLAB_SCRIPT = runsScript("dist_train.sh", "slurm_train.sh");
