import { afterEach, describe, expect, it, vi } from "vitest";
import { runAction, type Analyze } from "../../src/action/run-action.js";
import { fakeGitHubApi, type FakeGitHubApi } from "../app/fake-github-api.js";
import { actionRun, type ActionRun } from "../helpers/action-run.js";
import { fixedGroup, fixedReport } from "../helpers/fixed-report.js";
import { BASE_SHA, HEAD_SHA, OWNER, REPO } from "../helpers/github-api.js";

let run: ActionRun | undefined;
let api: FakeGitHubApi | undefined;
afterEach(async () => {
  run?.restore();
  await api?.close();
  run = api = undefined;
});

describe("the Action's request-timeout input", () => {
  it("a comment POST that GitHub took but never answered ends with exactly one comment", async () => {
    api = await fakeGitHubApi({ commentLogin: "github-actions[bot]" });
    api.setPull({ owner: OWNER, repo: REPO, number: 7, base: BASE_SHA, head: HEAD_SHA, state: "open", files: {} });
    api.hang((method, path) => method === "POST" && path.endsWith("/issues/7/comments"), { applyEffect: true });
    run = actionRun({ inputs: { "request-timeout": "0.5", suggest: "false" } });
    vi.stubEnv("GITHUB_API_URL", api.url);

    await runAction({ analyze: vi.fn<Analyze>(async () => fixedReport({ groups: [fixedGroup()] })), noDelays: true });

    expect(api.commentsOn(OWNER, REPO, 7)).toHaveLength(1);
    expect(run.failed()).toBe(false);
    expect(run.stdout()).toContain(
      "GitHub did not answer POST /repos/acme/train/issues/7/comments within 0.5 s " +
        "(request timeout); looking for it before creating again",
    );
  });

  it("refuses a request-timeout that is not a number of seconds", async () => {
    run = actionRun({ inputs: { "request-timeout": "soon" } });

    await runAction({ analyze: vi.fn<Analyze>(), noDelays: true });

    expect(run.failed()).toBe(true);
    expect(run.stdout()).toContain('request-timeout: "soon" is not a number of seconds above 0');
  });
});
