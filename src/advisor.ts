import { detectGroups } from "./advisor/detect-groups.js";
import type { FileChanges } from "./advisor/group-changes.js";
import { proxyPlanFor } from "./advisor/proxy-plan-for.js";
import type { BotConfig, ConfigError } from "./config.js";
import { estimateChange, type EstimateInput } from "./estimate/estimate.js";
import { loadMeasurements } from "./measurements/load-measurements.js";
import { runProxy } from "./proxy/run-proxy.js";
import type { Measurements, ProxyPlan } from "./proxy/types.js";
import { buildReport } from "./report/build-report.js";
import type { AnalyzeOptions } from "./advisor/analyze-options.js";
import type { ChangeGroup, Report } from "./report/types.js";
import type { ChangeSource } from "./source/types.js";
import type { Entry, FileReport } from "./detect/types.js";
import { VERSION } from "./version.js";
import { readWorkload } from "./workload/read-workload.js";
import type { Workload } from "./workload/types.js";

// Detection alone, for the fronts that answer without training (`batch-advisor detect` and `init`,
// the App's first answer to a webhook): the same functions `analyze` runs first.
export { detectGroups } from "./advisor/detect-groups.js";
export { detectFiles } from "./advisor/detect-files.js";
export { detectFile } from "./detect/detect-file.js";
export { detectionJson } from "./report/detection-json.js";

/**
 * The only place the stages meet: detect the batch changes of a source, train the proxy once per
 * distinct change, estimate each change, and render the report.
 * @example const report = await analyze(new GitSource({ repo: ".", base: "main", head: "HEAD" }), defaultConfig());
 */
export async function analyze(source: ChangeSource, config: BotConfig, options: AnalyzeOptions = {}): Promise<Report> {
  const clock = stopwatch();

  // 1. Detect: every batch setting that changed, with file, line and effective batch.
  const { detection, groups: files } = await detectGroups(source, config, options);
  const detect = clock.lap();
  // What each side trains: the model, method, precision, optimizer and GPU, read from the config and the
  // files it names. The proxy trains with the workload's optimizer family.
  const workloads = await Promise.all(
    files.map((group) => workloadsOf({ group, entries: detection.entries?.get(group.path), config, source })),
  );

  // 2. Measure: one proxy run per distinct plan (two files with the same change share one).
  const measurements: Measurements[] = [];
  const configErrors = [...(options.configErrors ?? [])];
  const runFor = new Map<string, number | undefined>();
  const indexOf: Array<number | undefined> = [];
  for (const [i, group] of files.entries()) {
    const optimizer = workloads[i]?.after.optimizer.value ?? null;
    const { plan } = options.noProxy ? {} : proxyPlanFor(group, config, options, optimizer);
    if (!plan) continue;
    const key = JSON.stringify(plan);
    if (!runFor.has(key)) {
      try {
        measurements.push(await measure({ plan, options, backend: options.backend ?? config.proxy.backend, group: i }));
        runFor.set(key, measurements.length - 1);
      } catch (error) {
        // A proxy that cannot run (a malformed model.json, a sample that does not fit it) costs the
        // measurements, not the report: the estimates that need no proxy still go out, and the
        // error names the setting that chose the proxy.
        runFor.set(key, undefined);
        const detail = (error as Error).message;
        configErrors.push({
          key: proxySettingOf(plan),
          message: `the proxy could not run, so nothing was measured on it: ${detail}`,
          issue: { id: "config.proxyFailed", params: { detail } },
        });
      }
    }
    indexOf[i] = runFor.get(key);
  }
  const proxy = clock.lap();

  // 3. Estimate: pure predictions with intervals and provenance.
  const { modelConfig, error: modelConfigError } = await readModelConfig(source, config);
  if (modelConfigError) configErrors.push({ key: "model.configJson", ...modelConfigError });
  // The user's own measurements: the most trusted source for the rows they cover; a bad file costs only itself.
  const userMeasurements = await loadMeasurements({
    source,
    config,
    path: options.measurementsPath,
    root: options.measurementsRoot,
  });
  if (userMeasurements.error) configErrors.push(userMeasurements.error);
  const groups: ChangeGroup[] = files.map((group, i) =>
    toChangeGroup({
      group,
      config,
      modelConfig,
      measurements,
      index: indexOf[i],
      workload: workloads[i],
      userMeasurements: userMeasurements.value,
    }),
  );
  const estimate = clock.lap();

  // 4. Report: comment, JSON, summary, annotations and suggestions.
  const headTexts = new Map<string, string | null>();
  for (const g of groups) headTexts.set(g.path, await source.read("head", g.path));
  return buildReport({
    groups,
    measurements,
    files: detection.files,
    skipped: [
      ...detection.skipped,
      ...(source.skipped ?? []).filter((s) => !detection.skipped.some((d) => d.path === s.path)),
    ],
    configErrors,
    language: options.language ?? config.language,
    source: source.description,
    timings: { detect, proxy, estimate },
    headText: { readHead: (path) => headTexts.get(path) ?? null },
    versions: { "batch-advisor": VERSION, node: process.version },
  });
}

