import { writeFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CommentBundle } from "../../src/action/comment-bundle.js";
import { runAction, type Analyze } from "../../src/action/run-action.js";
import { withHead } from "../../src/github/head-marker.js";
import { COMMENT_MARKER } from "../../src/report/render-comment.js";
import { actionRun, type ActionRun } from "../helpers/action-run.js";
import { HEAD_SHA, OWNER, REPO, github } from "../helpers/github-api.js";

const bundle: CommentBundle = {
  version: 1,
  repository: "acme/train",
  pullRequest: 7,
  headSha: HEAD_SHA,
  language: "en",
  hasChanges: true,
  markdown: `${COMMENT_MARKER}\n\n**batch-advisor: Warning** — configs/train.yaml: batch 32 → 64\n`,
  suggestions: [],
};

let run: ActionRun | undefined;
afterEach(() => {
  run?.restore();
  nock.cleanAll();
});

/** The workflow_run half of the fork-safe pair: the bundle an earlier pull_request run uploaded. */
async function post(content: unknown, workflowRunHead = HEAD_SHA) {
  run = actionRun({ eventName: "workflow_run" });
  writeFileSync(
    process.env.GITHUB_EVENT_PATH!,
    JSON.stringify({ workflow_run: { head_sha: workflowRunHead, event: "pull_request" } }),
  );
  const path = join(run.dir, "comment.json");
  writeFileSync(path, JSON.stringify(content));
  vi.stubEnv("INPUT_POST-FROM", path);
  const analyze = vi.fn<Analyze>();
  await runAction({ analyze, noDelays: true });
  expect(analyze).not.toHaveBeenCalled();
}

describe("post-from (workflow_run)", () => {
  it("posts the comment a fork's run left, once the pull request still points at that commit", async () => {
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, { number: 7, head: { sha: HEAD_SHA } })
      .get("/user")
      .reply(403, {})
      .get(`/repos/${OWNER}/${REPO}/issues/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      // Asked again right before writing: the pull request may have moved while the run waited.
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, { number: 7, state: "open", head: { sha: HEAD_SHA }, base: { sha: "b".repeat(40) } })
      .post(`/repos/${OWNER}/${REPO}/issues/7/comments`, { body: withHead(bundle.markdown, HEAD_SHA) })
      .reply(201, { id: 1, html_url: "u1" });

    await post(bundle);

    expect(scope.isDone()).toBe(true);
    expect(run!.failed()).toBe(false);
    expect(run!.summary()).toContain("Comment created: u1");
  });

  it("does not post a report for a commit the pull request has moved past", async () => {
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, { number: 7, head: { sha: "d".repeat(40) } });

    await post(bundle);

    expect(scope.isDone()).toBe(true);
    expect(run!.failed()).toBe(false);
    expect(run!.stdout()).toContain("has moved on to ddddddd");
  });

  it("refuses a bundle for another commit than the triggering run built", async () => {
    await post(bundle, "e".repeat(40));
    expect(run!.failed()).toBe(true);
    expect(run!.stdout()).toContain(`but the workflow run built ${"e".repeat(40)}; not posted`);
  });

  it("refuses a bundle for another repository", async () => {
    await post({ ...bundle, repository: "mallory/elsewhere" });
    expect(run!.failed()).toBe(true);
    expect(run!.stdout()).toContain("is for mallory/elsewhere, not acme/train; not posted");
  });

  it("refuses a file that is not a comment bundle, saying which field is wrong", async () => {
    await post({ ...bundle, pullRequest: "7; rm -rf /" });
    expect(run!.failed()).toBe(true);
    expect(run!.stdout()).toMatch(/is not a batch-advisor comment bundle \(pullRequest: /);
  });

  it("refuses a comment without the marker, which would be posted again on every run", async () => {
    await post({ ...bundle, markdown: "hello" });
    expect(run!.failed()).toBe(true);
    expect(run!.stdout()).toContain("the comment lacks the batch-advisor marker");
  });
});
