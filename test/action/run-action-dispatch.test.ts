import nock from "nock";
import { withHead } from "../../src/github/head-marker.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runAction, type Analyze } from "../../src/action/run-action.js";
import { renderCheckRun } from "../../src/report/render-summary.js";
import type { Report } from "../../src/report/types.js";
import { actionRun, type ActionRun } from "../helpers/action-run.js";
import { fixedGroup, fixedReport } from "../helpers/fixed-report.js";
import { BASE_SHA, HEAD_SHA, OWNER, REPO, contentsPath, github } from "../helpers/github-api.js";

const checkRun = `/repos/${OWNER}/${REPO}/check-runs/99`;
const comments = `/repos/${OWNER}/${REPO}/issues/7/comments`;
const dispatched = {
  event: "workflow_dispatch",
  eventName: "workflow_dispatch",
  inputs: { "pull-request": "7", base: BASE_SHA, head: HEAD_SHA, "check-run-id": "99" },
};

let run: ActionRun | undefined;
afterEach(() => {
  run?.restore();
  run = undefined;
  nock.cleanAll();
});

async function act(report: Report) {
  run = actionRun(dispatched);
  const analyze = vi.fn<Analyze>(async () => report);
  await runAction({ analyze, noDelays: true });
  return analyze;
}

describe("runAction dispatched by the GitHub App (workflow_dispatch)", () => {
  it(
    "reads the pull request named in the inputs, comments as the App's bot and " +
      "completes the App's check run with the report",
    async () => {
      const report = fixedReport({ groups: [fixedGroup({ verdict: "warn" })] });
      const expected = renderCheckRun(report);
      let completed: { status?: string; conclusion?: string; output?: { title?: string; summary?: string } } = {};
      const scope = github()
        .get(checkRun)
        .reply(200, { id: 99, status: "queued", app: { slug: "batch-advisor" } })
        .patch(checkRun, (body: { status?: string }) => body.status === "in_progress")
        .reply(200, { id: 99 })
        .get(contentsPath(".github/batch-advisor.yml"))
        .query({ ref: BASE_SHA })
        .reply(404, { message: "Not Found" })
        .get(comments)
        .query({ per_page: 100 })
        .reply(200, [
          {
            id: 11,
            body: "<!-- batch-advisor:comment -->\nold",
            user: { login: "batch-advisor[bot]" },
            html_url: "u11",
          },
        ])
        .get(`/repos/${OWNER}/${REPO}/pulls/7`)
        .reply(200, { number: 7, state: "open", head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } })
        .patch(`/repos/${OWNER}/${REPO}/issues/comments/11`, { body: withHead(report.markdown, HEAD_SHA) })
        .reply(200, { id: 11, html_url: "u11" })
        .patch(checkRun, (body: typeof completed) => {
          completed = body;
          return body.status === "completed";
        })
        .reply(200, { id: 99 });

      const analyze = await act(report);

      expect(scope.pendingMocks()).toEqual([]);
      expect(analyze).toHaveBeenCalledTimes(1);
      expect(analyze.mock.calls[0][0].description).toBe(
        `${OWNER}/${REPO}#7 ${BASE_SHA.slice(0, 7)}..${HEAD_SHA.slice(0, 7)}`,
      );
      expect(completed).toMatchObject({
        conclusion: expected.conclusion,
        output: { title: expected.title, summary: expected.summary },
      });
      expect(run!.failed()).toBe(false);
    },
  );

  it("does nothing when a newer push already superseded the check run", async () => {
    const scope = github()
      .get(checkRun)
      .reply(200, { id: 99, status: "completed", conclusion: "cancelled", output: { title: "Superseded by ddddddd" } });

    const analyze = await act(fixedReport({ groups: [fixedGroup()] }));

    expect(scope.pendingMocks()).toEqual([]);
    expect(analyze).not.toHaveBeenCalled();
    expect(run!.stdout()).toContain("Nothing to do: check run 99 is already completed (Superseded by ddddddd)");
    expect(run!.failed()).toBe(false);
  });

  it(
    "fails with what to do when the token is not the App's (the workflow token " + "may not touch the App's check run)",
    async () => {
      const scope = github().get(checkRun).reply(200, { id: 99, status: "queued" }).patch(checkRun).reply(403, {
        message: "Invalid app_id 15368 - check run can only be modified by the GitHub App that created it.",
      });

      await act(fixedReport({ groups: [fixedGroup()] }));

      expect(scope.pendingMocks()).toEqual([]);
      expect(run!.failed()).toBe(true);
      expect(run!.stdout()).toContain("needs the App's token as github-token");
    },
  );

  it("rejects a pull-request input that is not a number", async () => {
    run = actionRun({ ...dispatched, inputs: { ...dispatched.inputs, "pull-request": "seven" } });
    await runAction({ analyze: vi.fn<Analyze>(), noDelays: true });
    expect(run.stdout()).toContain('pull-request: "seven" is not a pull request number');
  });
});
