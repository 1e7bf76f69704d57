import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { createNodeMiddleware } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { batchAdvisorApp } from "../../src/app/batch-advisor-app.js";
import { BASE_SHA, HEAD_SHA } from "../helpers/github-api.js";
import { CHECK_RUNS, DISPATCH, SECRET, TRAIN_BASE, TRAIN_HEAD, api, appSlug, checkRunsOn, eventPayload, installationToken, pullRequestFiles, testProbot } from "./probot-harness.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The App's real HTTP server (probot's node middleware) on 127.0.0.1, on a free port. */
async function startApp(): Promise<string> {
  const middleware = await createNodeMiddleware(batchAdvisorApp({ analyze, env: {}, noDelays: true }), { probot: testProbot() });
  server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
}

function post(url: string, body: string, signature: string | undefined): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
      ...(signature ? { "x-hub-signature-256": signature } : {}),
    },
    body,
  });
}

const sign = (body: string, secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("the App's HTTP server, end to end", () => {
  it("a signed pull_request webhook queues a check run and dispatches the runner workflow on the fake GitHub API", async () => {
    const url = await startApp();
    let check: { name?: string; head_sha?: string; status?: string } = {};
    const scope = pullRequestFiles(checkRunsOn(appSlug(installationToken(api())), HEAD_SHA, []), { base: TRAIN_BASE, head: TRAIN_HEAD })
      .post(CHECK_RUNS, (body: typeof check) => {
        check = body;
        return true;
      })
      .reply(201, { id: 321, head_sha: HEAD_SHA, status: "queued" })
      .post(DISPATCH, { ref: "main", inputs: { "pull-request": "7", base: BASE_SHA, head: HEAD_SHA, "check-run-id": "321" } })
      .reply(204);
    // After the scopes: api() turns real network off, and only the App's own server is let through.
    nock.enableNetConnect("127.0.0.1");
    const body = JSON.stringify(eventPayload("opened"));

    const response = await post(url, body, sign(body, SECRET));

    expect(response.status).toBe(200);
    expect(scope.pendingMocks()).toEqual([]);
    expect(check).toMatchObject({ name: "batch-advisor", head_sha: HEAD_SHA, status: "queued" });
  });

  it("a webhook signed with another secret, or not signed, gets 400 and reads nothing from GitHub", async () => {
    const url = await startApp();
    const token = installationToken(api());
    nock.enableNetConnect("127.0.0.1");
    const body = JSON.stringify(eventPayload("opened"));

    const forged = await post(url, body, sign(body, "not-the-secret"));
    const unsigned = await post(url, body, undefined);

    expect(forged.status).toBe(400);
    expect(unsigned.status).toBe(400);
    // The App never even asked for an installation token.
    expect(token.isDone()).toBe(false);
  });
});
