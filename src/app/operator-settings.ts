import { requestTimeoutSeconds } from "../github/request-timeout.js";

/** What the App's operator decides for every repository, from the server's environment. */
export interface OperatorSettings {
  /** Seconds each GitHub request may take (`BATCH_ADVISOR_REQUEST_TIMEOUT`, default 30). */
  requestTimeoutSeconds: number;
  /** Pull requests handled at once (detection, check, dispatch), and how many may wait. */
  pullRequests: { concurrency: number; maxWaiting: number };
  /** In-App trainings (`app.analyzeInApp`): one at a time, `BATCH_ADVISOR_TRAINING_QUEUE` waiting (default 4). */
  training: { concurrency: number; maxWaiting: number };
}

/** Pull requests whose deliveries are handled at once: a few API calls and a parse each. */
const PULL_REQUEST_CONCURRENCY = 4;
/** Pull requests that may wait for a turn: each holds one payload's refs (under 1 KB). */
const PULL_REQUEST_WAITING = 1000;
/** Trainings run one at a time: each takes a CPU core and up to a few hundred MB for the proxy. */
const TRAINING_CONCURRENCY = 1;
const DEFAULT_TRAINING_WAITING = 4;

/**
 * The operator's settings; a malformed value throws naming its variable, so the server does not
 * start with a setting it silently ignored.
 * @example operatorSettings({}) // { requestTimeoutSeconds: 30, pullRequests: { concurrency: 4, maxWaiting: 1000 },
 * training: { concurrency: 1, maxWaiting: 4 } }
 */
export function operatorSettings(env: NodeJS.ProcessEnv): OperatorSettings {
  const raw = env.BATCH_ADVISOR_TRAINING_QUEUE?.trim();
  const waiting = raw ? Number(raw) : DEFAULT_TRAINING_WAITING;
  if (!Number.isInteger(waiting) || waiting < 0)
    throw new Error(
      `BATCH_ADVISOR_TRAINING_QUEUE: "${raw}" is not a whole number of trainings ` +
        `that may wait (default ${DEFAULT_TRAINING_WAITING})`,
    );
  return {
    requestTimeoutSeconds: requestTimeoutSeconds(env),
    pullRequests: { concurrency: PULL_REQUEST_CONCURRENCY, maxWaiting: PULL_REQUEST_WAITING },
    training: { concurrency: TRAINING_CONCURRENCY, maxWaiting: waiting },
  };
}
