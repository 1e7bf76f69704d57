import { resolve as resolvePath } from "node:path";
import * as core from "@actions/core";
import type { BotConfig } from "../config.js";
import { createOctokit, type GitHub } from "../github/create-octokit.js";
import { loadBaseConfig } from "../github/load-base-config.js";
import { requestTimeoutSeconds } from "../github/request-timeout.js";
import type { AnalyzeOptions } from "../advisor/analyze-options.js";
import type { Report } from "../report/types.js";
import { GitHubSource } from "../source/github-source.js";
import type { ChangeSource } from "../source/types.js";
import { beginDispatchedCheck, type DispatchedCheck } from "./dispatched-check.js";
import { failureMessage } from "./failure-message.js";
import { publish } from "./publish.js";
import { readEvent, type PullRequestTarget } from "./read-event.js";
import { readInputs, type ActionInputs } from "./read-inputs.js";
import { runPost } from "./run-post.js";
import { writeAnnotations } from "./write-annotations.js";
import { writeOutputs } from "./write-outputs.js";
import { writeReportFiles } from "./write-report-files.js";
import { untrusted } from "../report/untrusted.js";
import { writeSummary } from "./write-summary.js";

export type Analyze = (source: ChangeSource, config: BotConfig, options?: AnalyzeOptions) => Promise<Report>;

export interface RunActionDeps {
  analyze: Analyze;
  env?: NodeJS.ProcessEnv;
  /** Tests: GitHub retries without waiting. */
  noDelays?: boolean;
}

/**
 * The Action: inputs → pull request → config from the base → analyze → files, annotations,
 * comment, suggestions, job summary, outputs → pass or fail. Any error fails the step with its
 * message; a comment that cannot be posted does not.
 * @example await runAction({ analyze })
 */
export async function runAction(deps: RunActionDeps): Promise<void> {
  try {
    await run(deps);
  } catch (error) {
    const message = (error as Error).message;
    core.setFailed(message);
    // The summary is written on every run, so a failed one says why where reviewers look.
    // The message may quote a file name or value from the pull request: it crosses the same border as the comment.
    await core.summary
      .addRaw(`**batch-advisor failed:** ${untrusted(message, "text")}`, true)
      .write()
      .catch(() => {});
  }
}

async function run(deps: RunActionDeps): Promise<void> {
  const env = deps.env ?? process.env;
  // 1. Inputs, and the client every GitHub call goes through.
  const inputs = readInputs();
  const timeoutSeconds = inputs["request-timeout"] ?? requestTimeoutSeconds(env);
  const github = createOctokit({
    token: inputs["github-token"],
    baseUrl: env.GITHUB_API_URL,
    timeoutSeconds,
    log: (m) => core.info(m),
    noDelays: deps.noDelays,
  });
  if (inputs["post-from"]) return runPost({ github, env, inputs, path: inputs["post-from"] });

  // 2. The pull request and its two sides.
  const target = readEvent({ env, base: inputs.base, head: inputs.head, pullRequest: inputs["pull-request"] });
  const source = new GitHubSource({
    github,
    ...target.pr,
    pullNumber: target.pr.number,
    base: target.base,
    head: target.head,
    log: (m) => core.info(m),
  });
  core.info(`batch-advisor: ${source.description}`);
  if (target.fromFork)
    core.info(
      "The pull request comes from a fork: its workflow token may be read-only. " +
        "The job summary and the report files hold the result either way " +
        "(docs/action.md: pull requests from forks).",
    );

  // A run the GitHub App dispatched completes the App's check run; a superseded one stops here.
  const checkRunId = inputs["check-run-id"];
  const check = checkRunId
    ? await beginDispatchedCheck(github, { pr: target.pr, checkRunId, log: (m) => core.info(m) })
    : undefined;
  if (checkRunId && !check) return;
  try {
    await analyseAndPublish({ deps, env, inputs, github, target, source, check });
  } catch (error) {
    await check?.fail((error as Error).message).catch(() => {});
    throw error;
  }
}

async function analyseAndPublish(run: {
  deps: RunActionDeps;
  env: NodeJS.ProcessEnv;
  inputs: ActionInputs;
  github: GitHub;
  target: PullRequestTarget;
  source: GitHubSource;
  check?: DispatchedCheck;
}): Promise<void> {
  const { deps, env, inputs, github, target, source, check } = run;
  // 3. The bot config from the base commit, then the analysis.
  const loaded = await loadBaseConfig(source, inputs.config, {
    info: (m) => core.info(m),
    warning: (m, at) => core.warning(m, { file: at.file, startLine: at.line, title: "batch-advisor config" }),
  });
  // The input wins over the config's proxy.backend; "auto" lets the proxy pick the fastest that loads.
  const options: AnalyzeOptions = {
    language: inputs.language,
    backend: inputs.backend ?? loaded.config.proxy.backend,
    timeBudgetSeconds: inputs["time-budget"],
    configErrors: loaded.errors,
    // A measurements file the workflow names is read from the checkout and must stay inside it.
    ...(inputs.measurements
      ? {
          measurementsPath: resolvePath(env.GITHUB_WORKSPACE ?? ".", inputs.measurements),
          measurementsRoot: env.GITHUB_WORKSPACE ?? ".",
        }
      : {}),
    // A proxy model.json or data sample named in the config is read from the checkout, as data.
    baseDir: env.GITHUB_WORKSPACE,
  };
  // The `gpu` input names the runner's GPU and wins over the config's hardware.gpu.
  const config = inputs.gpu
    ? { ...loaded.config, hardware: { ...loaded.config.hardware, gpu: inputs.gpu } }
    : loaded.config;
  const report = await deps.analyze(source, config, options);
  core.info(report.summary);

  // 4. Files first: whatever happens to the comment, the JSON report is there to upload.
  const hasChanges = report.groups.length > 0;
  const files = writeReportFiles({
    report,
    env,
    bundle: {
      version: 1,
      repository: `${target.pr.owner}/${target.pr.repo}`,
      pullRequest: target.pr.number,
      headSha: target.head,
      language: report.language,
      hasChanges,
      markdown: report.markdown,
      suggestions: report.suggestions,
    },
  });
  writeAnnotations(report.annotations);

  // 5. The sticky comment and the review suggestions; failures are logged, never fatal.
  // A file name with a line break could otherwise start a workflow command of its own.
  for (const s of report.skipped)
    core.info(`Skipped ${untrusted(s.path, "command")}: ${untrusted(s.reason, "command")}`);
  const notes = await publish(github, {
    pr: target.pr,
    headSha: target.head,
    hasChanges,
    markdown: report.markdown,
    language: report.language,
    suggestions: report.suggestions,
    patches: async () => new Map((await source.pullFiles()).map((f) => [f.path, f.patch])),
    comment: inputs.comment,
    suggest: inputs.suggest,
    author: check?.author,
  });
  await check?.complete(report);

  // 6. Summary always, outputs, then the verdict on the job.
  try {
    await writeSummary(report, notes);
  } catch (error) {
    core.warning(`Job summary not written: ${(error as Error).message}`);
  }
  writeOutputs(report, files);
  const failure = failureMessage(report, inputs["fail-on"]);
  if (failure) core.setFailed(failure);
}
