import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { BASE_SHA, HEAD_SHA } from "../helpers/github-api.js";
import { postDelivery, probotFromEnv, pullRequestPayload, startAppServer, type AppServer } from "./app-server.js";
import { FAKE_CONFIG, fakeGitHubApi, type FakeGitHubApi } from "./fake-github-api.js";
import { INSTALLATION, TRAIN_BASE, TRAIN_HEAD } from "./probot-harness.js";

let api: FakeGitHubApi | undefined;
let server: AppServer | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
  nock.enableNetConnect();
});

describe("the App under GitHub Enterprise (GHE_HOST, GHE_PROTOCOL)", () => {
  it("mints the installation token and makes every call on the Enterprise API root, never api.github.com", async () => {
    api = await fakeGitHubApi();
    api.setPull({
      owner: "acme",
      repo: "train",
      number: 7,
      base: BASE_SHA,
      head: HEAD_SHA,
      state: "open",
      files: { [BASE_SHA]: TRAIN_BASE, [HEAD_SHA]: TRAIN_HEAD },
    });
    // Any request that leaves 127.0.0.1 fails at once instead of reaching the internet.
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    server = await startAppServer({
      probot: probotFromEnv({ GHE_HOST: api.host, GHE_PROTOCOL: "http" }),
      deps: { analyze, env: {}, noDelays: true },
    });

    const response = await postDelivery(server.url, {
      body: JSON.stringify(
        pullRequestPayload({
          action: "opened",
          owner: "acme",
          repo: "train",
          number: 7,
          base: BASE_SHA,
          head: HEAD_SHA,
        }),
      ),
    });
    await server.app.idle();

    expect(response.status).toBe(200);
    expect(api.seen.map((r) => `${r.method} ${r.path}`)).toContain(
      `POST /api/v3/app/installations/${INSTALLATION}/access_tokens`,
    );
    expect(api.seen.every((r) => r.path.startsWith("/api/v3/") && r.host === api!.host)).toBe(true);
    expect(api.seen.map((r) => r.path)).toContain(
      `/api/v3/repos/acme/train/contents/${encodeURIComponent(FAKE_CONFIG)}`,
    );
    expect(api.checkRuns).toMatchObject([{ headSha: HEAD_SHA, status: "queued" }]);
    expect(api.dispatches).toMatchObject([
      { workflow: "batch-advisor.yml", inputs: { head: HEAD_SHA, base: BASE_SHA } },
    ]);
  });
});
