import type { analyze } from "../advisor.js";
import type { LoadedConfig } from "../config.js";
import { completeCheckRun } from "../github/complete-check-run.js";
import type { GitHub } from "../github/create-octokit.js";
import { explainError } from "../github/explain-error.js";
import { postComment } from "../github/post-comment.js";
import type { PullRequestRef } from "../github/pull-request.js";
import { renderCheckRun } from "../report/render-summary.js";
import type { AnalyzeOptions } from "../report/types.js";
import type { ChangeSource } from "../source/types.js";

export interface AnalyzeInAppInput {
  github: GitHub;
  pr: PullRequestRef;
  source: ChangeSource;
  loaded: LoadedConfig;
  checkRunId: number;
  analyze: typeof analyze;
  options: AnalyzeOptions;
  /** Logins the sticky comment may be written by. */
  author: readonly string[];
  log: (message: string) => void;
}

/**
 * The whole analysis in the App's own process (`app.analyzeInApp`): trains the proxy, completes
 * the check run with the report's title, summary, conclusion and annotations, and upserts the
 * sticky comment. A failed analysis completes the check as neutral with the reason.
 * @example await analyzeInApp({ github, pr, source, loaded, checkRunId: 9, analyze, options: {}, author: ["batch-advisor[bot]"], log })
 */
export async function analyzeInApp(input: AnalyzeInAppInput): Promise<void> {
  const { github, pr, checkRunId } = input;
  const where = { owner: pr.owner, repo: pr.repo, checkRunId };
  await github.rest.checks.update({ owner: pr.owner, repo: pr.repo, check_run_id: checkRunId, status: "in_progress", started_at: new Date().toISOString() });
  try {
    const report = await input.analyze(input.source, input.loaded.config, { ...input.options, configErrors: input.loaded.errors });
    await completeCheckRun(github, { ...where, ...renderCheckRun(report), annotations: report.annotations });
    const posted = await postComment(github, { pr, hasChanges: report.groups.length > 0, markdown: report.markdown, language: report.language, author: input.author });
    input.log(posted.text);
  } catch (error) {
    const reason = explainError(error);
    input.log(`Analysis failed: ${reason}`);
    await completeCheckRun(github, { ...where, conclusion: "neutral", title: "batch-advisor could not finish", summary: `The analysis stopped: ${reason}` });
  }
}
