import type { Probot } from "probot";
import type { analyze } from "../advisor.js";
import { explainError } from "../github/explain-error.js";
import type { AnalyzeOptions } from "../report/types.js";
import { handlePullRequest } from "./handle-pull-request.js";
import { headClaims } from "./head-claims.js";
import { installationGitHub } from "./installation-github.js";
import { pullRequestEvent } from "./pull-request-event.js";

export interface AppDeps {
  analyze: typeof analyze;
  /** Options for an in-App analysis (tests: the quick plan). */
  analyzeOptions?: AnalyzeOptions;
  env?: NodeJS.ProcessEnv;
  /** Tests: GitHub retries without waiting. */
  noDelays?: boolean;
}

/**
 * The Probot app: on pull_request opened, synchronize and reopened, hands the event to
 * handlePullRequest. probot has verified the webhook signature before this runs; an error is
 * logged, never thrown back at the webhook.
 * @example await probot.load(batchAdvisorApp({ analyze }))
 */
export function batchAdvisorApp(deps: AppDeps): (app: Probot) => void {
  return (app) => {
    const claims = headClaims();
    let login: Promise<string> | undefined;
    const botLogin = () =>
      (login ??= app
        .auth()
        .then(async (jwt) => `${(await jwt.rest.apps.getAuthenticated()).data?.slug}[bot]`)
        .catch((error: unknown) => {
          login = undefined;
          throw error;
        }));

    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], async (context) => {
      const event = pullRequestEvent(context.payload);
      const label = `${event.pr.owner}/${event.pr.repo}#${event.pr.number} ${event.head.slice(0, 7)}`;
      try {
        const github = await installationGitHub(context, deps.noDelays);
        const log = { info: (m: string) => context.log.info(m), warn: (m: string) => context.log.warn(m) };
        const outcome = await handlePullRequest({ github, event, claims, botLogin, analyze: deps.analyze, analyzeOptions: deps.analyzeOptions ?? {}, env: deps.env ?? process.env, log });
        context.log.info(`${label}: ${outcome}`);
      } catch (error) {
        context.log.error(`${label}: ${explainError(error)}`);
      }
    });
  };
}
