import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One pull request as the fake GitHub has it. */
export interface FakePull {
  owner: string;
  repo: string;
  number: number;
  base: string;
  head: string;
  state: "open" | "closed";
  /** The changed config's text at each commit (base and every head pushed). */
  files: Record<string, string>;
}

export interface FakeComment {
  id: number;
  body: string;
  login: string;
}

export interface FakeCheckRun {
  id: number;
  owner: string;
  repo: string;
  headSha: string;
  status: string;
  conclusion?: string;
  title?: string;
}

export interface FakeDispatch {
  owner: string;
  repo: string;
  workflow: string;
  inputs: Record<string, string>;
}

/** A request the fake received: method, path and the Host it was sent to. */
export interface SeenRequest {
  method: string;
  path: string;
  host: string;
}

/** The path of the one config every fake pull request changes. */
export const FAKE_CONFIG = "configs/train.yaml";

/**
 * An in-process GitHub REST API on 127.0.0.1 with state: pull requests, comments, check runs and
 * workflow dispatches, so a test or the load bench can count what the App left behind. It serves
 * the routes the App and the Action call, both at the root and under `/api/v3` (GitHub
 * Enterprise). `hang(rule)` makes matching requests take effect and never answer, as a GitHub
 * that lost its reply would.
 * @example const api = await fakeGitHubApi(); api.addPull({ … }); … api.checkRuns.filter((r) => r.status === "queued")
 */
