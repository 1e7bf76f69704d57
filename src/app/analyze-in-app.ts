import type { analyze } from "../advisor.js";
import type { LoadedConfig } from "../config.js";
import { completeCheckRun } from "../github/complete-check-run.js";
import type { GitHub } from "../github/create-octokit.js";
import { explainError } from "../github/explain-error.js";
import { postComment } from "../github/post-comment.js";
import type { PullRequestRef } from "../github/pull-request.js";
import { startCheckRun } from "../github/start-check-run.js";
import { renderCheckRun } from "../report/render-summary.js";
import type { AnalyzeOptions } from "../advisor/analyze-options.js";
import type { Report } from "../report/types.js";
import type { ChangeSource } from "../source/types.js";

/** One in-App training waiting for its turn: refs, the bot config and the config texts detection read. */
export interface TrainingJob {
  github: GitHub;
  /** The pull request as detection read it: the files are not fetched twice. */
  source: ChangeSource;
  pr: PullRequestRef;
  base: string;
  head: string;
  loaded: LoadedConfig;
  checkRunId: number;
  /** Logins the sticky comment may be written by. */
  author: readonly string[];
}

export interface AnalyzeInAppDeps {
  /** The analysis itself: in this thread (`analyze` on the job's source), or in a worker thread (train-in-worker.ts).
   * */
  train: (job: TrainingJob, signal?: AbortSignal) => Promise<Report>;
  log: (message: string) => void;
}

/**
 * The analysis in the App's own thread: fine for a fake or a proxy-less analysis; a real
 * training belongs in a worker (train-in-worker.ts).
 */
export function trainHere(analyzeFn: typeof analyze, options: AnalyzeOptions): AnalyzeInAppDeps["train"] {
  return (job, signal) =>
    analyzeFn(job.source, job.loaded.config, { ...options, configErrors: job.loaded.errors, signal });
}

/**
 * The whole analysis in the App's own process (`app.analyzeInApp`), run from the training queue:
 * starts the queued check (a check a newer push already cancelled means nothing to do), trains
 * the proxy, completes the check with the report's title, summary, conclusion and annotations,
 * and upserts the sticky comment for its head. A newer push for the same pull request aborts it
 * (`signal`): the newer training reports instead. A failed analysis completes the check as
 * neutral with the reason.
 * @example await analyzeInApp(job, { train: trainHere(analyze, {}), log }, signal)
 */
export async function analyzeInApp(job: TrainingJob, deps: AnalyzeInAppDeps, signal?: AbortSignal): Promise<void> {
  const { pr, checkRunId } = job;
  const label = `${pr.owner}/${pr.repo}#${pr.number} ${job.head.slice(0, 7)}`;
  const { github } = job;
  const where = { owner: pr.owner, repo: pr.repo, checkRunId };
  const started = await startCheckRun(github, where);
  if (!started.started) return deps.log(`${label}: nothing to train: ${started.reason}`);
  try {
    const report = await deps.train(job, signal);
    if (signal?.aborted)
      return deps.log(`${label}: superseded by a newer push while training; its run reports instead`);
    await completeCheckRun(github, { ...where, ...renderCheckRun(report), annotations: report.annotations });
    const posted = await postComment(github, {
      pr,
      hasChanges: report.groups.length > 0,
      markdown: report.markdown,
      language: report.language,
      author: job.author,
      headSha: job.head,
      log: deps.log,
    });
    deps.log(`${label}: ${posted.text}`);
  } catch (error) {
    if (signal?.aborted)
      return deps.log(`${label}: superseded by a newer push while training; its run reports instead`);
    const reason = explainError(error);
    deps.log(`${label}: analysis failed: ${reason}`);
    await completeCheckRun(github, {
      ...where,
      conclusion: "neutral",
      title: "batch-advisor could not finish",
      summary: `The analysis stopped: ${reason}`,
    });
  }
}
