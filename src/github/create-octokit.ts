import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { DEFAULT_REQUEST_TIMEOUT_SECONDS } from "./request-timeout.js";
import { timedFetch } from "./timed-fetch.js";

// Typed as the plain Octokit: the plugins add no method we call, and the inferred type names a file
// deep inside @octokit/plugin-rest-endpoint-methods, which the library's declarations (lib/*.d.ts) cannot reference.
const GitHubClient: typeof Octokit = Octokit.plugin(retry, throttling);

/** The Octokit the GitHub front talks through: REST methods plus retries and rate-limit handling. */
export type GitHub = InstanceType<typeof GitHubClient>;

export interface CreateOctokitOptions {
  token: string;
  /** API root; default `GITHUB_API_URL` (set by the runner, a GitHub Enterprise Server's own API), else api.github.com.
   * */
  baseUrl?: string;
  /** Seconds each request (each attempt) may take; default 30 (docs/app.md, docs/action.md: request timeout). */
  timeoutSeconds?: number;
  /** Where retry and rate-limit notes go (the Actions log). */
  log?: (message: string) => void;
  /** Tests: retry at once instead of after 1 s, 4 s, 9 s, and no write spacing from the throttler. */
  noDelays?: boolean;
  /** Tests and the load bench: the fetch underneath the timeout. */
  fetch?: typeof fetch;
}

/** Rate-limited requests are retried this many times before the error reaches the caller. */
const RATE_LIMIT_RETRIES = 2;

/**
 * POSTs that create something (a comment, a check run, a dispatch, a review) are not idempotent:
 * when the answer is lost the create may have landed, and sending it again makes a second one.
 * These are never retried by the client; the callers that create look before creating again
 * (create-once.ts). Minting an installation token twice is harmless, so it may be retried.
 */
function retriesAllowed(method: string, url: string): boolean {
  return method !== "POST" || /\/app\/installations\/[^/]+\/access_tokens$/.test(url);
}

/**
 * An authenticated Octokit whose every request has a deadline (default 30 s), that retries
 * idempotent requests after server errors with backoff (@octokit/plugin-retry) — never a
 * create — and waits out primary and secondary rate limits (@octokit/plugin-throttling).
 * @example const github = createOctokit({ token: process.env.GITHUB_TOKEN!, timeoutSeconds: 30 });
 */
export function createOctokit(options: CreateOctokitOptions): GitHub {
  const log = options.log ?? (() => {});
  // The throttler retries when the handler returns true (its type says void).
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const again = retryCount < RATE_LIMIT_RETRIES;
      const next = again ? `retrying in ${retryAfter} s` : "giving up";
      log(`GitHub ${kind} rate limit on ${request.method} ${request.url}; ${next}`);
      return again;
    };
  const github = new GitHubClient({
    auth: options.token,
    baseUrl: (options.baseUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: "batch-advisor",
    request: { fetch: timedFetch(options.timeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS, options.fetch) },
    retry: options.noDelays ? { retryAfterBaseValue: 0 } : {},
    throttle: {
      enabled: !options.noDelays,
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
    },
    // Octokit's default logger prints deprecation notices and request errors to the console;
    // the front logs what matters itself, through the Actions log.
    log: { debug: () => {}, info: () => {}, warn: log, error: () => {} },
  });
  // The retry plugin reads `request.retries` per request; a create gets none.
  github.hook.before("request", (request) => {
    if (!retriesAllowed(request.method, request.url)) request.request = { ...request.request, retries: 0 };
  });
  return github;
}
