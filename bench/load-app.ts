// `npx tsx bench/load-app.ts [--quick]`: the App's real HTTP server on 127.0.0.1 against a fake
// GitHub API (in-process node:http, under GHE_HOST), 200 signed deliveries in a few seconds —
// mixed pull requests, redeliveries, superseding pushes — then what each pull request was left
// with. Writes bench/results/app-load.json.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { analyze } from "../src/advisor.js";
import { recordedHead } from "../src/github/head-marker.js";
import { postDelivery, probotFromEnv, pullRequestPayload, startAppServer } from "../test/app/app-server.js";
import { fakeGitHubApi, type FakeGitHubApi } from "../test/app/fake-github-api.js";
import { machineInfo } from "./machine.js";

const BASE = "b".repeat(40);
const CONFIG_BASE = "per_device_train_batch_size: 8\nlearning_rate: 3.0e-4\noptim: adamw_torch\nnum_train_epochs: 3\n";
/** Each push sets another batch size, so each head's report differs and a stale comment would show. */
const configAtPush = (push: number) => CONFIG_BASE.replace("size: 8", `size: ${16 + push}`);
/** Repositories: two dispatch to their runner workflow, one trains in the App (`app.analyzeInApp`). */
const REPOS = [
  { repo: "vision", inApp: false },
  { repo: "language", inApp: false },
  { repo: "small-models", inApp: process.env.NOINAPP ? false : true },
];
const PULLS_PER_REPO = 12;
/** The in-App training queue for the run: every in-App pull request fits, so each must end with one comment. */
const TRAINING_QUEUE = 16;

interface Delivery {
  owner: string;
  repo: string;
  number: number;
  action: "opened" | "synchronize";
  head: string;
  /** 0 for the opened head, then 1, 2, … per push. */
  push: number;
  before?: string;
  id: string;
  /** A redelivery of an earlier delivery: same id and payload, and no push. */
  duplicate: boolean;
}

/** mulberry32: a seeded generator, so every run sends the same deliveries in the same order. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The delivery plan: every pull request opened, pushes spread over the run with some in bursts
 * (several pushes delivered back to back), one in six pull requests with no batch change, and a
 * share of redeliveries.
 */
function plan(total: number, seed = 9): Delivery[] {
  const rand = random(seed);
  const pulls = REPOS.flatMap(({ repo }) =>
    Array.from({ length: PULLS_PER_REPO }, (_, i) => ({ repo, number: i + 1, pushes: 0 })),
  );
  // The pull request in hex, then the push number: readable in the results, and unique.
  const sha = (repo: string, n: number, push: number) =>
    `${Buffer.from(`${repo}#${n}`).toString("hex").padEnd(36, "0").slice(0, 36)}${push.toString(16).padStart(4, "0")}`;
  const deliveries: Delivery[] = pulls.map((p) => ({
    owner: "acme",
    repo: p.repo,
    number: p.number,
    action: "opened",
    head: sha(p.repo, p.number, 0),
    push: 0,
    id: `open-${p.repo}-${p.number}`,
    duplicate: false,
  }));
  const duplicates = Math.round(total * 0.15);
  while (deliveries.length < total - duplicates) {
    const p = pulls[Math.floor(rand() * pulls.length)];
    // A burst: a rebase pushed several commits, each with its own webhook.
    const burst = rand() < 0.2 ? 2 + Math.floor(rand() * 6) : 1;
    for (let b = 0; b < burst && deliveries.length < total - duplicates; b++) {
      const before = sha(p.repo, p.number, p.pushes);
      p.pushes++;
      deliveries.push({
        owner: "acme",
        repo: p.repo,
        number: p.number,
        action: "synchronize",
        head: sha(p.repo, p.number, p.pushes),
        push: p.pushes,
        before,
        id: `push-${p.repo}-${p.number}-${p.pushes}`,
        duplicate: false,
      });
    }
  }
  // The opened deliveries first, in a shuffled order, then the pushes; redeliveries land anywhere after their original.
  const [opened, pushes] = [deliveries.slice(0, pulls.length).sort(() => rand() - 0.5), deliveries.slice(pulls.length)];
  const ordered = [...opened, ...pushes];
  for (let d = 0; d < duplicates; d++) {
    const at = Math.floor(rand() * ordered.length);
    const original = ordered[Math.floor(rand() * at)] ?? ordered[0];
    ordered.splice(at + 1, 0, { ...original, duplicate: true });
  }
  return ordered;
}

