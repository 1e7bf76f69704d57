import { request } from "node:http";
import { connect, createServer as createNetServer, type AddressInfo } from "node:net";
import nock from "nock";
import { Probot, Server } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { batchAdvisorApp } from "../../src/app/batch-advisor-app.js";
import { WEBHOOK_BODY_LIMITS, type WebhookBodyLimits } from "../../src/app/bound-webhook-body.js";
import { HEAD_SHA } from "../helpers/github-api.js";
import { sign, startAppServer, type AppServer } from "./app-server.js";
import { SECRET, TEST_PRIVATE_KEY, expectCheckAndDispatch, eventPayload, testProbot } from "./probot-harness.js";

const MAX = WEBHOOK_BODY_LIMITS.maxBytes;

let server: AppServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

async function startApp(webhookBody?: WebhookBodyLimits): Promise<AppServer> {
  server = await startAppServer({
    probot: testProbot(),
    deps: { analyze, env: {}, noDelays: true, ...(webhookBody ? { webhookBody } : {}) },
  });
  return server;
}

interface Answer {
  status: number;
  body: string;
}

/**
 * POSTs a webhook with node:http, the body in the given chunks; `length` is the declared
 * Content-Length (none: chunked). Resolves with the answer as soon as it arrives, while the body
 * may still be on its way.
 */
function post(url: string, input: { chunks: Iterable<Buffer>; length?: number; signature?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": crypto.randomUUID(),
        "x-hub-signature-256": input.signature ?? sign("{}"),
        ...(input.length === undefined ? {} : { "content-length": String(input.length) }),
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may close the connection once it has answered; only a missing answer fails the test.
    req.on("error", (error) => setTimeout(() => reject(error), 1000));
    void (async () => {
      for (const chunk of input.chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
      }
      req.end();
    })();
  });
}

function* mebibytes(count: number, fill = 0x20): Generator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  for (let i = 0; i < count; i++) yield chunk;
}

/** A real signed delivery padded with JSON whitespace to exactly `size` bytes. */
function paddedDelivery(size: number): { body: Buffer; signature: string } {
  const json = JSON.stringify(eventPayload("opened"));
  const body = Buffer.alloc(size, 0x20);
  body.write(json, 0, "utf8");
  return { body, signature: sign(body.toString("utf8")) };
}

describe("the App's webhook bodies are bounded before their signature is checked", () => {
  it("a body of 25 MiB + 1 byte is answered 413; one of exactly 25 MiB, signed, is served after it", async () => {
    const { url, app } = await startApp();
    const { scope, check } = expectCheckAndDispatch();

    const declared = await post(url, { chunks: [Buffer.alloc(MAX + 1, 0x20)], length: MAX + 1 });
    // Chunked: no length to refuse at once, so the bound is counted as the bytes arrive.
    const chunked = await post(url, { chunks: mebibytes(26) });
    const delivery = paddedDelivery(MAX);
    const served = await post(url, { chunks: [delivery.body], length: MAX, signature: delivery.signature });
    await app.idle();

    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatch(/^Payload Too Large: webhook bodies over 26214400 bytes/);
    expect(chunked.status).toBe(413);
    expect(served.status).toBe(200);
    expect(scope.pendingMocks()).toEqual([]);
    expect(check().head_sha).toBe(HEAD_SHA);
  });

  it("a declared 500 MB body is refused before its bytes are sent", async () => {
    const { url } = await startApp();
    nock.enableNetConnect("127.0.0.1");
    // Only the first MiB is ever written: the answer comes before the rest would be needed.
    function* firstMebibyteThenWait(): Generator<Buffer> {
      yield Buffer.alloc(1024 * 1024, 0x20);
    }
    const started = Date.now();
    const answer = await Promise.race([
      post(url, { chunks: firstMebibyteThenWait(), length: 500 * 1024 * 1024 }),
      new Promise<Answer>((r) => setTimeout(() => r({ status: 0, body: "no answer" }), 5000)),
    ]);

    expect(answer.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a body that never finishes is answered 408 and its connection closed at the time limit", async () => {
    const { url } = await startApp({ maxBytes: MAX, timeoutMs: 300 });
    nock.enableNetConnect("127.0.0.1");
    const { port } = new URL(url);
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (c: string) => {
      received += c;
    });
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
    const started = Date.now();
    socket.write(
      "POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n" +
        `x-github-event: pull_request\r\nx-github-delivery: slow\r\nx-hub-signature-256: ${sign("{}")}\r\n` +
        'content-length: 1000\r\n\r\n{"action":',
    );

    const end = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 5000))]);

    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(received).toContain("the body did not arrive within 0.3 s");
    expect(end - started).toBeGreaterThanOrEqual(250);
    expect(end - started).toBeLessThan(5000);
  });

  it("under `probot run` (Probot's own Server) a body over 25 MiB is answered 413 too", async () => {
    const port = await freePort();
    const { log } = await testProbot().ready();
    log.level = process.env.TEST_LOG_LEVEL ?? "silent";
    const probotServer = new Server({
      host: "127.0.0.1",
      port,
      log,
      Probot: testProbotClass(),
      enableStaticFiles: false,
    });
    await probotServer.load(batchAdvisorApp({ analyze, env: {}, noDelays: true }));
    await probotServer.start();
    try {
      const answer = await post(`http://127.0.0.1:${port}/api/github/webhooks`, {
        chunks: mebibytes(26),
      });
      expect(answer.status).toBe(413);
    } finally {
      await probotServer.stop();
    }
  });
});

/** The class `probot run` gives its Server: Probot with the App's id, key and secret as defaults. */
function testProbotClass() {
  return Probot.defaults({
    appId: 1234,
    privateKey: TEST_PRIVATE_KEY,
    secret: SECRET,
    logLevel: "fatal",
  });
}

/** Probot's Server takes a port, not 0: one the system has just handed out. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
