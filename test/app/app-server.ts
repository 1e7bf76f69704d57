import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, type Probot } from "probot";
import { batchAdvisorApp, type AppDeps, type BatchAdvisorApp } from "../../src/app/batch-advisor-app.js";
import { INSTALLATION, SECRET, TEST_PRIVATE_KEY } from "./test-app-credentials.js";

export interface AppServer {
  /** The webhook URL on 127.0.0.1. */
  url: string;
  app: BatchAdvisorApp;
  close(): Promise<void>;
}

/**
 * A Probot made the way `probot run` makes it, from environment variables (APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, and GHE_HOST/GHE_PROTOCOL for an Enterprise API root), with the test key.
 */
export function probotFromEnv(env: Record<string, string> = {}): Probot {
  const merged = {
    APP_ID: "1234",
    PRIVATE_KEY: TEST_PRIVATE_KEY,
    WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "fatal",
    ...env,
  };
  return createProbot({ env: merged as NonNullable<Parameters<typeof createProbot>[0]>["env"] });
}

/** The App's real HTTP server (probot's node middleware) on 127.0.0.1, on a free port. */
export async function startAppServer(input: { probot: Probot; deps: AppDeps }): Promise<AppServer> {
  const app = batchAdvisorApp(input.deps);
  const middleware = await createNodeMiddleware(app, { probot: input.probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`,
    app,
    close: async () => {
      await app.idle();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** POSTs one webhook delivery the way GitHub does; `signature: null` sends none. */
export function postDelivery(
  url: string,
  input: { body: string; id?: string; event?: string; signature?: string | null },
): Promise<Response> {
  const signature = input.signature === undefined ? sign(input.body) : input.signature;
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": input.event ?? "pull_request",
      "x-github-delivery": input.id ?? crypto.randomUUID(),
      ...(signature ? { "x-hub-signature-256": signature } : {}),
    },
    body: input.body,
  });
}

/** A pull_request payload with only the fields the App reads. */
export function pullRequestPayload(input: {
  action: "opened" | "synchronize" | "reopened";
  owner: string;
  repo: string;
  number: number;
  base: string;
  head: string;
  before?: string;
}): Record<string, unknown> {
  return {
    action: input.action,
    number: input.number,
    ...(input.before ? { before: input.before, after: input.head } : {}),
    pull_request: {
      number: input.number,
      state: "open",
      base: { sha: input.base, ref: "main" },
      head: { sha: input.head, ref: "feature" },
    },
    repository: {
      name: input.repo,
      full_name: `${input.owner}/${input.repo}`,
      owner: { login: input.owner },
      default_branch: "main",
    },
    installation: { id: INSTALLATION },
  };
}
