import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { GitHubSource } from "../../src/source/github-source.js";
import {
  API,
  BASE_SHA,
  HEAD_SHA,
  OWNER,
  REPO,
  contentsPath,
  fileContent,
  github,
  testOctokit,
} from "../helpers/github-api.js";

const source = (options: Partial<ConstructorParameters<typeof GitHubSource>[0]> = {}) =>
  new GitHubSource({
    github: testOctokit(),
    owner: OWNER,
    repo: REPO,
    pullNumber: 7,
    base: BASE_SHA,
    head: HEAD_SHA,
    ...options,
  });

afterEach(() => nock.cleanAll());

describe("GitHubSource", () => {
  it("pages through more than 100 changed files, keeping renames and removals", async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({
      filename: `configs/run-${i}.yaml`,
      status: "modified",
      patch: "@@ -1 +1 @@\n-a\n+b",
    }));
    files[3] = {
      filename: "configs/new-name.yaml",
      status: "renamed",
      previous_filename: "configs/old-name.yaml",
      patch: "",
    } as (typeof files)[number];
    files[200] = { filename: "configs/gone.yaml", status: "removed" } as (typeof files)[number];
    const link = (page: number) =>
      `<${API}/repos/${OWNER}/${REPO}/pulls/7/files?per_page=100&page=${page}>; rel="next"`;
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
      .query({ per_page: 100 })
      .reply(200, files.slice(0, 100), { link: link(2) })
      .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
      .query({ per_page: 100, page: 2 })
      .reply(200, files.slice(100, 200), { link: link(3) })
      .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
      .query({ per_page: 100, page: 3 })
      .reply(200, files.slice(200));

    const changed = await source().changedFiles();

    expect(scope.isDone()).toBe(true);
    expect(changed).toHaveLength(250);
    expect(changed[3]).toEqual({
      path: "configs/new-name.yaml",
      status: "renamed",
      previousPath: "configs/old-name.yaml",
    });
    expect(changed[200]).toEqual({ path: "configs/gone.yaml", status: "removed" });
    expect(changed[249]).toEqual({ path: "configs/run-249.yaml", status: "modified" });
  });

  it("reads each side at its own SHA, once per path", async () => {
    const scope = github()
      .get(contentsPath("configs/train.yaml"))
      .query({ ref: BASE_SHA })
      .reply(200, fileContent("configs/train.yaml", "batch_size: 8\n"))
      .get(contentsPath("configs/train.yaml"))
      .query({ ref: HEAD_SHA })
      .reply(200, fileContent("configs/train.yaml", "batch_size: 32\n"));
    const s = source();

    const [base, head, again] = [
      await s.read("base", "configs/train.yaml"),
      await s.read("head", "configs/train.yaml"),
      await s.read("head", "configs/train.yaml"),
    ];

    expect(scope.isDone()).toBe(true);
    expect({ base, head, again }).toEqual({
      base: "batch_size: 8\n",
      head: "batch_size: 32\n",
      again: "batch_size: 32\n",
    });
  });

  it("reads a file missing at one side as null", async () => {
    const scope = github().get(contentsPath("new.yaml")).query({ ref: BASE_SHA }).reply(404, { message: "Not Found" });
    expect(await source().read("base", "new.yaml")).toBeNull();
    expect(scope.isDone()).toBe(true);
  });

  it("falls back to the blob API for a file over 1 MB", async () => {
    const big = `batch_size: 64\n# ${"x".repeat(1_200_000)}\n`;
    const scope = github()
      .get(contentsPath("big.yaml"))
      .query({ ref: HEAD_SHA })
      .reply(200, { type: "file", path: "big.yaml", encoding: "none", content: "", size: big.length, sha: "blob-big" })
      .get(`/repos/${OWNER}/${REPO}/git/blobs/blob-big`)
      .reply(200, {
        sha: "blob-big",
        encoding: "base64",
        content: Buffer.from(big).toString("base64"),
        size: big.length,
      });

    const text = await source().read("head", "big.yaml");

    expect(scope.isDone()).toBe(true);
    expect(text).toBe(big);
  });

  it("finds the blob through the tree when the contents API refuses a file as too large", async () => {
    const scope = github()
      .get(contentsPath("huge.yaml"))
      .query({ ref: HEAD_SHA })
      .reply(403, {
        message: "This API returns blobs up to 1 MB in size.",
        errors: [{ resource: "Blob", field: "data", code: "too_large" }],
      })
      .get(`/repos/${OWNER}/${REPO}/git/trees/${HEAD_SHA}`)
      .query({ recursive: "true" })
      .reply(200, {
        sha: HEAD_SHA,
        truncated: false,
        tree: [{ path: "huge.yaml", type: "blob", sha: "blob-huge", size: 20 }],
      })
      .get(`/repos/${OWNER}/${REPO}/git/blobs/blob-huge`)
      .reply(200, {
        sha: "blob-huge",
        encoding: "base64",
        content: Buffer.from("batch_size: 128\n").toString("base64"),
      });

    expect(await source().read("head", "huge.yaml")).toBe("batch_size: 128\n");
    expect(scope.isDone()).toBe(true);
  });

  it("skips a binary file with the reason", async () => {
    const scope = github()
      .get(contentsPath("weights.bin.yaml"))
      .query({ ref: HEAD_SHA })
      .reply(200, fileContent("weights.bin.yaml", Buffer.from([0x89, 0x50, 0x00, 0x01])));
    const s = source();

    expect(await s.read("head", "weights.bin.yaml")).toBeNull();
    expect(s.skipped).toEqual([
      { path: "weights.bin.yaml", reason: "binary file; not read", why: { id: "source.binary" } },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it("skips a file over the size limit without downloading it", async () => {
    const scope = github()
      .get(contentsPath("dump.json"))
      .query({ ref: HEAD_SHA })
      .reply(200, {
        type: "file",
        path: "dump.json",
        encoding: "none",
        content: "",
        size: 50 * 1048576,
        sha: "blob-dump",
      });
    const s = source();

    expect(await s.read("head", "dump.json")).toBeNull();
    expect(s.skipped[0].reason).toBe("50.0 MiB, over the 10 MiB limit for a config; not read");
    expect(s.skipped[0].why).toEqual({ id: "source.tooLarge", params: { size: "50.0", max: "10" } });
    expect(scope.isDone()).toBe(true);
  });

  it("lists every file at a side from the recursive tree of that SHA", async () => {
    const scope = github()
      .get(`/repos/${OWNER}/${REPO}/git/trees/${BASE_SHA}`)
      .query({ recursive: "true" })
      .reply(200, {
        sha: BASE_SHA,
        truncated: false,
        tree: [
          { path: "configs", type: "tree", sha: "t1" },
          { path: "configs/base.yaml", type: "blob", sha: "b1", size: 10 },
          { path: "configs/train.yaml", type: "blob", sha: "b2", size: 12 },
        ],
      });

    expect(await source().list("base")).toEqual(["configs/base.yaml", "configs/train.yaml"]);
    expect(scope.isDone()).toBe(true);
  });
});
