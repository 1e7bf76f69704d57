import { posix } from "node:path";
import type { Entry, ParsedConfig } from "./types.js";

/** Flags by which a launch command names the config it runs (dashes and underscores as written). */
const CONFIG_FLAG = /^(?:config|config[_-]file|config[_-]path_?file|deepspeed|deepspeed[_-]config|cfg|yaml[_-]config)$/;
/** Hydra's `-cn/--config-name` (a name inside the `-cp/--config-path` folder, `.yaml` implied). */
const CONFIG_NAME = /^(?:cn|config[_-]name)$/;
const CONFIG_DIR = /^(?:cp|config[_-]path|config[_-]dir)$/;
/** A positional argument that is a config file (`accelerate launch run.py recipes/sft.yaml`, `dist_train.sh cfg.py 8`).
 * */
const CONFIG_FILE = /\.(?:ya?ml|json|toml|py|gin|jsonnet|libsonnet|cfg)$/i;
/** Programs that only start other programs: their own positionals are the script, never a config. */
const LAUNCHER_ONLY = /^(?:torchrun|deepspeed|accelerate launch|python -m torch\.distributed\.\w+|sbatch|srun|mpirun)$/;

/** One config a launch script runs: the file in the tree, and the entry in the script that names it. */
export interface LaunchReference {
  config: string;
  entry: Entry;
}

/**
 * The configs of the tree a launch script runs: `--config`, `--config_file`, `--deepspeed`,
 * `--deepspeed_config` values, a Hydra `-cn name` in its `-cp` folder, and positional config files,
 * each resolved from the repository root, the script's folder or the folder above it (a
 * `scripts/` folder run from the project beside it). Values the script leaves
 * unresolved (`$1`, `$CONFIG` never set) name no file and are skipped.
 * @example launchReferences(parseConfig("run.sh", "deepspeed train.py --deepspeed ds.json"), files)[0].config
 *   // "ds.json"
 */
export function launchReferences(script: ParsedConfig, files: ReadonlySet<string>): LaunchReference[] {
  const found: LaunchReference[] = [];
  const dir = posix.dirname(script.path);
  const at = (candidates: string[]) =>
    candidates.map((c) => posix.normalize(c)).find((c) => !c.startsWith("..") && files.has(c));
  for (const e of script.entries) {
    if (typeof e.value !== "string" || e.unknownReason || e.path.length !== 1) continue;
    const key = e.path[0];
    const value = e.value.replace(/^\.\//, "");
    let config: string | undefined;
    if (
      CONFIG_FLAG.test(key) ||
      (/^#\d+$/.test(key) && CONFIG_FILE.test(value) && !LAUNCHER_ONLY.test(e.context ?? ""))
    ) {
      config = at([value, posix.join(dir, value), posix.join(posix.dirname(dir), value)]);
    } else if (CONFIG_NAME.test(key)) {
      config = hydraConfig(value, configDir(script, e), dir, files);
    }
    if (config && config !== script.path && !found.some((f) => f.config === config)) found.push({ config, entry: e });
  }
  return found;
}

/** The `-cp/--config-path` of the same command, when the command gives one. */
function configDir(script: ParsedConfig, name: Entry): string | undefined {
  const dir = script.entries.find(
    (e) =>
      e.context === name.context && e.path.length === 1 && CONFIG_DIR.test(e.path[0]) && typeof e.value === "string",
  );
  return typeof dir?.value === "string" ? dir.value : undefined;
}

/**
 * A Hydra config name as a file: `<config-path>/<name>.yaml` from the root or the script's folder;
 * without a config path, the one file of the tree named `<name>.yaml` under a `conf`/`config` folder.
 */
function hydraConfig(
  name: string,
  dir: string | undefined,
  scriptDir: string,
  files: ReadonlySet<string>,
): string | undefined {
  const file = /\.ya?ml$/.test(name) ? name : `${name}.yaml`;
  if (dir) {
    const clean = dir.replace(/^\.\//, "");
    return [
      posix.join(clean, file),
      posix.join(scriptDir, clean, file),
      posix.join(posix.dirname(scriptDir), clean, file),
    ]
      .map((c) => posix.normalize(c))
      .find((c) => !c.startsWith("..") && files.has(c));
  }
  const matches = [...files].filter(
    (f) => (f === file || f.endsWith(`/${file}`)) && /(?:^|\/)(?:conf|configs?|recipes)(?:\/|$)/.test(posix.dirname(f)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}
