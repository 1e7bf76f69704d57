import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { commentBundleSchema } from "../../src/action/comment-bundle.js";
import { runAction, type Analyze } from "../../src/action/run-action.js";
import { changeGoneBody } from "../../src/github/change-gone.js";
import { withHead } from "../../src/github/head-marker.js";
import { suggestionBody } from "../../src/github/review-suggestions.js";
import { COMMENT_MARKER } from "../../src/report/render-comment.js";
import type { Report } from "../../src/report/types.js";
import { actionRun, readJson, type ActionRun } from "../helpers/action-run.js";
import { fixedGroup, fixedReport } from "../helpers/fixed-report.js";
import { BASE_SHA, HEAD_SHA, OWNER, REPO, contentsPath, fileContent, github } from "../helpers/github-api.js";

const comments = `/repos/${OWNER}/${REPO}/issues/7/comments`;
const bot = { login: "github-actions[bot]", type: "Bot" };
const changed = fixedReport({ groups: [fixedGroup()] });

let run: ActionRun | undefined;
afterEach(() => {
  run?.restore();
  run = undefined;
  nock.cleanAll();
});

/** Before writing its comment a run asks that the pull request is still at the head it analysed. */
function stillAtHead(scope: ReturnType<typeof github>, head = HEAD_SHA) {
  return scope
    .get(`/repos/${OWNER}/${REPO}/pulls/7`)
    .reply(200, { number: 7, state: "open", head: { sha: head }, base: { sha: BASE_SHA } });
}

/** The calls every run makes before commenting: the config at the base SHA (absent here) and who the token is. */
function preamble(scope = github()) {
  return scope
    .get(contentsPath(".github/batch-advisor.yml"))
    .query({ ref: BASE_SHA })
    .reply(404, { message: "Not Found" })
    .get("/user")
    .reply(403, { message: "Resource not accessible by integration" });
}

async function act(report: Report, options: Parameters<typeof actionRun>[0] = {}) {
  run = actionRun(options);
  const analyze = vi.fn<Analyze>(async () => report);
  await runAction({ analyze, noDelays: true });
  return { run, analyze };
}

