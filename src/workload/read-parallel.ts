import { posix } from "node:path";
import type { BotConfig } from "../config/schema.js";
import { parseConfig } from "../detect/parse/parse-config.js";
import type { Entry, FileReport } from "../detect/types.js";
import { fromBotConfig, fromDefault, fromEntry, keyOf, unknown } from "./field.js";
import { asBoolean, asCount, findEntry } from "./find-entry.js";
import type { Field, FsdpStrategy, Workload, WorkloadIssue, ZeroSpec } from "./types.js";

export interface ParallelInput {
  entries: Entry[];
  file: FileReport;
  config: BotConfig;
  /** Files the config names (see `filesNamed`), already read: null when missing. */
  files: ReadonlyMap<string, string | null>;
}

type Parallel = Pick<Workload, "zero" | "fsdp" | "parallel" | "devices">;

/**
 * How the model states and activations are split: DeepSpeed ZeRO stage and offload (from the
 * JSON the config names, or the config itself), FSDP's sharding strategy, tensor/pipeline/
 * sequence/context parallel sizes and the device count.
 * @example readParallel({ entries, file, config, files }).zero.value // { stage: 3, offloadOptimizer: false, … }
 */
export function readParallel(input: ParallelInput): Parallel & { issues: WorkloadIssue[] } {
  const issues: WorkloadIssue[] = [];
  const zero = readZero(input, issues);
  return { zero, fsdp: readFsdp(input), parallel: readSizes(input), devices: readDevices(input), issues };
}

function readZero(input: ParallelInput, issues: WorkloadIssue[]): Field<ZeroSpec> {
  const { entries, file, config } = input;
  const path = file.path;
  const named = deepSpeedEntry(entries);
  if (named && typeof named.value === "string") {
    const where = readDeepSpeed(named.value, path, input.files);
    const key = keyOf(named);
    if (!where) {
      issues.push({
        id: "deepspeed-missing",
        key,
        file: named.source ?? path,
        line: named.line,
        params: { path: named.value, key, line: named.line },
      });
      return unknown(
        { id: "unknown.fileNotFound", params: { file: String(named.value) } },
        { key, line: named.line, file: named.source ?? path },
      );
    }
    if (where.errors.length || !where.entries.length) {
      const error = where.errors[0];
      // The parser's own words, or "" when the file parses but holds no settings.
      const parsed = error ? { error: error.message, errorLine: error.line ?? 0 } : { error: "", errorLine: 0 };
      issues.push({
        id: "deepspeed-invalid",
        key,
        file: named.source ?? path,
        line: named.line,
        params: { path: where.path, key, line: named.line, ...parsed },
      });
      return unknown(
        { id: "unknown.fileNotParsed", params: { file: where.path } },
        { key, line: named.line, file: named.source ?? path },
      );
    }
    return (
      zeroFrom(where.entries, where.path) ??
      fromDefault({ stage: 0, offloadOptimizer: false, offloadParameters: false, file: where.path }, "deepspeed", {
        id: "default.zero.noSection",
        params: { file: where.path },
      })
    );
  }
  const own = zeroFrom(entries, path);
  if (own) return own;
  if (findEntry(entries, ["use_distributed_optimizer", "use-distributed-optimizer"])?.value === true) {
    // Megatron's distributed optimizer shards the optimizer states over data-parallel ranks: ZeRO-1.
    const e = findEntry(entries, ["use_distributed_optimizer", "use-distributed-optimizer"])!;
    return fromEntry({ stage: 1, offloadOptimizer: false, offloadParameters: false }, e, path);
  }
  if (config.model.zeroStage !== undefined)
    return fromBotConfig(
      { stage: config.model.zeroStage, offloadOptimizer: false, offloadParameters: false },
      "model.zeroStage",
    );
  return fromDefault({ stage: 0, offloadOptimizer: false, offloadParameters: false }, "any", {
    id: "default.zero.none",
  });
}

/** The key that names a DeepSpeed JSON (`deepspeed: ds_z3.json`, accelerate's `deepspeed_config_file`). */
export function deepSpeedEntry(entries: Entry[]): Entry | undefined {
  const named = findEntry(entries, ["deepspeed", "deepspeed_config_file", "deepspeed_config", "deepspeed-config"]);
  return named && typeof named.value === "string" && /\.json$/i.test(named.value) ? named : undefined;
}

/** Where a named DeepSpeed JSON may be: relative to the repository root (where launchers run), then to the config's
 * folder. */