function proxySettingOf(plan: ProxyPlan): string {
  if (plan.model.kind === "user") return "proxy.model";
  if (plan.data.kind === "user") return "proxy.data";
  return "proxy";
}

/** One proxy run; `backend` is the option, else the bot config's, where "auto" forces nothing. */
function measure(args: {
  plan: ProxyPlan;
  options: AnalyzeOptions;
  backend: AnalyzeOptions["backend"];
  group: number;
}): Promise<Measurements> {
  const { plan, options, backend, group } = args;
  return runProxy(plan, {
    backend: backend === "auto" ? undefined : backend,
    signal: options.signal,
    baseDir: options.baseDir,
    onProgress: options.onProgress && ((event) => options.onProgress!({ ...event, group })),
  });
}

/**
 * The workload of each side of a group's file. `model.configJson` problems are already bot-config
 * errors, so they are not repeated under the memory row.
 */
async function workloadsOf(args: {
  group: FileChanges;
  entries?: { head: Entry[]; base?: Entry[] };
  config: BotConfig;
  source: ChangeSource;
}): Promise<{ before?: Workload; after: Workload }> {
  const { group, config, source } = args;
  const side = async (file: FileReport, entries: Entry[], at: "base" | "head") => {
    const w = await readWorkload({ file, entries, config, read: (p) => source.read(at, p) });
    return { ...w, issues: w.issues.filter((issue) => issue.key !== "model.configJson") };
  };
  const after = await side(group.head, args.entries?.head ?? [], "head");
  const before = group.base ? await side(group.base, args.entries?.base ?? [], "base") : undefined;
  return { ...(before ? { before } : {}), after };
}

function toChangeGroup(args: {
  group: FileChanges;
  config: BotConfig;
  modelConfig: unknown;
  measurements: Measurements[];
  index?: number;
  workload?: { before?: Workload; after: Workload };
  userMeasurements?: EstimateInput["userMeasurements"];
}): ChangeGroup {
  const { group, config, modelConfig, measurements, index, workload, userMeasurements } = args;
  const estimate = estimateChange({
    change: group.primary,
    file: group.head,
    baseFile: group.base,
    measurements: index === undefined ? undefined : measurements[index],
    config,
    modelConfig,
    workload,
    userMeasurements,
  });
  return {
    path: group.path,
    changes: group.changes,
    estimate,
    ...(index === undefined ? {} : { measurementIndex: index }),
    ...(group.base ? { baseParts: group.base.effective.parts } : {}),
  };
}

/**
 * The Hugging Face config.json named by `model.configJson`, read as data at head; a missing or
 * broken file is an error under that key, and the analytical model then goes without it.
 */
async function readModelConfig(
  source: ChangeSource,
  config: BotConfig,
): Promise<{ modelConfig?: unknown; error?: Omit<ConfigError, "key"> }> {
  const path = config.model.configJson;
  if (!path) return {};
  const text = await source.read("head", path);
  if (text === null)
    return {
      error: {
        message: `${path} was not found at the head of the change`,
        issue: { id: "config.fileNotFound", params: { file: path } },
      },
    };
  try {
    return { modelConfig: JSON.parse(text) };
  } catch (error) {
    const detail = (error as Error).message;
    return {
      error: {
        message: `${path} is not valid JSON: ${detail}`,
        issue: { id: "config.fileNotJson", params: { file: path, detail } },
      },
    };
  }
}

function stopwatch() {
  let last = performance.now();
  return {
    lap(): number {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    },
  };
}
