import { readFileSync } from "node:fs";
import nock from "nock";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { INPUT_NAMES } from "../../src/action/read-inputs.js";
import { HEAD_SHA } from "../helpers/github-api.js";
import {
  CHECK_RUNS,
  DISPATCH,
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

const markdown = readFileSync(new URL("../../docs/app.md", import.meta.url), "utf8");
const blocks = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as Record<string, any>);
const workflow = blocks.find((b) => b.on?.workflow_dispatch);

afterEach(() => nock.cleanAll());

/** The inputs the App sends when it dispatches the runner workflow for a batch change. */
async function dispatchedInputs(): Promise<Record<string, string>> {
  let inputs: Record<string, string> | undefined;
  const scope = pullRequestFiles(checkRunsOn(appSlug(currentHead(installationToken(api()))), HEAD_SHA, []), {
    base: TRAIN_BASE,
    head: TRAIN_HEAD,
  })
    .post(CHECK_RUNS)
    .reply(201, { id: 99, head_sha: HEAD_SHA, status: "queued" })
    .post(DISPATCH, (body: { inputs: Record<string, string> }) => Boolean((inputs = body.inputs)))
    .reply(204);
  const { deliver } = await loadApp();
  await deliver("opened");
  expect(scope.pendingMocks()).toEqual([]);
  return inputs!;
}

describe("the runner workflow in docs/app.md", () => {
  it("takes exactly the inputs the App dispatches", async () => {
    const sent = Object.keys(await dispatchedInputs()).sort();
    expect(sent).toEqual(["base", "check-run-id", "head", "pull-request"]);
    expect(Object.keys(workflow!.on.workflow_dispatch.inputs).sort()).toEqual(sent);
  });

  it("passes them to the Action as inputs action.yml declares, with the App's token", () => {
    const step = workflow!.jobs.advise.steps.find((s: { uses?: string }) => s.uses?.includes("/batch-advisor@"));
    expect(Object.keys(step.with).filter((k) => !INPUT_NAMES.includes(k))).toEqual([]);
    expect(step.with["github-token"]).toBe("${{ steps.app-token.outputs.token }}");
    expect(step.with["check-run-id"]).toBe("${{ inputs.check-run-id }}");
  });
});
