import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { BASE_SHA } from "../helpers/github-api.js";
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

const sha = (i: number) => i.toString(16).padStart(40, "0");

/** Twenty pushes to acme/train#7: the fake API already has the twentieth as the head, as GitHub would when it delivers.
 * */
async function twentyPushes() {
  api = await fakeGitHubApi();
  const heads = Array.from({ length: 20 }, (_, i) => sha(i + 1));
  api.setPull({
    owner: "acme",
    repo: "train",
    number: 7,
    base: BASE_SHA,
    head: heads[19],
    state: "open",
    files: Object.fromEntries([[BASE_SHA, TRAIN_BASE], ...heads.map((h) => [h, TRAIN_HEAD])]),
  });
  // The fake API stands at its own root: point the App's probot there.
  const probot = testProbot(api.url);
  server = await startAppServer({ probot, deps: { analyze, env: {}, noDelays: true } });
  const deliveries = heads.map((head, i) =>
    JSON.stringify(
      pullRequestPayload({
        action: "synchronize",
        owner: "acme",
        repo: "train",
        number: 7,
        base: BASE_SHA,
        head,
        before: i ? heads[i - 1] : sha(0),
      }),
    ),
  );
  return { api, server, heads, deliveries };
}

describe("twenty pushes to one pull request delivered together", () => {
  it("leave exactly one queued check run and one workflow dispatch, both for the newest head", async () => {
    const { api, server, heads, deliveries } = await twentyPushes();

    const responses = await Promise.all(deliveries.map((body) => postDelivery(server.url, { body })));
    await server.app.idle();

    expect(responses.map((r) => r.status)).toEqual(deliveries.map(() => 200));
    expect(api.checkRuns.filter((r) => r.status !== "completed").map((r) => r.headSha)).toEqual([heads[19]]);
    expect(api.dispatches.map((d) => d.inputs.head)).toEqual([heads[19]]);
  });

  it("delivered twice each, in reverse order, still one check and one dispatch for the head GitHub has", async () => {
    const { api, server, heads, deliveries } = await twentyPushes();

    const shuffled = [...deliveries].reverse().flatMap((d) => [d, d]);
    await Promise.all(shuffled.map((body) => postDelivery(server.url, { body })));
    await server.app.idle();

    expect(api.checkRuns.filter((r) => r.status !== "completed").map((r) => r.headSha)).toEqual([heads[19]]);
    expect(api.dispatches.map((d) => d.inputs.head)).toEqual([heads[19]]);
  });
});
