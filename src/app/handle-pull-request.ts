import { createQueuedCheckRun, listCheckRuns } from "../github/check-run.js";
import { completeCheckRun } from "../github/complete-check-run.js";
import type { GitHub } from "../github/create-octokit.js";
import { dispatchWorkflow } from "../github/dispatch-workflow.js";
import { BOT_CONFIG_PATH, loadBaseConfig } from "../github/load-base-config.js";
import { postComment } from "../github/post-comment.js";
import { pullRequestHead } from "../github/pull-request-head.js";
import { supersedeCheckRuns } from "../github/supersede-check-runs.js";
import { ACTIONS_BOT } from "../github/token-login.js";
import { GitHubSource } from "../source/github-source.js";
import type { TrainingJob } from "./analyze-in-app.js";
import { appSettings } from "./app-settings.js";
import { hasBatchChange } from "./has-batch-change.js";
import type { HeadClaims } from "./head-claims.js";
import type { PushResult } from "./keyed-queue.js";
import type { PullRequestEvent } from "./pull-request-event.js";

export interface HandlePullRequestInput {
  /** The installation's client, made when the pull request's turn comes. */
  github: () => Promise<GitHub>;
  /** The newest delivery for the pull request, and the earlier heads its pushes replaced. */
  event: PullRequestEvent;
  previousHeads: readonly string[];
  claims: HeadClaims;
  /** The head each pull request last got a queued check on in this process, to supersede. */
  queuedHeads: Map<string, string>;
  /** The login the App's bot comments as ("batch-advisor[bot]"), looked up when first needed. */
  botLogin: () => Promise<string>;
  /** Hands a training to the App's bounded training queue (`app.analyzeInApp`). */
  train: (job: TrainingJob) => PushResult;
  /** The training queue's bound, for the message when it is full. */
  trainingQueueLength: number;
  env: NodeJS.ProcessEnv;
  /** Aborted when a newer delivery for the same pull request arrived while this one ran. */
  signal?: AbortSignal;
  log: { info(message: string): void; warn(message: string): void };
}

/** Pull requests whose last queued head is remembered; the oldest are forgotten first. */
const QUEUED_HEADS_LIMIT = 1000;

export type Outcome =
  | "closed"
  | "duplicate"
  | "superseded"
  | "no-change"
  | "dispatched"
  | "no-workflow"
  | "training-queued"
  | "training-queue-full";

/**
 * One pull request's turn, as a numbered pipeline. A delivery only says "look at this pull
 * request": the head worked on is the one GitHub has now, so twenty pushes delivered together
 * end in one check and one dispatch for the newest. Supersede the older heads' open runs, claim
 * the head once, read the bot config at the base, detect cheaply, then either mark an old comment
 * gone, or queue a check run and dispatch the runner workflow (or queue an in-App training).
 * @example await handlePullRequest({ github, event, previousHeads: [], claims, queuedHeads, botLogin, train,
 * trainingQueueLength: 4, env: process.env, log }) // "dispatched"
 */
export async function handlePullRequest(input: HandlePullRequestInput): Promise<Outcome> {
  const { event, log } = input;
  const { owner, repo } = event.pr;
  const prKey = `${owner}/${repo}#${event.pr.number}`;
  const github = await input.github();

  // 1. The pull request as it is now: the newest head, whatever head the delivery named.
  const now = await pullRequestHead(github, event.pr);
  if (!now.open) return "closed";
  const { head, base } = now;

  // 2. A newer push supersedes: the older heads' queued or running checks are cancelled.
  const older = new Set([...input.previousHeads, input.queuedHeads.get(prKey) ?? head, event.head]);
  older.delete(head);
  for (const olderSha of older) {
    const cancelled = await supersedeCheckRuns(github, { owner, repo, olderSha: olderSha, newerSha: head });
    if (cancelled.length) log.info(`Superseded check run(s) ${cancelled.join(", ")} on ${olderSha.slice(0, 7)}`);
  }

  // 3. One analysis per head: a redelivered webhook, or one racing it, does nothing twice.
  const key = `${owner}/${repo}@${head}`;
  if (!input.claims.claim(key)) return "duplicate";
  try {
    if ((await listCheckRuns(github, { owner, repo, ref: head })).length) return "duplicate";

    // 4. The bot config from the base (a pull request cannot loosen its own budget), then detection only.
    const source = new GitHubSource({ github, owner, repo, pullNumber: event.pr.number, base, head, log: log.info });
    const loaded = await loadBaseConfig(source, BOT_CONFIG_PATH, { info: log.info, warning: (m) => log.warn(m) });
    const author = [await input.botLogin(), ACTIONS_BOT];
    if (!(await hasBatchChange(source, loaded.config))) {
      // 5. No change: an earlier report is marked gone; no comment is started.
      const posted = await postComment(github, {
        pr: event.pr,
        hasChanges: false,
        markdown: "",
        language: loaded.config.language,
        author,
        headSha: head,
        log: log.info,
      });
      log.info(posted.text);
      return "no-change";
    }

    // 6. A newer delivery arrived meanwhile: it looks again, so this one queues nothing.
    if (input.signal?.aborted) {
      input.claims.release(key);
      return "superseded";
    }

    // 7. A change: a queued check on the head, then the runner (or the App itself) does the training.
    const settings = appSettings({ env: input.env, config: loaded.config });
    const where = settings.analyzeInApp
      ? "this App's server"
      : `the runner workflow .github/workflows/${settings.workflow}`;
    const check = await createQueuedCheckRun(github, {
      owner,
      repo,
      headSha: head,
      summary: `The proxy training runs on ${where}.`,
      log: log.info,
    });
    input.queuedHeads.delete(prKey);
    input.queuedHeads.set(prKey, head);
    if (input.queuedHeads.size > QUEUED_HEADS_LIMIT) input.queuedHeads.delete(input.queuedHeads.keys().next().value!);
    if (settings.analyzeInApp) {
      const queued = input.train({ github, source, pr: event.pr, base, head, loaded, checkRunId: check.id, author });
      if (queued !== "refused") return "training-queued";
      const title = "batch-advisor's training queue is full";
      const summary =
        "The App trains one pull request at a time and keeps at " +
        `most ${input.trainingQueueLength} waiting; all are taken, so this head is ` +
        "not analysed. Push again later, or add the runner workflow (docs/app.md, " +
        '"The runner workflow") so GitHub Actions trains instead.';
      log.warn(title);
      await completeCheckRun(github, { owner, repo, checkRunId: check.id, conclusion: "neutral", title, summary });
      return "training-queue-full";
    }
    const dispatched = await dispatchWorkflow(github, {
      owner,
      repo,
      workflow: settings.workflow,
      ref: event.defaultBranch,
      inputs: { "pull-request": String(event.pr.number), base: base, head: head, "check-run-id": String(check.id) },
    });
    if (dispatched.ok) return "dispatched";
    log.warn(dispatched.title);
    await completeCheckRun(github, {
      owner,
      repo,
      checkRunId: check.id,
      conclusion: "neutral",
      title: dispatched.title,
      summary: dispatched.summary,
    });
    return "no-workflow";
  } catch (error) {
    input.claims.release(key);
    throw error;
  }
}