export async function fakeGitHubApi(options: { latencyMs?: number; appSlug?: string; commentLogin?: string } = {}) {
  const pulls = new Map<string, FakePull>();
  const botConfigs = new Map<string, string>();
  const comments = new Map<string, FakeComment[]>();
  const checkRuns: FakeCheckRun[] = [];
  const dispatches: FakeDispatch[] = [];
  const seen: SeenRequest[] = [];
  const hangs: Array<{ match: (method: string, path: string) => boolean; times: number; applyEffect: boolean }> = [];
  const open = new Set<ServerResponse>();
  let nextId = 1000;
  const slug = options.appSlug ?? "batch-advisor";

  const pullKey = (owner: string, repo: string, n: number | string) => `${owner}/${repo}#${n}`;

  const route = async (req: IncomingMessage, body: unknown): Promise<[number, unknown, Record<string, string>?]> => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname.replace(/^\/api\/v3/, "");
    const method = req.method ?? "GET";
    let m: RegExpExecArray | null;
    const b = (body ?? {}) as Record<string, any>;

    if (method === "POST" && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
      return [
        201,
        { token: `ghs_fake_${m[1]}`, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} },
      ];
    }
    if (method === "GET" && path === "/app") return [200, { id: 1234, slug, name: slug }];

    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)(\/files)?$/.exec(path))) {
      const pull = pulls.get(pullKey(m[1], m[2], m[3]));
      if (!pull) return [404, { message: "Not Found" }];
      if (!m[4])
        return [200, { number: pull.number, state: pull.state, head: { sha: pull.head }, base: { sha: pull.base } }];
      if (url.searchParams.get("page") && url.searchParams.get("page") !== "1") return [200, []];
      const before = pull.files[pull.base] ?? "";
      const after = pull.files[pull.head] ?? "";
      return [
        200,
        [
          {
            filename: FAKE_CONFIG,
            status: "modified",
            patch: `@@ -1,1 +1,1 @@\n-${before.split("\n")[0]}\n+${after.split("\n")[0]}`,
          },
        ],
      ];
    }
    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)\/git\/trees\/([^/]+)$/.exec(path))) {
      return [
        200,
        { sha: m[3], truncated: false, tree: [{ path: FAKE_CONFIG, type: "blob", sha: `blob-${m[3]}`, size: 100 }] },
      ];
    }
    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path))) {
      const file = decodeURIComponent(m[3]);
      const ref = url.searchParams.get("ref") ?? "";
      const text =
        file === ".github/batch-advisor.yml"
          ? botConfigs.get(`${m[1]}/${m[2]}`)
          : file === FAKE_CONFIG
            ? [...pulls.values()].find((p) => p.owner === m![1] && p.repo === m![2] && p.files[ref] !== undefined)
                ?.files[ref]
            : undefined;
      if (text === undefined) return [404, { message: "Not Found" }];
      const bytes = Buffer.from(text);
      return [
        200,
        {
          type: "file",
          path: file,
          name: file.split("/").pop(),
          encoding: "base64",
          content: bytes.toString("base64"),
          size: bytes.length,
          sha: `sha-${ref}`,
        },
      ];
    }

    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/check-runs$/.exec(path))) {
      const runs = checkRuns.filter((r) => r.owner === m![1] && r.repo === m![2] && r.headSha === m![3]);
      return [200, { total_count: runs.length, check_runs: runs.map(checkRunJson) }];
    }
    if (method === "POST" && (m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/.exec(path))) {
      const run: FakeCheckRun = {
        id: nextId++,
        owner: m[1],
        repo: m[2],
        headSha: b.head_sha,
        status: b.status ?? "queued",
        title: b.output?.title,
      };
      checkRuns.push(run);
      return [201, checkRunJson(run)];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/.exec(path))) {
      const run = checkRuns.find((r) => r.id === Number(m![3]));
      if (!run) return [404, { message: "Not Found" }];
      if (method === "PATCH")
        Object.assign(run, {
          status: b.status ?? run.status,
          conclusion: b.conclusion ?? run.conclusion,
          title: b.output?.title ?? run.title,
        });
      return [200, checkRunJson(run)];
    }

    if (method === "POST" && (m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/dispatches$/.exec(path))) {
      dispatches.push({ owner: m[1], repo: m[2], workflow: m[3], inputs: b.inputs ?? {} });
      return [204, undefined];
    }

    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const key = pullKey(m[1], m[2], m[3]);
      const list = comments.get(key) ?? [];
      comments.set(key, list);
      if (method === "POST") {
        const comment = { id: nextId++, body: String(b.body), login: options.commentLogin ?? `${slug}[bot]` };
        list.push(comment);
        return [201, commentJson(comment)];
      }
      const page = Number(url.searchParams.get("page") ?? "1");
      const per = Number(url.searchParams.get("per_page") ?? "30");
      return [200, list.slice((page - 1) * per, page * per).map(commentJson)];
    }
    if (method === "PATCH" && (m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path))) {
      const comment = [...comments.values()].flat().find((c) => c.id === Number(m![3]));
      if (!comment) return [404, { message: "Not Found" }];
      comment.body = String(b.body);
      return [200, commentJson(comment)];
    }
    return [404, { message: `Not Found (fake GitHub API has no ${method} ${path})` }];
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const url = new URL(req.url ?? "/", "http://fake");
        const method = req.method ?? "GET";
        seen.push({ method, path: url.pathname, host: req.headers.host ?? "" });
        const text = Buffer.concat(chunks).toString("utf8");
        const body = text ? (JSON.parse(text) as unknown) : undefined;
        const hang = hangs.find((h) => h.times > 0 && h.match(method, url.pathname));
        if (hang) {
          hang.times--;
          if (hang.applyEffect) await route(req, body);
          // Accepted, never answered: the connection stays open until the client gives up.
          open.add(res);
          res.on("close", () => open.delete(res));
          return;
        }
        if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
        const [status, json] = await route(req, body);
        const payload = json === undefined ? "" : JSON.stringify(json);
        res.writeHead(status, {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(payload),
        });
        res.end(payload);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    /** `127.0.0.1:PORT`, for `GHE_HOST`. */
    host: `127.0.0.1:${port}`,
    /** The API root at the top (`http://127.0.0.1:PORT`). */
    url: `http://127.0.0.1:${port}`,
    pulls,
    comments,
    checkRuns,
    dispatches,
    seen,
    /** Adds or moves a pull request (a push sets a new head). */
    setPull(pull: FakePull): void {
      pulls.set(pullKey(pull.owner, pull.repo, pull.number), pull);
    },
    setBotConfig(owner: string, repo: string, text: string): void {
      botConfigs.set(`${owner}/${repo}`, text);
    },
    /** The next `times` requests matching take effect (or not) and get no answer. */
    hang(match: (method: string, path: string) => boolean, input: { times?: number; applyEffect: boolean }): void {
      hangs.push({ match, times: input.times ?? 1, applyEffect: input.applyEffect });
    },
    commentsOn(owner: string, repo: string, n: number): FakeComment[] {
      return comments.get(pullKey(owner, repo, n)) ?? [];
    },
    async close(): Promise<void> {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type FakeGitHubApi = Awaited<ReturnType<typeof fakeGitHubApi>>;

function checkRunJson(run: FakeCheckRun) {
  return {
    id: run.id,
    head_sha: run.headSha,
    name: "batch-advisor",
    status: run.status,
    conclusion: run.conclusion ?? null,
    output: { title: run.title ?? null },
    app: { slug: "batch-advisor" },
  };
}

function commentJson(c: FakeComment) {
  return {
    id: c.id,
    body: c.body,
    user: { login: c.login, type: "Bot" },
    html_url: `https://github.test/comment/${c.id}`,
  };
}
