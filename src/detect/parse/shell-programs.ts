/**
 * What the shell parser knows about programs by name: which run another program, which launch a
 * training script, which take a subcommand, and which never carry settings. Names are basenames
 * (`/usr/bin/torchrun` is `torchrun`).
 */

/** Programs that run another program given after their own flags. */
export const WRAPPERS = new Set([
  "srun",
  "mpirun",
  "mpiexec",
  "horovodrun",
  "numactl",
  "taskset",
  "nsys",
  "ncu",
  "uv",
  "poetry",
  "pipenv",
  "conda",
  "apptainer",
  "singularity",
  "xargs",
  "parallel",
  "ddp",
]);
/** Wrappers named with their subcommand (`uv run`), and those followed by an image to skip. */
export const WRAPPER_SUBCOMMANDS = new Set([
  "uv",
  "poetry",
  "pipenv",
  "conda",
  "apptainer",
  "singularity",
  "nsys",
  "ncu",
]);
export const WRAPPER_IMAGE = new Set(["apptainer", "singularity"]);
/** Launchers whose flags come before a training script, and whose context then names the script. */
export const LAUNCHERS = new Set([
  "torchrun",
  "deepspeed",
  "composer",
  "accelerate launch",
  "fabric run",
  "lightning run model",
  "colossalai run",
  "tune run",
]);
/** Programs whose first word is a subcommand that belongs in the context. */
export const SUBCOMMANDS = new Set([
  "accelerate",
  "tune",
  "llamafactory-cli",
  "litgpt",
  "axolotl",
  "lightning",
  "fabric",
  "colossalai",
  "ray",
  "huggingface-cli",
  "sky",
  "modal",
  "mlx_lm",
  "nemo",
]);
/** Prefixes that run the rest of the line as a command, with options of their own to skip. */
export const PREFIXES = new Set([
  "nohup",
  "exec",
  "time",
  "command",
  "builtin",
  "sudo",
  "nice",
  "stdbuf",
  "timeout",
  "ionice",
  "env",
]);
export const PREFIX_OPTIONS_WITH_VALUE = /^-(n|u|s|k|g|c|i|o|e)$/;
/** Commands whose arguments are not settings, even when they look like flags (`echo "--bs 8"`). */
export const NOT_SETTINGS = new Set([
  "echo",
  "printf",
  "[",
  "[[",
  "test",
  "read",
  "cd",
  "pushd",
  "popd",
  "set",
  "trap",
  "eval",
  "exit",
  "return",
  "source",
  ".",
  "alias",
  "let",
  "logger",
  "tee",
  "cat",
  "grep",
  "sed",
  "awk",
  "mkdir",
  "rm",
  "cp",
  "mv",
  "ln",
  "ls",
  "touch",
  "chmod",
  "sleep",
  "wait",
  "true",
  "false",
  "shift",
  "pip",
  "pip3",
  "git",
  "wget",
  "curl",
  "tar",
  "unzip",
  "module",
  "ulimit",
  "kill",
  "getopts",
  "case",
  "basename",
  "dirname",
  "realpath",
  "mapfile",
]);
/** Programs named by their basename in a context; any other program keeps its path as written. */
export const KNOWN_PROGRAMS = new RegExp(
  `^(${[
    ...["python[\\d.]*", "torchrun", "deepspeed", "accelerate", "bash", "sh", "zsh"],
    ...["srun", "mpirun", "mpiexec", "horovodrun", "fairseq-[\\w-]+", "yolo", "tune", "llamafactory-cli"],
    ...["composer", "litgpt", "lightning", "fabric", "axolotl", "colossalai"],
    ...["uv", "poetry", "pipenv", "conda", "apptainer", "singularity", "numactl", "taskset"],
    ...["env", "nohup", "sbatch", "ray", "huggingface-cli", "nsys", "ncu", "time", "exec"],
  ].join("|")})$`,
);
export const YOLO_TASKS = new Set(["detect", "segment", "classify", "pose", "obb"]);
export const YOLO_MODES = new Set(["train", "val", "predict", "export", "track", "benchmark"]);
export const TORCH_DISTRIBUTED = new Set(["torch.distributed.run", "torch.distributed.launch"]);
/** Shells that run a script file given after their own options (`bash -x tools/dist_train.sh`). */
export const SHELLS = new Set(["bash", "sh", "zsh"]);

/**
 * The file name of a path.
 * @example basename("/usr/bin/python3") // "python3"
 */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** A word that starts a wrapped command: a known program or a script file. */
export function looksLikeCommand(t: string): boolean {
  return KNOWN_PROGRAMS.test(basename(t)) || /\.(py|sh)$/.test(t);
}
