import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { HEAD_SHA } from "../helpers/github-api.js";
import { postDelivery, sign, startAppServer, type AppServer } from "./app-server.js";
import { api, expectCheckAndDispatch, eventPayload, installationToken, testProbot } from "./probot-harness.js";

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
      const { scope, check } = expectCheckAndDispatch();

      const response = await postDelivery(url, { body: JSON.stringify(eventPayload("opened")) });
      await app.idle();

      expect(response.status).toBe(200);
      expect(scope.pendingMocks()).toEqual([]);
      expect(check()).toMatchObject({ name: "batch-advisor", head_sha: HEAD_SHA, status: "queued" });
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
