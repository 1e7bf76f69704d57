import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
const b64 = (text: string) => Buffer.from(text).toString("base64");
const file = (text: string) => ({ type: "file", encoding: "base64", content: b64(text), size: text.length, sha: "s" });

/** Just enough of the GitHub API, on 127.0.0.1, for one run of the committed bundle. */
function fakeGitHub(posted: string[]) {
  const routes: Record<string, unknown> = {
    [`GET /repos/acme/train/contents/.github%2Fbatch-advisor.yml?ref=${BASE}`]: file(
      "proxy:\n  data: teacher-student\n",
    ),
    "GET /repos/acme/train/pulls/7/files?per_page=100": [
      {
        filename: "train.yaml",
        status: "modified",
        patch: "@@ -1,3 +1,3 @@\n optimizer: sgd\n-batch_size: 64\n+batch_size: 256\n lr: 0.1",
      },
    ],
    [`GET /repos/acme/train/git/trees/${HEAD}?recursive=true`]: {
      sha: HEAD,
      truncated: false,
      tree: [{ path: "train.yaml", type: "blob", sha: "t", size: 40 }],
    },
    [`GET /repos/acme/train/contents/train.yaml?ref=${HEAD}`]: file("optimizer: sgd\nbatch_size: 256\nlr: 0.1\n"),
    [`GET /repos/acme/train/contents/train.yaml?ref=${BASE}`]: file("optimizer: sgd\nbatch_size: 64\nlr: 0.1\n"),
    "GET /repos/acme/train/issues/7/comments?per_page=100": [],
    // The run checks that the pull request is still at its head before it writes.
    "GET /repos/acme/train/pulls/7": { number: 7, state: "open", head: { sha: HEAD }, base: { sha: BASE } },
  };
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const key = `${req.method} ${req.url}`;
      const send = (status: number, data: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));
      if (key === "POST /repos/acme/train/issues/7/comments") {
        posted.push((JSON.parse(body) as { body: string }).body);
        return send(201, { id: 1, html_url: "http://127.0.0.1/c/1" });
      }
      if (key === "GET /user") return send(403, { message: "Resource not accessible by integration" });
      if (key in routes) return send(200, routes[key]);
      send(404, { message: `Not Found: ${key}` });
    });
  });
}

describe("the committed bundle", () => {
  it("runs on node with the wasm backend from its own folder and posts the comment", async () => {
    const posted: string[] = [];
    const server = fakeGitHub(posted);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const dir = mkdtempSync(join(tmpdir(), "batch-advisor-bundle-"));
    const event = join(dir, "event.json");
    writeFileSync(event, readFileSync(join(root, "fixtures/events/pull_request.synchronize.json")));
    for (const f of ["summary.md", "output.txt"]) writeFileSync(join(dir, f), "");
    const env = {
      PATH: process.env.PATH ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: "acme/train",
      GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
      GITHUB_OUTPUT: join(dir, "output.txt"),
      RUNNER_TEMP: dir,
      "INPUT_GITHUB-TOKEN": "t",
      INPUT_BACKEND: "wasm",
      "INPUT_TIME-BUDGET": "6",
      INPUT_SUGGEST: "false",
    };
    // Run from another folder, as a runner does: the bundle must find its wasm files beside itself.
    const child = spawn(process.execPath, [join(root, "dist/index.cjs")], {
      cwd: dir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    server.close();

    expect(out).not.toContain("::error");
    expect(code).toBe(0);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("train.yaml");
    const report = JSON.parse(readFileSync(join(dir, "batch-advisor/report.json"), "utf8")) as {
      measurements: Array<{ backend: { name: string; details: Record<string, unknown> } }>;
    };
    expect(report.measurements[0].backend.name).toBe("wasm");
    expect(report.measurements[0].backend.details.wasmDir).toBe(join(root, "dist"));
    expect(readFileSync(join(dir, "summary.md"), "utf8")).toContain("train.yaml");
  }, 90_000);
});
