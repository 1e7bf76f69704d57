import { posix } from "node:path";
import { detectParsed } from "./detect-file.js";
import { DEVICE_ROLES } from "./device-roles.js";
import { recogniseFramework } from "./frameworks/catalogue.js";
import type { Framework } from "./frameworks/framework.js";
import { generic } from "./frameworks/generic.js";
import { slurmRules } from "./frameworks/slurm-rules.js";
import type { ReadAt } from "./inheritance.js";
import { launchReferences, type LaunchReference } from "./launch-references.js";
import { nearestFiles } from "./nearest-files.js";
import { parseConfig } from "./parse/parse-config.js";
import type { BatchSetting, Entry, ParsedConfig, Role } from "./types.js";

/** Bound on launch scripts read for one config: each is one API call through the GitHub source. */
export const MAX_LAUNCH_SCRIPTS = 100;

const SCRIPT = /\.(sh|bash|slurm|sbatch)$/i;

/** Roles of a launch command that set how many data-parallel copies run. */
const DEVICE_ROLE_SET = new Set<Role>(DEVICE_ROLES);

/** The devices a launch script gives a config, and the script's settings that make them (each with the script as its
 * source). */
export interface LaunchDevices {
  devices: number;
  from: string;
  settings: BatchSetting[];
}

/**
 * The data-parallel device count a launch script in the tree gives a config it names:
 * `torchrun --nproc_per_node 8 train.py --config configs/sft.yaml`, `deepspeed --num_gpus 4 …
 * --deepspeed ds.json`, `accelerate launch --num_processes 8 … recipes/sft.yaml` (or the
 * `num_processes` of its `--config_file`), `#SBATCH --gres=gpu:4`. Where a script runs several
 * commands, the devices of the command that names the config. The first script (nearest folder
 * first) that names the config and whose launcher sets the devices wins; none → undefined.
 * @example await findLaunchDevices({ configPath: "configs/sft.yaml", files, read })
 *   // { devices: 8, from: "scripts/train.sh", settings }
 */
export async function findLaunchDevices(args: {
  configPath: string;
  files: string[];
  read: ReadAt;
}): Promise<LaunchDevices | undefined> {
  const name = posix.basename(args.configPath);
  const stem = name.replace(/\.[^.]+$/, "");
  const tree = new Set(args.files);
  const scripts = nearestFiles({
    files: args.files,
    pattern: SCRIPT,
    near: [args.configPath],
    limit: MAX_LAUNCH_SCRIPTS,
  });
  for (const f of scripts) {
    const text = await args.read(f);
    if (text === null || !text.includes(stem)) continue;
    const script = parseConfig(f, text);
    const references = launchReferences(script, tree);
    const reference = references.find((r) => r.config === args.configPath);
    // A name the script mentions without a resolvable flag (a path built in a loop) still counts, read as the whole
    // script.
    if (!reference && !text.includes(name)) continue;
    const command = reference ? commandOf(script, reference, references) : script;
    const found = devicesOf(command, f) ?? (command === script ? undefined : devicesOf(script, f));
    if (found) return found;
    const fromConfig = await accelerateConfigDevices(script, args.read);
    if (fromConfig) return fromConfig;
  }
  return undefined;
}

/** The generic launcher flags and `#SBATCH` headers, for a script whose framework reads neither (a Hydra `-cn` run). */
const launcherOnly: Framework = { ...generic, rules: [...slurmRules, ...generic.rules] };

function devicesOf(script: ParsedConfig, from: string): LaunchDevices | undefined {
  for (const framework of [recogniseFramework(script), launcherOnly]) {
    const report = detectParsed(script, { framework });
    const devices = report.effective.parts.devices;
    if (typeof devices !== "number" || devices < 1) continue;
    return {
      devices,
      from,
      settings: report.settings
        .filter((s) => DEVICE_ROLE_SET.has(s.role))
        .map((s) => ({ ...s, source: from, launcher: true })),
    };
  }
  return undefined;
}

/**
 * The part of a script that belongs to the command naming `reference`: its `#SBATCH` headers and
 * variables, and the launcher flags written after the previous command that names a config.
 */
function commandOf(script: ParsedConfig, reference: LaunchReference, all: LaunchReference[]): ParsedConfig {
  const { line, context } = reference.entry;
  const previous = Math.max(
    0,
    ...all.filter((r) => r.entry.line < line && r.entry.context !== context).map((r) => r.entry.line),
  );
  const inCommand = (l: number) => l > previous && l <= line;
  const global = (e: Entry) => e.context === undefined || e.context === "sbatch" || e.context === "shell variable";
  const nodes = script.entries.find(
    (e) => e.context === "sbatch" && /^(?:nodes|N)$/.test(e.path[0]) && typeof e.value === "number",
  );
  // The command's own flags first: `torchrun --nproc_per_node 1` outranks the job's `--gres=gpu:8`.
  const command = script.entries
    .filter((e) => !global(e) && inCommand(e.usedAt?.line ?? e.line))
    .map((e) => slurmNodes(e, nodes));
  return { ...script, entries: [...command, ...script.entries.filter(global)] };
}

/** `--nnodes $SLURM_NNODES` is the job's `#SBATCH --nodes`, which SLURM sets it to. */
function slurmNodes(e: Entry, nodes: Entry | undefined): Entry {
  if (!nodes || !e.unknownReason || !/^\$\{?SLURM_(?:JOB_)?(?:NNODES|NUM_NODES)\}?$/.test(e.raw)) return e;
  const { unknownReason: _, ...known } = e;
  return { ...known, value: nodes.value, usedAt: { line: e.line, raw: e.raw }, line: nodes.line, column: nodes.column };
}

/** `accelerate launch --config_file cfg.yaml …`: the accelerate config's `num_processes` (all machines). */
async function accelerateConfigDevices(script: ParsedConfig, read: ReadAt): Promise<LaunchDevices | undefined> {
  for (const e of script.entries) {
    if (
      !e.context?.startsWith("accelerate launch") ||
      e.path.length !== 1 ||
      !/^config[_-]file$/.test(e.path[0]) ||
      typeof e.value !== "string"
    )
      continue;
    const path = posix.normalize(e.value);
    const text = await read(path);
    if (text === null) continue;
    const found = devicesOf(parseConfig(path, text), `${script.path} → ${path}`);
    if (found) return { ...found, settings: found.settings.map((s) => ({ ...s, source: path, launcher: true })) };
  }
  return undefined;
}
