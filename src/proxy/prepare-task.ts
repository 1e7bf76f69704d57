import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { buildDataset } from "./data/build-dataset.js";
import type { Dataset } from "./data/dataset.js";
import { buildModel } from "./models/build-model.js";
import { loadTopology } from "./models/load-topology.js";
import type { ProxyModel } from "./models/proxy-model.js";
import type { TopologySpec } from "./models/topology-spec.js";
import { seededRandom } from "./seeded-random.js";
import type { ProxyPlan } from "./types.js";

export interface ProxyTask {
  dataset: Dataset;
  topology?: TopologySpec;
  /** A fresh model; every call gives the same initial weights (seed stream "init"). */
  createModel(): ProxyModel;
}

/**
 * Loads the plan's data and topology once; phases then create as many identically initialised models as they need.
 * Relative paths are the repository's (the bot config's `proxy.model`/`proxy.data`): they resolve
 * against `baseDir` and may not leave it, by `..` or by a symlink. Absolute paths are the
 * caller's (a path typed on the command line) and are read where they are.
 * @example const task = await prepareTask(plan, { baseDir: repoRoot }); const model = task.createModel();
 */
export async function prepareTask(plan: ProxyPlan, options: { baseDir?: string } = {}): Promise<ProxyTask> {
  const baseDir = resolve(options.baseDir ?? process.cwd());
  const topology =
    plan.model.kind === "user" && plan.model.topologyPath
      ? await loadTopology(await insideBase(plan.model.topologyPath, baseDir, "model.topologyPath"))
      : undefined;
  const samplePath =
    plan.data.kind === "user" && plan.data.samplePath
      ? await insideBase(plan.data.samplePath, baseDir, "data.samplePath")
      : undefined;
  const dataset = await buildDataset({ plan, topology, samplePath });
  return {
    dataset,
    topology,
    createModel: () => buildModel({ plan, dataset, topology, rng: seededRandom(plan.seed, "init") }),
  };
}

async function insideBase(path: string, baseDir: string, key: string): Promise<string> {
  if (isAbsolute(path)) return path;
  const full = resolve(baseDir, path);
  if (outside(baseDir, full)) throw new Error(`${key} "${path}" points outside ${baseDir}`);
  const real = await realpath(full).catch(() => full);
  if (outside(await realpath(baseDir).catch(() => baseDir), real))
    throw new Error(`${key} "${path}" is a symbolic link that leads outside ${baseDir}; not followed`);
  return real;
}

function outside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === ".." || rel.startsWith("../") || isAbsolute(rel);
}
