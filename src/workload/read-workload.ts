import type { BotConfig } from "../config/schema.js";
import type { Entry, FileReport } from "../detect/types.js";
import { readGpu } from "./read-gpu.js";
import { readMethod } from "./read-method.js";
import { readModel } from "./read-model.js";
import { readParallel } from "./read-parallel.js";
import { readTraining } from "./read-training.js";
import type { Workload } from "./types.js";

export interface WorkloadInput {
  /** One side's detection report (framework, batch settings with lines, effective batch). */
  file: FileReport;
  /** That side's parsed entries, inheritance merged. */
  entries: Entry[];
  config: BotConfig;
  /** Reads a file of the same side (a DeepSpeed JSON or a config.json the config names); null when it does not exist. */
  read: (path: string) => Promise<string | null>;
}

/**
 * What one side of a config trains — model, method, precision, optimizer, sequence length,
 * activation-memory techniques, parallelism, devices and the GPU — each field with its source.
 * Problems (an unknown model, a missing or broken file the config names, a LoRA target that names
 * no module) are in `issues` with their key and line; the rest of the workload still holds.
 * @example const w = await readWorkload({ file, entries, config, read }); w.model.source // { kind: "catalogue", id: "meta-llama/Llama-3.2-1B", url: "https://huggingface.co/…" }
 */
export async function readWorkload(input: WorkloadInput): Promise<Workload> {
  const { file, entries, config, read } = input;
  const { model, issues: modelIssues } = await readModel({ entries, file: file.path, framework: file.framework, config, read });
  const method = readMethod({ entries, file: file.path, model: model.value });
  const training = readTraining({ entries, settings: file.settings, file: file.path, framework: file.framework, config });
  const parallel = await readParallel({ entries, file, config, read });
  const parameters = model.value ? { value: model.value.parameters, source: model.source } : { value: null, source: model.source };
  return {
    model,
    parameters,
    trainableParameters: method.trainableParameters,
    method: method.method,
    lora: method.lora,
    baseQuantization: method.baseQuantization,
    ...training,
    zero: parallel.zero,
    fsdp: parallel.fsdp,
    parallel: parallel.parallel,
    devices: parallel.devices,
    gpu: readGpu(config),
    issues: [...modelIssues, ...method.issues, ...parallel.issues],
  };
}