/** The pull requests that change a batch size: one in six does not (detection only, nothing posted). */
function changesBatch(d: Pick<Delivery, "number">): boolean {
  return d.number % 6 !== 0;
}

function setUpApi(api: FakeGitHubApi, deliveries: Delivery[]): void {
  for (const { repo, inApp } of REPOS) api.setBotConfig("acme", repo, inApp ? "app:\n  analyzeInApp: true\n" : "");
  for (const d of deliveries) {
    if (d.action !== "opened") continue;
    api.setPull({
      owner: d.owner,
      repo: d.repo,
      number: d.number,
      base: BASE,
      head: d.head,
      state: "open",
      files: { [BASE]: CONFIG_BASE, [d.head]: changesBatch(d) ? configAtPush(0) : CONFIG_BASE },
    });
  }
}

/** A push: GitHub records the new head before it delivers the webhook. */
function push(api: FakeGitHubApi, d: Delivery): void {
  const pull = api.pulls.get(`${d.owner}/${d.repo}#${d.number}`)!;
  pull.files[d.head] = changesBatch(d) ? configAtPush(d.push) : CONFIG_BASE;
  pull.head = d.head;
}

/**
 * One delivery per mode before the clock starts, so module loading and the first installation
 * token are not counted as load: the figures are for an App that has been running.
 */
