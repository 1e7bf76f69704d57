import type { BotConfig } from "../config/schema.js";
import type { Entry, FileReport } from "../detect/types.js";
import { readGpu } from "./read-gpu.js";
import { dependencyFiles, readBitsandbytes } from "./read-library-versions.js";
import { readMethod } from "./read-method.js";
import { localConfigOf, readModel } from "./read-model.js";
import { deepSpeedEntry, deepSpeedPaths, readParallel } from "./read-parallel.js";
import { readTraining } from "./read-training.js";
import type { Workload } from "./types.js";

export interface WorkloadInput {
  /** One side's detection report (framework, batch settings with lines, effective batch). */
  file: FileReport;
  /** That side's parsed entries, inheritance merged. */
  entries: Entry[];
  config: BotConfig;
}

/**
 * The files a config side names that the workload reads: the bot config's `model.configJson`, a
 * config.json in a model folder inside the repository, a DeepSpeed JSON (each place it may be).
 * @example filesNamed({ file, entries, config }) // ["ds_z3.json", "configs/ds_z3.json"]
 */
export function filesNamed(input: WorkloadInput): string[] {
  const paths: string[] = [];
  if (input.config.model.configJson) paths.push(input.config.model.configJson);
  const local = localConfigOf(input.entries);
  if (local) paths.push(local.path);
  const ds = deepSpeedEntry(input.entries);
  if (ds) paths.push(...deepSpeedPaths(String(ds.value), input.file.path));
  return [...new Set(paths)];
}

/**
 * What one side of a config trains — model, method, precision, optimizer, sequence length,
 * activation-memory techniques, parallelism, devices and the GPU — each field with its source,
 * from the entries and the files they name (already read). Problems (an unknown model, a missing or
 * broken file the config names, a LoRA target that names no module) are in `issues` with their key
 * and line; the rest of the workload still holds.
 * @example buildWorkload({ file, entries, config, files: new Map() }).model.source
 *   // { kind: "catalogue", id: "meta-llama/Llama-3.2-1B", url: "https://huggingface.co/…" }
 */
export function buildWorkload(input: WorkloadInput & { files: ReadonlyMap<string, string | null> }): Workload {
  const { entries, config, files } = input;
  const file = { ...input.file, framework: frameworkOf(input.file, entries) };
  const { model, issues: modelIssues } = readModel({
    entries,
    file: file.path,
    framework: file.framework,
    config,
    files,
  });
  const method = readMethod({ entries, file: file.path, model: model.value });
  const training = readTraining({
    entries,
    settings: file.settings,
    file: file.path,
    framework: file.framework,
    config,
  });
  const parallel = readParallel({ entries, file, config, files });
  return {
    model,
    parameters: model.value
      ? { value: model.value.parameters, source: model.source }
      : { value: null, source: model.source },
    trainableParameters: method.trainableParameters,
    method: method.method,
    lora: method.lora,
    baseQuantization: method.baseQuantization,
    ...training,
    bitsandbytes: readBitsandbytes({ config, configPath: file.path, files }),
    zero: parallel.zero,
    fsdp: parallel.fsdp,
    parallel: parallel.parallel,
    devices: parallel.devices,
    gpu: readGpu(config),
    issues: [...modelIssues, ...method.issues, ...parallel.issues],
  };
}

/**
 * The framework whose defaults apply: detection's, except that a nanoGPT config file
 * (`config/train_gpt2.py`, which sets `n_layer`/`n_embd` beside a plain `batch_size`) reads as nanoGPT.
 */
function frameworkOf(file: FileReport, entries: Entry[]): string {
  if (file.framework !== "generic") return file.framework;
  const top = (name: string) => entries.some((e) => e.path.length === 1 && e.path[0] === name);
  return top("n_layer") && top("n_embd") ? "nanogpt" : file.framework;
}

/**
 * `buildWorkload` with the named files read through `read` (a side of the change source); for a
 * 4-bit base, also the dependency files that may pin bitsandbytes (`dependencyFiles`).
 * @example const w = await readWorkload({ file, entries, config, read: (p) => source.read("head", p) });
 */
export async function readWorkload(
  input: WorkloadInput & { read: (path: string) => Promise<string | null> },
): Promise<Workload> {
  const files = new Map<string, string | null>();
  for (const path of filesNamed(input)) files.set(path, await input.read(path));
  const workload = buildWorkload({ ...input, files });
  // Dependency files matter only for a 4-bit base whose bitsandbytes the bot config does not state:
  // read them then, not on every config.
  const quant = workload.baseQuantization.value;
  if ((quant !== "nf4" && quant !== "nf4-double") || workload.bitsandbytes.value !== null) return workload;
  for (const path of dependencyFiles(input.file.path)) if (!files.has(path)) files.set(path, await input.read(path));
  return { ...workload, bitsandbytes: readBitsandbytes({ config: input.config, configPath: input.file.path, files }) };
}
