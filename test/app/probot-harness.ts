import { readFileSync } from "node:fs";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { vi } from "vitest";
import { analyze } from "../../src/advisor.js";
import { batchAdvisorApp, type AppDeps } from "../../src/app/batch-advisor-app.js";
import { BASE_SHA, HEAD_SHA, OWNER, REPO, contentsPath, fileContent } from "../helpers/github-api.js";
import { INSTALLATION, SECRET, TEST_PRIVATE_KEY } from "./test-app-credentials.js";

/** The public API root, probot's default; test/app/app-ghe.test.ts runs the App against another. */
export const API = "https://api.github.com";
export { INSTALLATION, SECRET, TEST_PRIVATE_KEY };
export const OLD_HEAD = "a".repeat(40);
export const CHECK_RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
export const COMMENTS = `/repos/${OWNER}/${REPO}/issues/7/comments`;
export const DISPATCH = `/repos/${OWNER}/${REPO}/actions/workflows/batch-advisor.yml/dispatches`;

/** A Probot with the test key and secret, retries and throttling off; on api.github.com (nock) unless given another API
 * root. */
export function testProbot(baseUrl?: string): Probot {
  return new Probot({
    appId: 1234,
    ...(baseUrl ? { baseUrl } : {}),
    privateKey: TEST_PRIVATE_KEY,
    secret: SECRET,
    logLevel: (process.env.TEST_LOG_LEVEL as "fatal" | undefined) ?? "fatal",
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
}

/** The App loaded into a fresh Probot; `analyze` is the real one unless a test spies on it. */
export async function loadApp(deps: Partial<AppDeps> = {}): Promise<{
  probot: Probot;
  analyze: ReturnType<typeof vi.fn<typeof analyze>>;
  /** Resolves when every queued pull request and training is done: the App answers webhooks before it works. */
  idle: () => Promise<void>;
  /** One delivery, then wait for the work it queued. */
  deliver: (action: "opened" | "synchronize" | "reopened", id?: string) => Promise<void>;
}> {
  const probot = testProbot();
  const spy = vi.fn<typeof analyze>(deps.analyze ?? analyze);
  const app = batchAdvisorApp({ env: {}, noDelays: true, ...deps, analyze: spy });
  await probot.load(app);
  return {
    probot,
    analyze: spy,
    idle: app.idle,
    deliver: async (action, id) => {
      await deliver(probot, action, id);
      await app.idle();
    },
  };
}

export function eventPayload(action: "opened" | "synchronize" | "reopened"): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/events/pull_request.${action}.json`, import.meta.url), "utf8"),
  ) as Record<string, unknown>;
}

export async function deliver(
  probot: Probot,
  action: "opened" | "synchronize" | "reopened",
  id = "delivery-1",
  payload = eventPayload(action),
): Promise<void> {
  await probot.receive({ id, name: "pull_request", payload } as Parameters<Probot["receive"]>[0]);
}

/** The fake API: the installation token and the App's own slug. */
export function api(): nock.Scope {
  nock.disableNetConnect();
  return nock(API);
}

export function installationToken(scope: nock.Scope): nock.Scope {
  return scope.post(`/app/installations/${INSTALLATION}/access_tokens`).reply(201, {
    token: "ghs_installation",
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    permissions: {},
  });
}

/** The pull request as GitHub has it when the App's turn comes: open, at `head`. */
export function currentHead(scope: nock.Scope, head = HEAD_SHA): nock.Scope {
  return scope
    .get(`/repos/${OWNER}/${REPO}/pulls/7`)
    .reply(200, { number: 7, state: "open", head: { sha: head }, base: { sha: BASE_SHA } });
}

export function appSlug(scope: nock.Scope): nock.Scope {
  return scope.get("/app").reply(200, { id: 1234, slug: "batch-advisor", name: "batch-advisor" });
}

/** The batch-advisor check runs on one commit. */
export function checkRunsOn(scope: nock.Scope, sha: string, runs: Array<{ id: number; status: string }>): nock.Scope {
  return scope
    .get(`/repos/${OWNER}/${REPO}/commits/${sha}/check-runs`)
    .query({ check_name: "batch-advisor", per_page: 100 })
    .reply(200, {
      total_count: runs.length,
      check_runs: runs.map((r) => ({ ...r, head_sha: sha, name: "batch-advisor", app: { slug: "batch-advisor" } })),
    });
}

export const TRAIN_BASE =
  "per_device_train_batch_size: 8\nlearning_rate: 3.0e-4\noptim: adamw_torch\nnum_train_epochs: 3\n";
export const TRAIN_HEAD =
  "per_device_train_batch_size: 16\nlearning_rate: 3.0e-4\noptim: adamw_torch\nnum_train_epochs: 3\n";

/** The pull request's one changed config at both sides, and its bot config at the base (absent when undefined). */
export function pullRequestFiles(
  scope: nock.Scope,
  input: { base: string; head: string; botConfig?: string },
): nock.Scope {
  const path = "configs/train.yaml";
  const config = scope.get(contentsPath(".github/batch-advisor.yml")).query({ ref: BASE_SHA });
  if (input.botConfig === undefined) config.reply(404, { message: "Not Found" });
  else config.reply(200, fileContent(".github/batch-advisor.yml", input.botConfig));
  return scope
    .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
    .query({ per_page: 100 })
    .reply(200, [
      {
        filename: path,
        status: "modified",
        patch: "@@ -1,1 +1,1 @@\n-per_device_train_batch_size: 8\n+per_device_train_batch_size: 16",
      },
    ])
    .get(`/repos/${OWNER}/${REPO}/git/trees/${HEAD_SHA}`)
    .query({ recursive: "true" })
    .reply(200, {
      sha: HEAD_SHA,
      truncated: false,
      tree: [{ path, type: "blob", sha: "blob-head", size: input.head.length }],
    })
    .get(contentsPath(path))
    .query({ ref: HEAD_SHA })
    .reply(200, fileContent(path, input.head))
    .get(contentsPath(path))
    .query({ ref: BASE_SHA })
    .reply(200, fileContent(path, input.base));
}

/** The first pull_request delivery's GitHub calls: the check run queued and the runner workflow dispatched. */
export function expectCheckAndDispatch(): {
  scope: nock.Scope;
  check: () => { name?: string; head_sha?: string; status?: string };
} {
  let check: { name?: string; head_sha?: string; status?: string } = {};
  const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
    base: TRAIN_BASE,
    head: TRAIN_HEAD,
  })
    .post(CHECK_RUNS, (body: typeof check) => {
      check = body;
      return true;
    })
    .reply(201, { id: 321, head_sha: HEAD_SHA, status: "queued" })
    .post(DISPATCH, {
      ref: "main",
      inputs: { "pull-request": "7", base: BASE_SHA, head: HEAD_SHA, "check-run-id": "321" },
    })
    .reply(204);
  // After the scopes: api() turns real network off, and only the App's own server is let through.
  nock.enableNetConnect("127.0.0.1");
  return { scope, check: () => check };
}
