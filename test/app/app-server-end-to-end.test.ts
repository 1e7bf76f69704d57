import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { BASE_SHA, HEAD_SHA } from "../helpers/github-api.js";
import { postDelivery, sign, startAppServer, type AppServer } from "./app-server.js";
import {
  CHECK_RUNS,
  DISPATCH,
  TRAIN_BASE,
  TRAIN_HEAD,
  api,
  appSlug,
  checkRunsOn,
  currentHead,
  eventPayload,
  installationToken,
  pullRequestFiles,
  testProbot,
} from "./probot-harness.js";

let server: AppServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The App's real HTTP server (probot's node middleware) on 127.0.0.1, on a free port. */
async function startApp(): Promise<AppServer> {
  server = await startAppServer({ probot: testProbot(), deps: { analyze, env: {}, noDelays: true } });
  return server;
}

describe("the App's HTTP server, end to end", () => {
  it(
    "a signed pull_request webhook queues a check run and dispatches the runner " + "workflow on the fake GitHub API",
    async () => {
      const { url, app } = await startApp();
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

      const response = await postDelivery(url, { body: JSON.stringify(eventPayload("opened")) });
      await app.idle();

      expect(response.status).toBe(200);
      expect(scope.pendingMocks()).toEqual([]);
      expect(check).toMatchObject({ name: "batch-advisor", head_sha: HEAD_SHA, status: "queued" });
    },
  );

  it("a webhook signed with another secret, or not signed, gets 400 and reads nothing from GitHub", async () => {
    const { url, app } = await startApp();
    const token = installationToken(api());
    nock.enableNetConnect("127.0.0.1");
    const body = JSON.stringify(eventPayload("opened"));

    const forged = await postDelivery(url, { body, signature: sign(body, "not-the-secret") });
    const unsigned = await postDelivery(url, { body, signature: null });
    await app.idle();

    expect(forged.status).toBe(400);
    expect(unsigned.status).toBe(400);
    // The App never even asked for an installation token.
    expect(token.isDone()).toBe(false);
  });
});
