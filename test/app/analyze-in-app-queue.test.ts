import { afterEach, describe, expect, it, vi } from "vitest";
import { analyze } from "../../src/advisor.js";
import { BASE_SHA } from "../helpers/github-api.js";
import { fixedGroup, fixedReport } from "../helpers/fixed-report.js";
import { postDelivery, pullRequestPayload, startAppServer, type AppServer } from "./app-server.js";
import { fakeGitHubApi, type FakeGitHubApi } from "./fake-github-api.js";
import { TRAIN_BASE, TRAIN_HEAD, testProbot } from "./probot-harness.js";

let api: FakeGitHubApi | undefined;
let server: AppServer | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  server = api = undefined;
});

const head = (n: number) => String(n).repeat(40);

/**
 * The fake API with pull requests #1…#n of acme/train, the repository asking for in-App training,
 * and an analyze that trains until the test lets it finish.
 */
async function setUp(input: { pulls: number; env?: Record<string, string> }) {
  api = await fakeGitHubApi();
  for (let n = 1; n <= input.pulls; n++)
    api.setPull({
      owner: "acme",
      repo: "train",
      number: n,
      base: BASE_SHA,
      head: head(n),
      state: "open",
      files: { [BASE_SHA]: TRAIN_BASE, [head(n)]: TRAIN_HEAD },
    });
  api.setBotConfig("acme", "train", "app:\n  analyzeInApp: true\n");
  const gates: Array<() => void> = [];
  const slowAnalyze = vi.fn<typeof analyze>(
    () => new Promise((resolve) => gates.push(() => resolve(fixedReport({ groups: [fixedGroup()] })))),
  );
  server = await startAppServer({
    probot: testProbot(api.url),
    deps: { analyze: slowAnalyze, env: input.env ?? {}, noDelays: true },
  });
  const deliver = async (n: number) => {
    const started = performance.now();
    const response = await postDelivery(server!.url, {
      body: JSON.stringify(
        pullRequestPayload({
          action: "opened",
          owner: "acme",
          repo: "train",
          number: n,
          base: BASE_SHA,
          head: head(n),
        }),
      ),
    });
    return { status: response.status, ms: performance.now() - started };
  };
  /** Polls until `check` holds (at most 2 s): the App works after it has answered. */
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };
  return { api, server, slowAnalyze, deliver, gates, until };
}

describe("app.analyzeInApp: the webhook is answered at once, the training runs in a bounded queue", () => {
  it(
    "answers within a second while the analysis is still running, and another " +
      "pull request's delivery is not held up",
    async () => {
      const { api, server, slowAnalyze, deliver, gates, until } = await setUp({ pulls: 2 });

      const first = await deliver(1);
      await until(() => slowAnalyze.mock.calls.length === 1);
      const second = await deliver(2);

      expect(first).toMatchObject({ status: 200 });
      expect(first.ms).toBeLessThan(1000);
      expect(second.ms).toBeLessThan(1000);
      // #1 is training, and nothing is reported for it yet.
      expect(slowAnalyze).toHaveBeenCalledTimes(1);
      expect(api.commentsOn("acme", "train", 1)).toEqual([]);

      // Let #1 finish: #2 trains next (one at a time), then both are reported.
      gates.shift()!();
      await until(() => slowAnalyze.mock.calls.length === 2);
      gates.shift()!();
      await server.app.idle();
      expect(api.checkRuns.map((r) => [r.headSha, r.status, r.conclusion])).toEqual([
        [head(1), "completed", "neutral"],
        [head(2), "completed", "neutral"],
      ]);
      expect(api.commentsOn("acme", "train", 1)).toHaveLength(1);
      expect(api.commentsOn("acme", "train", 2)).toHaveLength(1);
    },
  );

  it("past the queue's bound, a pull request's check completes neutral saying the queue is full", async () => {
    const { api, server, slowAnalyze, deliver, gates, until } = await setUp({
      pulls: 3,
      env: { BATCH_ADVISOR_TRAINING_QUEUE: "1" },
    });

    await deliver(1);
    await until(() => slowAnalyze.mock.calls.length === 1);
    await deliver(2);
    await until(() => api.checkRuns.length === 2);
    await deliver(3);
    await until(() => api.checkRuns.length === 3 && api.checkRuns[2].status === "completed");

    expect(api.checkRuns[2]).toMatchObject({
      headSha: head(3),
      status: "completed",
      conclusion: "neutral",
      title: "batch-advisor's training queue is full",
    });
    gates.shift()!();
    await until(() => slowAnalyze.mock.calls.length === 2);
    gates.shift()!();
    await server.app.idle();
    expect(slowAnalyze).toHaveBeenCalledTimes(2);
  });

  it("with the real proxy training in a worker thread (the server's setting), a " +
    "delivery during training is answered within a second", async () => {
    api = await fakeGitHubApi();
    for (const n of [1, 2])
      api.setPull({
        owner: "acme",
        repo: "train",
        number: n,
        base: BASE_SHA,
        head: head(n),
        state: "open",
        files: { [BASE_SHA]: TRAIN_BASE, [head(n)]: TRAIN_HEAD },
      });
    api.setBotConfig(
      "acme",
      "train",
      "app:\n  analyzeInApp: true\nproxy:\n  model: mlp\n  data: teacher-student\n  timeBudget: 6\n  backend: cpu\n",
    );
    server = await startAppServer({
      probot: testProbot(api.url),
      deps: { analyze, analyzeOptions: { quick: true }, trainInWorker: true, env: {}, noDelays: true },
    });
    const send = async (n: number) => {
      const t = performance.now();
      const response = await postDelivery(server!.url, {
        body: JSON.stringify(
          pullRequestPayload({
            action: "opened",
            owner: "acme",
            repo: "train",
            number: n,
            base: BASE_SHA,
            head: head(n),
          }),
        ),
      });
      return { status: response.status, ms: performance.now() - t };
    };

    await send(1);
    for (let i = 0; i < 500 && api.checkRuns[0]?.status !== "in_progress"; i++)
      await new Promise((r) => setTimeout(r, 20));
    // The worker is loading and training now; this thread stays free.
    await new Promise((r) => setTimeout(r, 1500));
    const during = await send(2);
    await server.app.idle();

    expect(during.status).toBe(200);
    expect(during.ms).toBeLessThan(1000);
    expect(api.checkRuns.map((r) => [r.headSha, r.status, r.conclusion === "cancelled"])).toEqual([
      [head(1), "completed", false],
      [head(2), "completed", false],
    ]);
    expect(api.commentsOn("acme", "train", 1)[0].body).toContain("`per_device_train_batch_size` (line 1): 8 → 16");
    expect(api.commentsOn("acme", "train", 2)).toHaveLength(1);
  }, 180_000);
});
