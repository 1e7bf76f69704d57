import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { createQueuedCheckRun } from "../../src/github/check-run.js";
import { createOctokit } from "../../src/github/create-octokit.js";
import { upsertComment } from "../../src/github/upsert-comment.js";
import { COMMENT_MARKER } from "../../src/report/render-comment.js";
import { fakeGitHubApi, type FakeGitHubApi } from "../app/fake-github-api.js";
import { API, BASE_SHA, HEAD_SHA, OWNER, REPO, github } from "../helpers/github-api.js";

const pr = { owner: OWNER, repo: REPO, number: 7 };
const BOT = "batch-advisor[bot]";
const body = `${COMMENT_MARKER}\nreport\n`;

let api: FakeGitHubApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The fake API with the pull request at HEAD_SHA, and a client that gives up on a request after 0.3 s. */
async function setUp() {
  api = await fakeGitHubApi({ commentLogin: BOT });
  api.setPull({ owner: OWNER, repo: REPO, number: 7, base: BASE_SHA, head: HEAD_SHA, state: "open", files: {} });
  return { api, client: createOctokit({ token: "t", baseUrl: api.url, timeoutSeconds: 0.3, noDelays: true }) };
}
const createsComment = (method: string, path: string) => method === "POST" && path.endsWith("/issues/7/comments");

describe("a create whose answer never came", () => {
  it(
    "a comment POST that landed but hangs past the timeout is adopted, not sent " + "again: exactly one comment",
    async () => {
      const { api, client } = await setUp();
      api.hang(createsComment, { applyEffect: true });

      const result = await upsertComment(client, { pr, body, marker: COMMENT_MARKER, author: BOT, headSha: HEAD_SHA });

      expect(result.action).toBe("created");
      expect(api.commentsOn(OWNER, REPO, 7)).toHaveLength(1);
      expect(api.seen.filter((r) => createsComment(r.method, r.path))).toHaveLength(1);
    },
  );

  it("a comment POST that hangs and never landed is sent once more, after looking: exactly one comment", async () => {
    const { api, client } = await setUp();
    api.hang(createsComment, { applyEffect: false });

    const result = await upsertComment(client, { pr, body, marker: COMMENT_MARKER, author: BOT, headSha: HEAD_SHA });

    expect(result.action).toBe("created");
    expect(api.commentsOn(OWNER, REPO, 7)).toHaveLength(1);
    const sequence = api.seen.map((r) => `${r.method} ${r.path.replace(`/repos/${OWNER}/${REPO}`, "")}`);
    // The second POST comes only after a fresh look at the comments.
    expect(sequence.slice(-3)).toEqual([
      "POST /issues/7/comments",
      "GET /issues/7/comments",
      "POST /issues/7/comments",
    ]);
  });

  it("a queued check run whose create hung after landing is adopted: one check run on the head", async () => {
    const { api, client } = await setUp();
    api.hang((method, path) => method === "POST" && path.endsWith("/check-runs"), { applyEffect: true });

    const run = await createQueuedCheckRun(client, { owner: OWNER, repo: REPO, headSha: HEAD_SHA, summary: "queued" });

    expect(api.checkRuns).toHaveLength(1);
    expect(run.id).toBe(api.checkRuns[0].id);
  });

  it("a GET that hangs is retried, each attempt with its own deadline, then fails naming the request", async () => {
    const { api, client } = await setUp();
    api.hang((method, path) => method === "GET" && path.endsWith("/pulls/7"), { applyEffect: false, times: 10 });

    await expect(client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 })).rejects.toThrow(
      `GitHub did not answer GET /repos/${OWNER}/${REPO}/pulls/7 within 0.3 s (request timeout)`,
    );
    // The first attempt and the retry plugin's three.
    expect(api.seen.filter((r) => r.path.endsWith("/pulls/7"))).toHaveLength(4);
  });

  it("a GET that hangs once is answered on the retry", async () => {
    const { api, client } = await setUp();
    api.hang((method, path) => method === "GET" && path.endsWith("/pulls/7"), { applyEffect: false });

    expect((await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 })).data.head.sha).toBe(HEAD_SHA);
  });
});

describe("the client's own retries (@octokit/plugin-retry)", () => {
  it("never re-send a POST that failed with a server error: the caller decides after looking", async () => {
    const scope = github().post(`/repos/${OWNER}/${REPO}/issues/7/comments`).reply(502, { message: "Bad Gateway" });
    const second = nock(API).post(`/repos/${OWNER}/${REPO}/issues/7/comments`).reply(201, { id: 2 });
    const client = createOctokit({ token: "t", baseUrl: API, noDelays: true });

    await expect(
      client.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body }),
    ).rejects.toMatchObject({ status: 502 });

    expect(scope.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it("still retry an idempotent GET after a server error", async () => {
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(502, { message: "Bad Gateway" })
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, { number: 7, state: "open", head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } });
    const client = createOctokit({ token: "t", baseUrl: API, noDelays: true });

    expect((await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 })).data.head.sha).toBe(HEAD_SHA);
    expect(scope.isDone()).toBe(true);
  });
});
