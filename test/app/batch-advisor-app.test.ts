import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { changeGoneBody } from "../../src/github/change-gone.js";
import { COMMENT_MARKER } from "../../src/report/render-comment.js";
import { BASE_SHA, HEAD_SHA } from "../helpers/github-api.js";
import {
  CHECK_RUNS,
  COMMENTS,
  DISPATCH,
  OLD_HEAD,
  TRAIN_BASE,
  TRAIN_HEAD,
  api,
  appSlug,
  checkRunsOn,
  currentHead,
  installationToken,
  loadApp,
  pullRequestFiles,
} from "./probot-harness.js";

afterEach(() => nock.cleanAll());

const dispatchBody = {
  ref: "main",
  inputs: { "pull-request": "7", base: BASE_SHA, head: HEAD_SHA, "check-run-id": "99" },
};
const queued = (body: { name?: string; head_sha?: string; status?: string }) =>
  body.name === "batch-advisor" && body.head_sha === HEAD_SHA && body.status === "queued";

describe("the App on pull_request", () => {
  it(
    "opened with a batch change: a queued check on the head and the runner " +
      "workflow dispatched with the PR, SHAs and check id",
    async () => {
      const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
        base: TRAIN_BASE,
        head: TRAIN_HEAD,
      })
        .post(CHECK_RUNS, queued)
        .reply(201, { id: 99, head_sha: HEAD_SHA, status: "queued", app: { slug: "batch-advisor" } })
        .post(DISPATCH, dispatchBody)
        .reply(204);
      const { deliver, analyze } = await loadApp();

      await deliver("opened");

      expect(scope.pendingMocks()).toEqual([]);
      expect(analyze).not.toHaveBeenCalled();
    },
  );

  it("reopened works like opened, and the workflow named in the base's bot config is the one dispatched", async () => {
    const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
      base: TRAIN_BASE,
      head: TRAIN_HEAD,
      botConfig: "app:\n  workflow: gpu-advisor.yml\n",
    })
      .post(CHECK_RUNS, queued)
      .reply(201, { id: 99, head_sha: HEAD_SHA, status: "queued" })
      .post(DISPATCH.replace("batch-advisor.yml", "gpu-advisor.yml"), dispatchBody)
      .reply(204);
    const { deliver } = await loadApp();

    await deliver("reopened");

    expect(scope.pendingMocks()).toEqual([]);
  });

  it("no batch change and no earlier comment: no check, no dispatch, no comment", async () => {
    const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
      base: TRAIN_BASE,
      head: TRAIN_BASE.replace("3.0e-4", "1.0e-4"),
    })
      .get(COMMENTS)
      .query({ per_page: 100 })
      .reply(200, []);
    const { deliver } = await loadApp();

    await deliver("opened");

    expect(scope.pendingMocks()).toEqual([]);
  });

  it("no batch change any more: the App's earlier sticky comment is edited to say the change is gone", async () => {
    const gone = changeGoneBody({ marker: COMMENT_MARKER, language: "en" });
    const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
      base: TRAIN_BASE,
      head: TRAIN_BASE,
    })
      .get(COMMENTS)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 11, body: `${COMMENT_MARKER}\nold report`, user: { login: "batch-advisor[bot]" }, html_url: "u11" },
      ]);
    // Before writing, the App asks again that the head is still the pull request's.
    currentHead(scope)
      .patch("/repos/acme/train/issues/comments/11", { body: `${gone}<!-- batch-advisor:head ${HEAD_SHA} -->\n` })
      .reply(200, { id: 11, html_url: "u11" });
    const { deliver } = await loadApp();

    await deliver("opened");

    expect(scope.pendingMocks()).toEqual([]);
  });

  it(
    "a webhook delivered twice for the same head dispatches once, even before " + "its check run shows in the API",
    async () => {
      const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
        base: TRAIN_BASE,
        head: TRAIN_HEAD,
      })
        .post(CHECK_RUNS)
        .once()
        .reply(201, { id: 99, head_sha: HEAD_SHA, status: "queued" })
        .post(DISPATCH, dispatchBody)
        .once()
        .reply(204);
      const { deliver } = await loadApp();

      await deliver("opened", "delivery-1");
      // The installation token is reused; GitHub still says the pull request is at the same head.
      currentHead(api());
      // The redelivery races the first: GitHub does not list the new check run yet.
      const notListedYet = checkRunsOn(api(), HEAD_SHA, []);
      await deliver("opened", "delivery-1");

      expect(scope.pendingMocks()).toEqual([]);
      // The App's own claim stopped it before it asked GitHub (the handler logs, never throws, a call with no mock).
      expect(notListedYet.isDone()).toBe(false);
    },
  );

  it("a head that already has a batch-advisor check (an App restarted between deliveries) is left alone", async () => {
    const scope = checkRunsOn(currentHead(installationToken(api())), HEAD_SHA, [{ id: 99, status: "in_progress" }]);
    const { deliver } = await loadApp();

    await deliver("reopened");

    expect(scope.pendingMocks()).toEqual([]);
  });

  it("a newer push cancels the older head's queued check as superseded, and leaves completed ones", async () => {
    const superseded = (body: { status?: string; conclusion?: string; output?: { title?: string } }) =>
      body.status === "completed" &&
      body.conclusion === "cancelled" &&
      body.output?.title === `Superseded by ${HEAD_SHA.slice(0, 7)}`;
    const scope = checkRunsOn(currentHead(installationToken(api())), OLD_HEAD, [
      { id: 5, status: "queued" },
      { id: 6, status: "completed" },
    ])
      .patch(`${CHECK_RUNS}/5`, superseded)
      .reply(200, { id: 5 });
    pullRequestFiles(checkRunsOn(appSlug(scope), HEAD_SHA, []), { base: TRAIN_BASE, head: TRAIN_HEAD })
      .post(CHECK_RUNS, queued)
      .reply(201, { id: 99, head_sha: HEAD_SHA, status: "queued" })
      .post(DISPATCH, dispatchBody)
      .reply(204);
    const { deliver } = await loadApp();

    await deliver("synchronize");

    expect(scope.pendingMocks()).toEqual([]);
  });

  it("no runner workflow (404): the check completes neutral and says which file to add", async () => {
    let output: { title?: string; summary?: string } = {};
    const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
      base: TRAIN_BASE,
      head: TRAIN_HEAD,
    })
      .post(CHECK_RUNS, queued)
      .reply(201, { id: 99, head_sha: HEAD_SHA, status: "queued" })
      .post(DISPATCH)
      .reply(404, { message: "Not Found" })
      .patch(`${CHECK_RUNS}/99`, (body: { status?: string; conclusion?: string; output?: typeof output }) => {
        output = body.output ?? {};
        return body.status === "completed" && body.conclusion === "neutral";
      })
      .reply(200, { id: 99 });
    const { deliver } = await loadApp();

    await deliver("opened");

    expect(scope.pendingMocks()).toEqual([]);
    expect(output.title).toBe("Add .github/workflows/batch-advisor.yml to run the analysis");
    expect(output.summary).toContain(
      "`workflow_dispatch` trigger with the inputs `pull-request`, `base`, `head` and `check-run-id`",
    );
    expect(output.summary).toContain("docs/app.md");
    expect(output.summary).toContain("analyzeInApp: true");
  });

  it("analyze-in-app: trains the quick proxy in process, completes the check with " +
    "the report and posts the sticky comment", async () => {
    const completed: Array<{ status?: string; conclusion?: string; output?: { title?: string; summary?: string } }> =
      [];
    let comment = "";
    const botConfig =
      "app:\n  analyzeInApp: true\nproxy:\n  model: mlp\n  data: teacher-student\n  timeBudget: 6\n  backend: cpu\n";
    const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
      base: TRAIN_BASE,
      head: TRAIN_HEAD,
      botConfig,
    })
      .post(CHECK_RUNS, queued)
      .reply(201, { id: 99, head_sha: HEAD_SHA, status: "queued" })
      .get(`${CHECK_RUNS}/99`)
      .reply(200, { id: 99, status: "queued", app: { slug: "batch-advisor" } })
      .patch(`${CHECK_RUNS}/99`, (body: { status?: string }) => body.status === "in_progress")
      .reply(200, { id: 99 })
      .patch(`${CHECK_RUNS}/99`, (body: (typeof completed)[number]) => {
        completed.push(body);
        return body.status === "completed";
      })
      .reply(200, { id: 99 })
      .get(COMMENTS)
      .query({ per_page: 100 })
      .reply(200, []);
    currentHead(scope)
      .post(COMMENTS, (body: { body: string }) => {
        comment = body.body;
        return true;
      })
      .reply(201, { id: 12, html_url: "u12" });
    const { deliver, analyze } = await loadApp({ analyzeOptions: { quick: true } });

    await deliver("opened");

    expect(scope.pendingMocks()).toEqual([]);
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comment).toContain("`per_device_train_batch_size` (line 1): 8 → 16");
    expect(completed[0].conclusion).toMatch(/^(success|neutral)$/);
    expect(completed[0].output?.summary).toContain("per_device_train_batch_size");
    expect(completed[0].output?.summary).not.toContain(COMMENT_MARKER);
  }, 120_000);
});
