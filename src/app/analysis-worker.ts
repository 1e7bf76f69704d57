/**
 * The worker thread an in-App training runs in (train-in-worker.ts): the proxy's training is
 * CPU-bound and synchronous for seconds at a time, and on the App's own thread it would hold
 * every webhook's answer until it finished. Reads the pull request itself through the API with
 * the installation token it is handed, and posts back the Report or the error's text.
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyze } from "../advisor.js";
import { createOctokit } from "../github/create-octokit.js";
import { explainError } from "../github/explain-error.js";
import { GitHubSource } from "../source/github-source.js";
import type { WorkerInput } from "./train-in-worker.js";

const input = workerData as WorkerInput;
const github = createOctokit({ token: input.token, baseUrl: input.baseUrl, timeoutSeconds: input.timeoutSeconds });
const source = new GitHubSource({
  github,
  owner: input.pr.owner,
  repo: input.pr.repo,
  pullNumber: input.pr.number,
  base: input.base,
  head: input.head,
});
try {
  const report = await analyze(source, input.config, { ...input.options, configErrors: input.configErrors });
  parentPort!.postMessage({ report });
} catch (error) {
  parentPort!.postMessage({ error: explainError(error) });
}