describe("runAction", () => {
  it("creates the first comment, and writes the summary, the JSON report and the outputs", async () => {
    const scope = stillAtHead(preamble().get(comments).query({ per_page: 100 }).reply(200, []))
      .post(comments, { body: withHead(changed.markdown, HEAD_SHA) })
      .reply(201, { id: 11, html_url: "https://github.test/acme/train/pull/7#issuecomment-11" });

    const { run } = await act(changed);

    expect(scope.isDone()).toBe(true);
    expect(run.failed()).toBe(false);
    expect(run.summary()).toContain("configs/train.yaml: batch 32 → 64");
    expect(run.summary()).not.toContain(COMMENT_MARKER);
    expect(run.summary()).toContain("Comment created: https://github.test/acme/train/pull/7#issuecomment-11");
    const outputs = run.outputs();
    expect(outputs).toMatchObject({ changes: "1", "over-budget": "false" });
    expect(readJson(outputs["report-json"])).toMatchObject({
      version: 1,
      generator: "batch-advisor",
      groups: [{ path: "configs/train.yaml" }],
    });
    expect(commentBundleSchema.parse(readJson(outputs["comment-json"]))).toMatchObject({
      repository: "acme/train",
      pullRequest: 7,
      hasChanges: true,
      markdown: changed.markdown,
    });
    expect(run.stdout()).toContain("::warning title=Batch size 32 → 64,file=configs/train.yaml,line=4::");
  });

  it("updates its comment on the next push", async () => {
    const scope = preamble()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [{ id: 11, body: `${COMMENT_MARKER}\nan older report`, user: bot, html_url: "u11" }]);
    stillAtHead(scope)
      .patch(`/repos/${OWNER}/${REPO}/issues/comments/11`, { body: withHead(changed.markdown, HEAD_SHA) })
      .reply(200, { id: 11, html_url: "u11" });

    await act(changed);

    expect(scope.isDone()).toBe(true);
    expect(run!.summary()).toContain("Comment updated: u11");
  });

  it("writes nothing when the comment already says the same", async () => {
    const scope = preamble()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [{ id: 11, body: changed.markdown, user: bot, html_url: "u11" }]);

    await act(changed);

    expect(scope.isDone()).toBe(true);
    expect(run!.summary()).toContain("Comment unchanged: u11");
  });

  it("marks an earlier comment as gone when the change was pushed away", async () => {
    const gone = changeGoneBody({ marker: COMMENT_MARKER, language: "en" });
    const scope = preamble()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [{ id: 11, body: changed.markdown, user: bot, html_url: "u11" }]);
    stillAtHead(scope)
      .patch(`/repos/${OWNER}/${REPO}/issues/comments/11`, { body: withHead(gone, HEAD_SHA) })
      .reply(200, { id: 11, html_url: "u11" });

    await act(fixedReport());

    expect(scope.isDone()).toBe(true);
    expect(run!.outputs().changes).toBe("0");
    expect(run!.summary()).toContain("no batch-size change");
  });

  it("starts no comment on a pull request that never changed a batch size", async () => {
    const scope = preamble().get(comments).query({ per_page: 100 }).reply(200, []);

    await act(fixedReport());

    expect(scope.isDone()).toBe(true);
    expect(run!.summary()).toContain("No batch-size change; no comment");
  });

  it("stays green on a fork's read-only token: the reason is logged and the summary written", async () => {
    const scope = stillAtHead(preamble().get(comments).query({ per_page: 100 }).reply(200, []))
      .post(comments)
      .reply(403, { message: "Resource not accessible by integration" });

    await act(changed, { event: "pull_request.fork" });

    expect(scope.isDone()).toBe(true);
    expect(run!.failed()).toBe(false);
    expect(run!.stdout()).toMatch(
      /::warning::Comment not posted: 403 Resource not accessible by integration: the token may not write here/,
    );
    expect(run!.summary()).toContain("configs/train.yaml: batch 32 → 64");
    expect(run!.summary()).toContain("Comment not posted: 403");
    expect(run!.stdout()).toContain("The pull request comes from a fork");
    expect(readJson(run!.outputs()["report-json"])).toMatchObject({ groups: [{ path: "configs/train.yaml" }] });
  });

  it("after a 502 on the create, looks for the comment, finds none and posts one comment", async () => {
    const scope = stillAtHead(preamble().get(comments).query({ per_page: 100 }).reply(200, []))
      .post(comments)
      .once()
      .reply(502, { message: "Bad Gateway" })
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(comments)
      .once()
      .reply(201, { id: 12, html_url: "u12" });

    await act(changed);

    expect(scope.isDone()).toBe(true);
    expect(run!.summary()).toContain("Comment created: u12");
    expect(run!.failed()).toBe(false);
  });

  it("fails the job when a budget at level error is broken, naming the file, batch and budget", async () => {
    const report = fixedReport({
      groups: [fixedGroup({ verdict: "error", budget: { status: "error", level: "error", raw: "40GiB" } })],
    });
    const scope = stillAtHead(preamble().get(comments).query({ per_page: 100 }).reply(200, []))
      .post(comments)
      .reply(201, { id: 13, html_url: "u13" });

    await act(report);

    expect(scope.isDone()).toBe(true);
    expect(run!.failed()).toBe(true);
    expect(run!.outputs()["over-budget"]).toBe("true");
    expect(run!.stdout()).toContain(
      "::error::Memory budget broken: configs/train.yaml:4: batch 32 → 64: " +
        "Predicted peak 41.0 GiB at 64 per device is over the memory budget 40GiB (memory.budget).",
    );
  });

  it("passes a broken budget when fail-on is never, and fails a warning when fail-on is warn", async () => {
    const over = fixedReport({ groups: [fixedGroup({ budget: { status: "error", level: "error" } })] });
    preambleConfigOnly();
    await act(over, { inputs: { "fail-on": "never", comment: "false" } });
    expect(run!.failed()).toBe(false);
    run!.restore();

    const scope = preambleConfigOnly();
    await act(fixedReport({ groups: [fixedGroup({ verdict: "warn" })] }), {
      inputs: { "fail-on": "warn", comment: "false" },
    });
    expect(scope.isDone()).toBe(true);
    expect(run!.failed()).toBe(true);
    expect(run!.stdout()).toContain("configs/train.yaml:4: batch 32 → 64: Batch 32 → 64 (×2)");
  });

  it("reads the bot config from the base SHA, so the pull request cannot loosen its own budget", async () => {
    const scope = github()
      .get(contentsPath(".github/batch-advisor.yml"))
      .query({ ref: BASE_SHA })
      .reply(200, fileContent(".github/batch-advisor.yml", "memory:\n  budget: 40GiB\n  level: error\n"));

    const { analyze } = await act(fixedReport(), { inputs: { comment: "false" } });

    expect(scope.isDone()).toBe(true);
    const config = analyze.mock.calls[0][1];
    expect(config.memory).toMatchObject({ budget: { raw: "40GiB", kind: "absolute" }, level: "error" });
    expect(run!.stdout()).not.toContain("Comment");
  });

  it("annotates a bad key in the base config on its line and hands the problem to the report", async () => {
    github()
      .get(contentsPath(".github/batch-advisor.yml"))
      .query({ ref: BASE_SHA })
      .reply(200, fileContent(".github/batch-advisor.yml", "memory:\n  budgett: 40GiB\n"));

    const { analyze } = await act(fixedReport(), { inputs: { comment: "false" } });

    expect(analyze.mock.calls[0][2]?.configErrors?.[0]).toMatchObject({ key: "memory.budgett", line: 2 });
    expect(run!.stdout()).toMatch(
      /::warning title=batch-advisor config,file=\.github\/batch-advisor\.yml,line=2::.*memory\.budgett/,
    );
    expect(run!.failed()).toBe(false);
  });

  it("passes language, backend and time budget inputs to analyze", async () => {
    preambleConfigOnly();
    const { analyze } = await act(fixedReport(), {
      inputs: { comment: "false", language: "zh-TW", backend: "wasm", "time-budget": "12" },
    });
    expect(analyze.mock.calls[0][2]).toEqual({
      language: "zh-TW",
      backend: "wasm",
      timeBudgetSeconds: 12,
      configErrors: [],
    });
  });

  it("takes the backend from the base config's proxy.backend when the input is not set", async () => {
    github()
      .get(contentsPath(".github/batch-advisor.yml"))
      .query({ ref: BASE_SHA })
      .reply(200, fileContent(".github/batch-advisor.yml", "proxy:\n  backend: cpu\n"));
    const { analyze } = await act(fixedReport(), { inputs: { comment: "false" } });
    expect(analyze.mock.calls[0][2]?.backend).toBe("cpu");
  });

  it("lets a backend input of auto win over the base config's proxy.backend", async () => {
    github()
      .get(contentsPath(".github/batch-advisor.yml"))
      .query({ ref: BASE_SHA })
      .reply(200, fileContent(".github/batch-advisor.yml", "proxy:\n  backend: cpu\n"));
    const { analyze } = await act(fixedReport(), { inputs: { comment: "false", backend: "auto" } });
    expect(analyze.mock.calls[0][2]?.backend).toBe("auto");
  });

  it("fails at once on an input outside its allowed values", async () => {
    const { analyze } = await act(fixedReport(), { inputs: { "fail-on": "sometimes" } });
    expect(analyze).not.toHaveBeenCalled();
    expect(run!.failed()).toBe(true);
    expect(run!.stdout()).toContain('fail-on: "sometimes" is not allowed; use one of: error, warn, never');
    expect(run!.summary()).toContain('**batch-advisor failed:** Invalid input: fail-on: "sometimes" is not allowed');
  });

  it("suggests the learning rate in a review when its line is in the diff", async () => {
    const lr = {
      path: "configs/train.yaml",
      line: 5,
      original: "lr: 1.0e-4",
      replacement: "lr: 1.4e-4",
      reason: "Adam: square-root rule.",
    };
    const report = fixedReport({ groups: [fixedGroup()], suggestions: [lr] });
    const scope = preamble()
      .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
      .query({ per_page: 100 })
      .reply(200, [
        {
          filename: "configs/train.yaml",
          status: "modified",
          patch: "@@ -4,2 +4,2 @@\n-batch: 32\n+batch: 64\n lr: 1.0e-4",
        },
      ])
      .get(`/repos/${OWNER}/${REPO}/pulls/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(
        `/repos/${OWNER}/${REPO}/pulls/7/reviews`,
        (body) => body.comments[0].body === suggestionBody(lr) && body.comments[0].line === 5,
      )
      .reply(200, { id: 3 });

    await act(report, { inputs: { comment: "false" } });

    expect(scope.isDone()).toBe(true);
    expect(run!.summary()).toContain("Suggested the learning rate on configs/train.yaml:5");
  });
});

function preambleConfigOnly() {
  return github()
    .get(contentsPath(".github/batch-advisor.yml"))
    .query({ ref: BASE_SHA })
    .reply(404, { message: "Not Found" });
}
