import { posix } from "node:path";
import { detectParsed } from "./detect-file.js";
import type { ReadAt } from "./inheritance.js";
import { nearestFiles } from "./nearest-files.js";
import { parseConfig } from "./parse/parse-config.js";

/** Bound on launch scripts read for one config: each is one API call through the GitHub source. */
export const MAX_LAUNCH_SCRIPTS = 100;

const SCRIPT = /\.(sh|bash|slurm|sbatch)$/i;

/**
 * The data-parallel device count a launch script in the tree gives a config it names:
 * `torchrun --nproc_per_node 8 train.py --config configs/sft.yaml`, `accelerate launch
 * --num_processes 8 … recipes/sft.yaml` (or the `num_processes` of its `--config_file`),
 * `#SBATCH --gres=gpu:4`. The first script (nearest folder
 * first) that names the config and whose launcher sets the devices wins; none → undefined.
 * @example await findLaunchDevices({ configPath: "configs/sft.yaml", files, read }) // { devices: 8, from: "scripts/train.sh" }
 */
export async function findLaunchDevices(args: { configPath: string; files: string[]; read: ReadAt }): Promise<{ devices: number; from: string } | undefined> {
  const name = posix.basename(args.configPath);
  const scripts = nearestFiles({ files: args.files, pattern: SCRIPT, near: [args.configPath], limit: MAX_LAUNCH_SCRIPTS });
  for (const f of scripts) {
    const text = await args.read(f);
    if (text === null || !text.includes(name)) continue;
    const script = parseConfig(f, text);
    const devices = detectParsed(script).effective.parts.devices;
    if (typeof devices === "number" && devices >= 1) return { devices, from: f };
    const fromConfig = await accelerateConfigDevices(script, args.read);
    if (fromConfig) return fromConfig;
  }
  return undefined;
}

/** `accelerate launch --config_file cfg.yaml …`: the accelerate config's `num_processes` (all machines). */
async function accelerateConfigDevices(script: ReturnType<typeof parseConfig>, read: ReadAt): Promise<{ devices: number; from: string } | undefined> {
  for (const e of script.entries) {
    if (!e.context?.startsWith("accelerate launch") || e.path.length !== 1 || !/^config[_-]file$/.test(e.path[0]) || typeof e.value !== "string") continue;
    const path = posix.normalize(e.value);
    const text = await read(path);
    if (text === null) continue;
    const devices = detectParsed(parseConfig(path, text)).effective.parts.devices;
    if (typeof devices === "number" && devices >= 1) return { devices, from: `${script.path} → ${path}` };
  }
  return undefined;
}
