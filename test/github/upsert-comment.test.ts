import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { upsertComment } from "../../src/github/upsert-comment.js";
import { API, HEAD_SHA, OWNER, REPO, github, testOctokit } from "../helpers/github-api.js";

const MARKER = "<!-- batch-advisor:comment -->";
const pr = { owner: OWNER, repo: REPO, number: 7 };
const comments = `/repos/${OWNER}/${REPO}/issues/7/comments`;
const bot = { login: "github-actions[bot]", type: "Bot" };
const upsert = (body: string, create?: boolean) =>
  upsertComment(testOctokit(), { pr, body, marker: MARKER, author: bot.login, create });

afterEach(() => nock.cleanAll());

describe("upsertComment", () => {
  it("creates the comment when the pull request has none", async () => {
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [{ id: 1, body: "LGTM", user: { login: "alice" }, html_url: "u1" }])
      .post(comments, { body: `${MARKER}\nreport` })
      .reply(201, { id: 2, html_url: "https://github.test/acme/train/pull/7#issuecomment-2" });

    expect(await upsert(`${MARKER}\nreport`)).toEqual({
      action: "created",
      url: "https://github.test/acme/train/pull/7#issuecomment-2",
    });
    expect(scope.isDone()).toBe(true);
  });

  it("finds its comment on a later page and edits it in place", async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => ({
      id: 100 + i,
      body: "chatter",
      user: { login: "alice" },
      html_url: "u",
    }));
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, page1, { link: `<${API}${comments}?per_page=100&page=2>; rel="next"` })
      .get(comments)
      .query({ per_page: 100, page: 2 })
      .reply(200, [{ id: 900, body: `${MARKER}\nold report`, user: bot, html_url: "u900" }])
      .patch(`/repos/${OWNER}/${REPO}/issues/comments/900`, { body: `${MARKER}\nnew report` })
      .reply(200, { id: 900, html_url: "u900" });

    expect(await upsert(`${MARKER}\nnew report`)).toEqual({ action: "updated", url: "u900" });
    expect(scope.isDone()).toBe(true);
  });

  it("writes nothing when the body is the same (line ends aside)", async () => {
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [{ id: 5, body: `${MARKER}\r\nreport\r\n`, user: bot, html_url: "u5" }]);

    expect(await upsert(`${MARKER}\nreport\n`)).toEqual({ action: "unchanged", url: "u5" });
    expect(scope.isDone()).toBe(true);
  });

  it("ignores someone else's comment that quotes the marker", async () => {
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [{ id: 3, body: `> ${MARKER}\n> old report\nwhy?`, user: { login: "alice" }, html_url: "u3" }])
      .post(comments)
      .reply(201, { id: 4, html_url: "u4" });

    expect((await upsert(`${MARKER}\nreport`)).action).toBe("created");
    expect(scope.isDone()).toBe(true);
  });

  it("starts no comment when told not to create one", async () => {
    const scope = github().get(comments).query({ per_page: 100 }).reply(200, []);

    expect(await upsert(`${MARKER}\ngone`, false)).toEqual({ action: "none" });
    expect(scope.isDone()).toBe(true);
  });
});

describe("upsertComment with the head commit it was made for", () => {
  const OLDER = "a".repeat(40);
  const NEWER = HEAD_SHA;
  const pullAt = (head: string) => ({ number: 7, state: "open", head: { sha: head }, base: { sha: "b".repeat(40) } });
  const upsertFor = (headSha: string, body: string) =>
    upsertComment(testOctokit(), { pr, body, marker: MARKER, author: bot.login, headSha });

  it("records the head in the comment it creates", async () => {
    let posted = "";
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [])
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, pullAt(NEWER))
      .post(comments, (b: { body: string }) => {
        posted = b.body;
        return true;
      })
      .reply(201, { id: 2, html_url: "u2" });

    await upsertFor(NEWER, `${MARKER}\nreport`);

    expect(scope.isDone()).toBe(true);
    expect(posted).toBe(`${MARKER}\nreport\n<!-- batch-advisor:head ${NEWER} -->\n`);
  });

  it("a run for the older head that finishes last leaves the newer head's comment alone", async () => {
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 9, body: `${MARKER}\nnewer report\n<!-- batch-advisor:head ${NEWER} -->\n`, user: bot, html_url: "u9" },
      ])
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, pullAt(NEWER));
    const overwrite = nock(API).patch(`/repos/${OWNER}/${REPO}/issues/comments/9`).reply(200, { id: 9 });

    expect(await upsertFor(OLDER, `${MARKER}\nolder report`)).toEqual({
      action: "stale",
      currentHead: NEWER,
      url: "u9",
    });
    expect(scope.isDone()).toBe(true);
    expect(overwrite.isDone()).toBe(false);
  });

  it("a run for the newer head that finishes last replaces the older head's comment", async () => {
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 9, body: `${MARKER}\nolder report\n<!-- batch-advisor:head ${OLDER} -->\n`, user: bot, html_url: "u9" },
      ])
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, pullAt(NEWER))
      .patch(`/repos/${OWNER}/${REPO}/issues/comments/9`, {
        body: `${MARKER}\nnewer report\n<!-- batch-advisor:head ${NEWER} -->\n`,
      })
      .reply(200, { id: 9, html_url: "u9" });

    expect(await upsertFor(NEWER, `${MARKER}\nnewer report`)).toEqual({ action: "updated", url: "u9" });
    expect(scope.isDone()).toBe(true);
  });

  it("a run for a head the pull request has moved past starts no comment either", async () => {
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [])
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, pullAt(NEWER));
    const create = nock(API).post(comments).reply(201, { id: 3 });

    expect((await upsertFor(OLDER, `${MARKER}\nolder report`)).action).toBe("stale");
    expect(scope.isDone()).toBe(true);
    expect(create.isDone()).toBe(false);
  });

  it("the same text for a newer head is left as it is: the head line alone is no change", async () => {
    const scope = github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 9, body: `${MARKER}\nreport\n<!-- batch-advisor:head ${OLDER} -->\n`, user: bot, html_url: "u9" },
      ]);

    expect(await upsertFor(NEWER, `${MARKER}\nreport`)).toEqual({ action: "unchanged", url: "u9" });
    expect(scope.isDone()).toBe(true);
  });
});