export function deepSpeedPaths(name: string, configPath: string): string[] {
  const clean = name.replace(/^\.\//, "");
  return [...new Set([clean, posix.normalize(posix.join(posix.dirname(configPath), clean))])];
}

function readDeepSpeed(
  name: string,
  configPath: string,
  files: ParallelInput["files"],
): { path: string; entries: Entry[]; errors: Array<{ message: string; line?: number }> } | undefined {
  for (const path of deepSpeedPaths(name, configPath)) {
    const text = files.get(path) ?? null;
    if (text === null) continue;
    const parsed = parseConfig(path, text);
    return { path, entries: parsed.entries, errors: parsed.errors };
  }
  return undefined;
}

/** `zero_optimization.stage` and its offload devices (accelerate: `zero_stage`, `offload_optimizer_device`). */
function zeroFrom(entries: Entry[], file: string): Field<ZeroSpec> | undefined {
  const stageEntry = findEntry(entries, ["zero_optimization.stage", "zero_stage", "zero-stage"]);
  const stage = stageEntry ? Number(stageEntry.value) : NaN;
  if (!stageEntry || ![0, 1, 2, 3].includes(stage)) return undefined;
  const offloaded = (names: string[]) => {
    const e = findEntry(entries, names);
    return e !== undefined && typeof e.value === "string" && /cpu|nvme/i.test(e.value);
  };
  return fromEntry(
    {
      stage: stage as ZeroSpec["stage"],
      offloadOptimizer: offloaded(["offload_optimizer.device", "offload_optimizer_device"]),
      offloadParameters: offloaded(["offload_param.device", "offload_param_device"]),
      file,
    },
    stageEntry,
    file,
  );
}

function readFsdp({ entries, file }: ParallelInput): Field<FsdpStrategy> {
  const strategy = findEntry(entries, [
    "fsdp_sharding_strategy",
    "sharding_strategy",
    "fsdp_config.sharding_strategy",
    "fsdp",
  ]);
  if (strategy && strategy.value !== null && strategy.value !== false && strategy.value !== "") {
    const v = String(strategy.value).toLowerCase();
    // accelerate writes the strategy by name or by its enum number (1 FULL_SHARD, 2 SHARD_GRAD_OP, 3 NO_SHARD, 4
    // HYBRID_SHARD).
    const kind: FsdpStrategy | undefined = /hybrid|^4$/.test(v)
      ? "hybrid"
      : /shard_grad_op|^2$/.test(v)
        ? "shard-grad-op"
        : /no_shard|^3$/.test(v)
          ? "no-shard"
          : /full_shard|^1$|^true$/.test(v)
            ? "full"
            : undefined;
    if (kind) return fromEntry(kind, strategy, file.path);
  }
  const list = entries.filter(
    (e) => e.path[0] === "fsdp" && /^\d+$/.test(e.path[1] ?? "") && typeof e.value === "string",
  );
  const named = list.find((e) => /full_shard|shard_grad_op|hybrid_shard|no_shard/i.test(String(e.value)));
  if (named) {
    const v = String(named.value).toLowerCase();
    return fromEntry(
      v.includes("hybrid")
        ? "hybrid"
        : v.includes("grad_op")
          ? "shard-grad-op"
          : v.includes("no_shard")
            ? "no-shard"
            : "full",
      named,
      file.path,
    );
  }
  const strategyName = findEntry(entries, ["strategy", "trainer.strategy"]);
  if (strategyName && /fsdp/i.test(String(strategyName.value))) return fromEntry("full", strategyName, file.path);
  if (file.framework === "torchtune" && findEntry(entries, ["fsdp_cpu_offload", "fsdp_reshard_after_forward"])) {
    const e = findEntry(entries, ["fsdp_cpu_offload", "fsdp_reshard_after_forward"])!;
    return fromEntry("full", e, file.path);
  }
  return fromDefault("no-shard", "any", { id: "default.fsdp.none" });
}

function readSizes({ entries, file }: ParallelInput): Workload["parallel"] {
  const size = (role: "tensor_parallel" | "pipeline_parallel" | "context_parallel"): Field<number> => {
    const s = file.settings.find((x) => x.role === role && asCount(x.value));
    if (s)
      return {
        value: asCount(s.value)!,
        source: { kind: "config", file: s.source ?? file.path, key: s.key, line: s.line },
      };
    return fromDefault(1, "any", { id: "default.parallel.none", params: { role } });
  };
  const sp = findEntry(entries, ["sequence_parallel", "sequence-parallel"]);
  return {
    tensor: size("tensor_parallel"),
    pipeline: size("pipeline_parallel"),
    sequence:
      sp && asBoolean(sp.value) !== undefined
        ? fromEntry(asBoolean(sp.value)!, sp, file.path)
        : fromDefault(false, "any", { id: "default.sequenceParallel.none" }),
    context: size("context_parallel"),
  };
}

function readDevices({ file, config }: ParallelInput): Field<number> {
  const s = file.settings.find((x) => x.role === "devices" && asCount(x.value));
  if (s)
    return {
      value: asCount(s.value)!,
      source: { kind: "config", file: s.source ?? file.path, key: s.key, line: s.line },
    };
  const devices = file.effective.parts.devices;
  // Detection takes the bot config's `devices` when the config leaves them to its launcher.
  if (config.devices && (!devices || devices === config.devices)) return fromBotConfig(config.devices, "devices");
  const launch = / — devices from (.+)$/.exec(file.effective.formula);
  if (devices)
    return {
      value: devices,
      source: {
        kind: "derived",
        from: launch ? { id: "derived.devicesFrom", params: { file: launch[1] } } : { id: "derived.devicesEffective" },
      },
    };
  return unknown({ id: "unknown.devices" });
}
