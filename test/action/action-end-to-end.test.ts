import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { runAction } from "../../src/action/run-action.js";
import { analyze } from "../../src/advisor.js";
import { COMMENT_MARKER } from "../../src/report/render-comment.js";
import { actionRun, readJson, type ActionRun } from "../helpers/action-run.js";
import { BASE_SHA, HEAD_SHA, OWNER, REPO, contentsPath, fileContent, github } from "../helpers/github-api.js";

const BASE_YAML = "model: resnet18\noptimizer: adam\nbatch_size: 32\nlr: 0.001\nepochs: 10\n";
const HEAD_YAML = "model: resnet18\noptimizer: adam\nbatch_size: 128\nlr: 0.001\nepochs: 10\n";
const BOT_CONFIG = "proxy:\n  data: teacher-student\n";

let run: ActionRun | undefined;
afterEach(() => {
  run?.restore();
  nock.cleanAll();
});

describe("the Action end to end", () => {
  it("analyses a pull_request event through the real proxy and posts one comment", async () => {
    let posted = "";
    const scope = github()
      .get(contentsPath(".github/batch-advisor.yml"))
      .query({ ref: BASE_SHA })
      .reply(200, fileContent(".github/batch-advisor.yml", BOT_CONFIG))
      .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
      .query({ per_page: 100 })
      .reply(200, [
        {
          filename: "configs/train.yaml",
          status: "modified",
          patch:
            "@@ -1,5 +1,5 @@\n model: resnet18\n optimizer: adam\n-batch_size: " +
            "32\n+batch_size: 128\n lr: 0.001\n epochs: 10",
        },
        { filename: "README.md", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b" },
      ])
      .get(`/repos/${OWNER}/${REPO}/git/trees/${HEAD_SHA}`)
      .query({ recursive: "true" })
      .reply(200, {
        sha: HEAD_SHA,
        truncated: false,
        tree: [
          { path: "configs/train.yaml", type: "blob", sha: "h1", size: HEAD_YAML.length },
          { path: "README.md", type: "blob", sha: "h2", size: 1 },
        ],
      })
      .get(contentsPath("configs/train.yaml"))
      .query({ ref: HEAD_SHA })
      .reply(200, fileContent("configs/train.yaml", HEAD_YAML))
      .get(contentsPath("configs/train.yaml"))
      .query({ ref: BASE_SHA })
      .reply(200, fileContent("configs/train.yaml", BASE_YAML))
      .get("/user")
      .reply(403, { message: "Resource not accessible by integration" })
      .get(`/repos/${OWNER}/${REPO}/issues/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .get(`/repos/${OWNER}/${REPO}/pulls/7`)
      .reply(200, { number: 7, state: "open", head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } })
      .post(`/repos/${OWNER}/${REPO}/issues/7/comments`, (body: { body: string }) => {
        posted = body.body;
        return true;
      })
      .reply(201, { id: 21, html_url: "https://github.test/acme/train/pull/7#issuecomment-21" })
      // The learning rate should scale with the batch: a review suggestion on its line, which the diff shows.
      .get(`/repos/${OWNER}/${REPO}/pulls/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(
        `/repos/${OWNER}/${REPO}/pulls/7/reviews`,
        (body: { comments: Array<{ path: string; line: number; body: string }> }) =>
          body.comments[0].line === 4 && body.comments[0].body.includes("```suggestion\nlr: 0.002\n```"),
      )
      .reply(200, { id: 5 });

    run = actionRun({ event: "pull_request.synchronize", inputs: { "time-budget": "20" } });
    await runAction({
      analyze: (source, config, options) => analyze(source, config, { ...options, quick: true }),
      noDelays: true,
    });

    if (process.env.SHOW_E2E) process.stderr.write(`${run.stdout()}\n-----\n${run.summary()}\n`);
    expect(run.stdout()).not.toContain("::error");
    expect(scope.isDone()).toBe(true);
    expect(run.failed()).toBe(false);
    expect(posted.startsWith(COMMENT_MARKER)).toBe(true);
    expect(posted).toContain("configs/train.yaml");
    expect(run.summary()).toContain("Comment created: https://github.test/acme/train/pull/7#issuecomment-21");
    expect(run.summary()).toContain("Suggested the learning rate on configs/train.yaml:4");
    const outputs = run.outputs();
    expect(outputs.changes).toBe("1");
    const json = readJson(outputs["report-json"]) as {
      groups: Array<{ path: string; changes: Array<{ line: number }> }>;
      measurements: Array<{ backend: { name: string } }>;
    };
    expect(json.groups[0].path).toBe("configs/train.yaml");
    expect(json.groups[0].changes[0].line).toBe(3);
    expect(json.measurements[0].backend.name).toMatch(/^(wasm|cpu|tensorflow|tensorflow-gpu)$/);
    expect(run.stdout()).toMatch(/::(warning|notice|error) title=[^,]*,file=configs\/train\.yaml,line=3::/);
  }, 120_000);
});
