import type { analyze } from "../advisor.js";
import { createQueuedCheckRun, listCheckRuns } from "../github/check-run.js";
import { completeCheckRun } from "../github/complete-check-run.js";
import type { GitHub } from "../github/create-octokit.js";
import { dispatchWorkflow } from "../github/dispatch-workflow.js";
import { BOT_CONFIG_PATH, loadBaseConfig } from "../github/load-base-config.js";
import { postComment } from "../github/post-comment.js";
import { supersedeCheckRuns } from "../github/supersede-check-runs.js";
import { ACTIONS_BOT } from "../github/token-login.js";
import type { AnalyzeOptions } from "../report/types.js";
import { GitHubSource } from "../source/github-source.js";
import { analyzeInApp } from "./analyze-in-app.js";
import { appSettings } from "./app-settings.js";
import { hasBatchChange } from "./has-batch-change.js";
import type { HeadClaims } from "./head-claims.js";
import type { PullRequestEvent } from "./pull-request-event.js";

export interface HandlePullRequestInput {
  github: GitHub;
  event: PullRequestEvent;
  claims: HeadClaims;
  /** The login the App's bot comments as ("batch-advisor[bot]"), looked up when first needed. */
  botLogin: () => Promise<string>;
  analyze: typeof analyze;
  analyzeOptions: AnalyzeOptions;
  env: NodeJS.ProcessEnv;
  log: { info(message: string): void; warn(message: string): void };
}

export type Outcome = "duplicate" | "no-change" | "dispatched" | "no-workflow" | "analysed";

/**
 * One pull_request webhook, as a numbered pipeline: supersede the older head's open runs, claim
 * the head once, read the bot config at the base, detect cheaply, then either mark an old comment
 * gone, or queue a check run and dispatch the runner workflow (or analyse in the App when told).
 * @example await handlePullRequest({ github, event, claims, botLogin, analyze, analyzeOptions: {}, env: process.env, log }) // "dispatched"
 */
export async function handlePullRequest(input: HandlePullRequestInput): Promise<Outcome> {
  const { github, event, log } = input;
  const { owner, repo } = event.pr;

  // 1. A newer push supersedes: the older head's queued or running checks are cancelled.
  if (event.previousHead) {
    const cancelled = await supersedeCheckRuns(github, { owner, repo, olderSha: event.previousHead, newerSha: event.head });
    if (cancelled.length) log.info(`Superseded check run(s) ${cancelled.join(", ")} on ${event.previousHead.slice(0, 7)}`);
  }

  // 2. One analysis per head: a redelivered webhook, or one racing it, does nothing twice.
  const key = `${owner}/${repo}@${event.head}`;
  if (!input.claims.claim(key)) return "duplicate";
  try {
    if ((await listCheckRuns(github, { owner, repo, ref: event.head })).length) return "duplicate";

    // 3. The bot config from the base (a pull request cannot loosen its own budget), then detection only.
    const source = new GitHubSource({ github, owner, repo, pullNumber: event.pr.number, base: event.base, head: event.head, log: log.info });
    const loaded = await loadBaseConfig(source, BOT_CONFIG_PATH, { info: log.info, warning: (m) => log.warn(m) });
    const author = [await input.botLogin(), ACTIONS_BOT];
    if (!(await hasBatchChange(source, loaded.config))) {
      // 4. No change: an earlier report is marked gone; no comment is started.
      const posted = await postComment(github, { pr: event.pr, hasChanges: false, markdown: "", language: loaded.config.language, author });
      log.info(posted.text);
      return "no-change";
    }

    // 5. A change: a queued check on the head, then the runner (or the App itself) does the training.
    const settings = appSettings({ env: input.env, config: loaded.config });
    const where = settings.analyzeInApp ? "this App's server" : `the runner workflow .github/workflows/${settings.workflow}`;
    const check = await createQueuedCheckRun(github, { owner, repo, headSha: event.head, summary: `The proxy training runs on ${where}.` });
    if (settings.analyzeInApp) {
      await analyzeInApp({ github, pr: event.pr, source, loaded, checkRunId: check.id, analyze: input.analyze, options: input.analyzeOptions, author, log: log.info });
      return "analysed";
    }
    const dispatched = await dispatchWorkflow(github, {
      owner,
      repo,
      workflow: settings.workflow,
      ref: event.defaultBranch,
      inputs: { "pull-request": String(event.pr.number), base: event.base, head: event.head, "check-run-id": String(check.id) },
    });
    if (dispatched.ok) return "dispatched";
    log.warn(dispatched.title);
    await completeCheckRun(github, { owner, repo, checkRunId: check.id, conclusion: "neutral", title: dispatched.title, summary: dispatched.summary });
    return "no-workflow";
  } catch (error) {
    input.claims.release(key);
    throw error;
  }
}