async function warmUp(api: FakeGitHubApi, server: Awaited<ReturnType<typeof startAppServer>>): Promise<void> {
  for (const [repo, inApp] of [
    ["warm-up-dispatch", false],
    ["warm-up-in-app", true],
  ] as const) {
    const head = "f".repeat(40);
    api.setBotConfig("acme", repo, inApp ? "app:\n  analyzeInApp: true\n" : "");
    api.setPull({
      owner: "acme",
      repo,
      number: 1,
      base: BASE,
      head,
      state: "open",
      files: { [BASE]: CONFIG_BASE, [head]: configAtPush(0) },
    });
    await (
      await postDelivery(server.url, {
        body: JSON.stringify(
          pullRequestPayload({ action: "opened", owner: "acme", repo, number: 1, base: BASE, head }),
        ),
      })
    ).text();
    await server.app.idle();
    api.pulls.delete(`acme/${repo}#1`);
  }
  api.checkRuns.length = 0;
  api.dispatches.length = 0;
  api.comments.clear();
  api.seen.length = 0;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export async function benchAppLoad(options: { quick?: boolean } = {}) {
  const total = 200;
  const spacingMs = options.quick ? 5 : 12;
  const deliveries = plan(total);
  const api = await fakeGitHubApi({ latencyMs: 5 });
  setUpApi(api, deliveries);
  const env = { BATCH_ADVISOR_TRAINING_QUEUE: String(TRAINING_QUEUE) };
  const probot = probotFromEnv({ GHE_HOST: api.host, GHE_PROTOCOL: "http" });
  // In-App analyses without the proxy (the analytical estimates only): this measures the App's
  // webhook handling and queues; training speed is npm run bench's proxy and speed suites.
  const server = await startAppServer({
    probot,
    deps: { analyze, analyzeOptions: { noProxy: true }, env, noDelays: true },
  });

  await warmUp(api, server);
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

  const acks: number[] = [];
  const statuses: number[] = [];
  const started = performance.now();
  const sent: Array<Promise<void>> = [];
  for (const [i, d] of deliveries.entries()) {
    const due = started + i * spacingMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!d.duplicate && d.action === "synchronize") push(api, d);
    const body = JSON.stringify(
      pullRequestPayload({
        action: d.action,
        owner: d.owner,
        repo: d.repo,
        number: d.number,
        base: BASE,
        head: d.head,
        before: d.before,
      }),
    );
    const t = performance.now();
    sent.push(
      postDelivery(server.url, { body, id: d.id }).then(async (response) => {
        acks.push(performance.now() - t);
        statuses.push(response.status);
        await response.text();
      }),
    );
  }
  await Promise.all(sent);
  const sendSeconds = (performance.now() - started) / 1000;
  await server.app.idle();
  const settleSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  // What each pull request was left with.
  const pulls = [...api.pulls.values()].map((p) => {
    const key = `${p.owner}/${p.repo}#${p.number}`;
    const inApp = REPOS.find((r) => r.repo === p.repo)!.inApp;
    const changes = changesBatch(p);
    const runs = api.checkRuns.filter((r) => r.repo === p.repo && p.files[r.headSha] !== undefined);
    const comments = api.commentsOn(p.owner, p.repo, p.number);
    const dispatches = api.dispatches.filter((d) => d.repo === p.repo && d.inputs["pull-request"] === String(p.number));
    const forNewest = runs.filter((r) => r.headSha === p.head);
    const row = {
      pull: key,
      mode: inApp ? "in-app" : "dispatch",
      changesBatch: changes,
      deliveries: deliveries.filter((d) => d.repo === p.repo && d.number === p.number).length,
      pushes: deliveries.filter(
        (d) => d.repo === p.repo && d.number === p.number && d.action === "synchronize" && !d.duplicate,
      ).length,
      newestHead: p.head,
      checkRunsForNewest: forNewest.length,
      checkRunsOpen: runs.filter((r) => r.status !== "completed").length,
      checkRunsCancelledAsSuperseded: runs.filter((r) => r.conclusion === "cancelled").length,
      newestCheck: forNewest[0]
        ? `${forNewest[0].status}${forNewest[0].conclusion ? `/${forNewest[0].conclusion}` : ""}`
        : null,
      dispatchesForNewest: dispatches.filter((d) => d.inputs.head === p.head).length,
      dispatchesForOlderHeads: dispatches.filter((d) => d.inputs.head !== p.head).length,
      comments: comments.length,
      commentForNewest: comments.length === 1 && recordedHead(comments[0].body) === p.head,
    };
    const exact = !changes
      ? row.checkRunsForNewest === 0 && row.checkRunsOpen === 0 && dispatches.length === 0 && row.comments === 0
      : inApp
        ? row.checkRunsForNewest === 1 &&
          row.checkRunsOpen === 0 &&
          row.newestCheck !== "completed/cancelled" &&
          row.commentForNewest &&
          dispatches.length === 0
        : row.checkRunsForNewest === 1 &&
          row.checkRunsOpen === 1 &&
          forNewest[0].status === "queued" &&
          row.dispatchesForNewest === 1 &&
          row.comments === 0;
    return { ...row, exact };
  });

  await server.close();
  await api.close();
  const result = {
    name: "app-load",
    machine: machineInfo(),
    setup: {
      deliveries: total,
      unique: deliveries.filter((d) => !d.duplicate).length,
      redeliveries: deliveries.filter((d) => d.duplicate).length,
      pullRequests: api.pulls.size,
      spacingMs,
      server: "the App's real HTTP server (probot createNodeMiddleware) on 127.0.0.1, signed webhooks",
      api: "in-process fake GitHub API on 127.0.0.1 under GHE_HOST/GHE_PROTOCOL=http, 5 ms per answer",
      inAppAnalysis:
        "the real analyze with noProxy (analytical estimates only); proxy training " +
        "is timed in bench/results/proxy.json",
      trainingQueue: TRAINING_QUEUE,
      githubWriteSpacing:
        "off (noDelays): plugin-throttling's 1 write/s would lengthen the settle " +
        "time by about one second per write, not the acknowledgement",
      peakRssNote: "one process holds the App, the fake API and this script",
      loadAverageAtEnd: loadavg()[0],
    },
    figures: {
      deliveriesPerSecond: total / sendSeconds,
      ackMs: { p50: percentile(acks, 50), p95: percentile(acks, 95), max: Math.max(...acks) },
      non200: statuses.filter((s) => s !== 200).length,
      sendSeconds,
      settleSeconds,
      rssBeforeMiB: rssBefore / 2 ** 20,
      peakRssMiB: peakRss / 2 ** 20,
      checkRuns: api.checkRuns.length,
      dispatches: api.dispatches.length,
      comments: [...api.comments.values()].flat().length,
      requestsToApi: api.seen.length,
      pullRequestsExact: pulls.filter((p) => p.exact).length,
      allExact: pulls.every((p) => p.exact),
    },
    pulls,
  };
  writeFileSync(new URL("./results/app-load.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

export function summariseAppLoad(r: Awaited<ReturnType<typeof benchAppLoad>>): string {
  const f = r.figures;
  return (
    `${f.deliveriesPerSecond.toFixed(0)} deliveries/s, ack ` +
    `p95 ${f.ackMs.p95.toFixed(1)} ms, peak RSS ${f.peakRssMiB.toFixed(0)} ` +
    `MiB; ${f.pullRequestsExact}/${r.pulls.length} pull requests left with ` +
    "exactly one check/dispatch/comment for the newest head"
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await benchAppLoad({ quick: process.argv.includes("--quick") });
  console.log(`app-load: ${summariseAppLoad(result)}`);
  if (!result.figures.allExact) {
    for (const p of result.pulls.filter((x) => !x.exact)) console.log(JSON.stringify(p));
    process.exitCode = 1;
  }
}
