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
 * Relative paths resolve against `baseDir` and may not leave it.
 * @example const task = await prepareTask(plan, { baseDir: repoRoot }); const model = task.createModel();
 */
export async function prepareTask(plan: ProxyPlan, options: { baseDir?: string } = {}): Promise<ProxyTask> {
  const baseDir = resolve(options.baseDir ?? process.cwd());
  const topology = plan.model.kind === "user" && plan.model.topologyPath
    ? await loadTopology(insideBase(plan.model.topologyPath, baseDir, "model.topologyPath"))
    : undefined;
  const samplePath = plan.data.kind === "user" && plan.data.samplePath ? insideBase(plan.data.samplePath, baseDir, "data.samplePath") : undefined;
  const dataset = await buildDataset({ plan, topology, samplePath });
  return {
    dataset,
    topology,
    createModel: () => buildModel({ plan, dataset, topology, rng: seededRandom(plan.seed, "init") }),
  };
}

function insideBase(path: string, baseDir: string, key: string): string {
  const full = resolve(baseDir, path);
  const rel = relative(baseDir, full);
  if (rel.startsWith("..") || isAbsolute(rel)) throw new Error(`${key} "${path}" points outside ${baseDir}`);
  return full;
}
