import type { Probot } from "probot";
import type { analyze } from "../advisor.js";
import type { GitHub } from "../github/create-octokit.js";
import { explainError } from "../github/explain-error.js";
import type { AnalyzeOptions } from "../advisor/analyze-options.js";
import { analyzeInApp, trainHere, type AnalyzeInAppDeps, type TrainingJob } from "./analyze-in-app.js";
import { boundWebhookBodies, type WebhookBodyLimits } from "./bound-webhook-body.js";
import { handlePullRequest } from "./handle-pull-request.js";
import { headClaims } from "./head-claims.js";
import { installationGitHub } from "./installation-github.js";
import { installationTokens } from "./installation-tokens.js";
import { keyedQueue } from "./keyed-queue.js";
import { operatorSettings } from "./operator-settings.js";
import { pullRequestEvent, type PullRequestEvent } from "./pull-request-event.js";
import { trainInWorker } from "./train-in-worker.js";

export interface AppDeps {
  analyze: typeof analyze;
  /** Options for an in-App analysis (tests: the quick plan). */
  analyzeOptions?: AnalyzeOptions;
  env?: NodeJS.ProcessEnv;
  /** Tests: GitHub retries without waiting. */
  noDelays?: boolean;
  /** In-App trainings in a worker thread (the server: src/app.ts), not on the thread that answers webhooks. */
  trainInWorker?: boolean;
  /** Tests: smaller or shorter bounds on a webhook's body than GitHub's 25 MB and 30 s. */
  webhookBody?: WebhookBodyLimits;
}

/** The App function probot loads, with `idle()` for tests and the load bench: resolves when no delivery or training is
 * pending. */
export type BatchAdvisorApp = ((app: Probot) => void) & { idle(): Promise<void> };

interface PullRequestJob {
  event: PullRequestEvent;
  /** Earlier heads the coalesced deliveries' pushes replaced (`before`), newest last. */
  previousHeads: string[];
  github: () => Promise<GitHub>;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

/** Older heads kept from coalesced deliveries, each costing one look-up of its check runs. */
const MAX_PREVIOUS_HEADS = 20;

/**
 * The Probot app: on pull_request opened, synchronize and reopened, queues the pull request and
 * answers the webhook at once. Work is serialised per pull request (owner/repo#number) with
 * superseded deliveries coalesced, a few pull requests at a time; in-App trainings run one at a
 * time from a bounded queue (docs/app.md, "Queues and bounds"). probot has verified the webhook
 * signature before this runs; an error is logged, never thrown back at the webhook.
 * @example await probot.load(batchAdvisorApp({ analyze }))
 */
export function batchAdvisorApp(deps: AppDeps): BatchAdvisorApp {
  const env = deps.env ?? process.env;
  const settings = operatorSettings(env);
  const claims = headClaims();
  const queuedHeads = new Map<string, string>();
  const tokens = installationTokens({ timeoutSeconds: settings.requestTimeoutSeconds });

  const options = deps.analyzeOptions ?? {};
  const train: AnalyzeInAppDeps["train"] = deps.trainInWorker
    ? (job, signal) => trainInWorker(job, { timeoutSeconds: settings.requestTimeoutSeconds, options }, signal)
    : trainHere(deps.analyze, options);
  const training = keyedQueue<TrainingJob & { log: (m: string) => void }>({
    ...settings.training,
    work: (job, turn) => analyzeInApp(job, { train, log: job.log }, turn.signal),
    onError: (error, job) =>
      job.log(`${job.pr.owner}/${job.pr.repo}#${job.pr.number}: training failed: ${explainError(error)}`),
  });

  let pullRequests: ReturnType<typeof keyedQueue<PullRequestJob>> | undefined;
  const idle = async () => {
    // A pull request's turn may queue a training, and a training never queues a turn: wait in that order.
    await pullRequests?.idle();
    await training.idle();
  };

  const appFn = (app: Probot) => {
    // Before Probot builds its server: a body is bounded before its signature is checked.
    boundWebhookBodies(app, deps.webhookBody);
    let login: Promise<string> | undefined;
    const botLogin = () =>
      (login ??= app
        .auth()
        .then(async (jwt) => {
          const signal = AbortSignal.timeout(settings.requestTimeoutSeconds * 1000);
          const { data } = await jwt.rest.apps.getAuthenticated({ request: { signal } });
          return `${data?.slug}[bot]`;
        })
        .catch((error: unknown) => {
          login = undefined;
          throw error;
        }));

    pullRequests = keyedQueue<PullRequestJob>({
      ...settings.pullRequests,
      merge: (waiting, newer) => ({
        ...newer,
        previousHeads: [...new Set([...waiting.previousHeads, ...newer.previousHeads])].slice(-MAX_PREVIOUS_HEADS),
      }),
      work: async (job, turn) => {
        const { event } = job;
        const label = `${event.pr.owner}/${event.pr.repo}#${event.pr.number}`;
        try {
          const outcome = await handlePullRequest({
            github: job.github,
            event,
            previousHeads: job.previousHeads,
            claims,
            queuedHeads,
            botLogin,
            train: (t) => training.push(`${t.pr.owner}/${t.pr.repo}#${t.pr.number}`, { ...t, log: job.log.info }),
            trainingQueueLength: settings.training.maxWaiting,
            env,
            signal: turn.signal,
            log: job.log,
          });
          job.log.info(`${label} (delivered ${event.head.slice(0, 7)}): ${outcome}`);
        } catch (error) {
          job.log.error(`${label} (delivered ${event.head.slice(0, 7)}): ${explainError(error)}`);
        }
      },
    });

    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], async (context) => {
      const event = pullRequestEvent(context.payload);
      const log = {
        info: (m: string) => context.log.info(m),
        warn: (m: string) => context.log.warn(m),
        error: (m: string) => context.log.error(m),
      };
      const github = installationGitHub({
        context,
        tokens,
        timeoutSeconds: settings.requestTimeoutSeconds,
        noDelays: deps.noDelays,
      });
      // Answer GitHub now (its delivery timeout is 10 s); the pull request's turn comes in the queue.
      const queued = pullRequests!.push(`${event.pr.owner}/${event.pr.repo}#${event.pr.number}`, {
        event,
        previousHeads: event.previousHead ? [event.previousHead] : [],
        github,
        log,
      });
      if (queued === "refused")
        log.error(
          `${event.pr.owner}/${event.pr.repo}#${event.pr.number}: ${settings.pullRequests.maxWaiting} ` +
            "pull requests are already waiting; this delivery is dropped (redeliver it " +
            "from the App's settings)",
        );
    });
  };
  return Object.assign(appFn, { idle });
}
