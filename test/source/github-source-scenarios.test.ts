import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { GitHubSource } from "../../src/source/github-source.js";
import { GitSource } from "../../src/source/git-source.js";
import type { ChangedFile } from "../../src/source/types.js";
import { gitScenario } from "../helpers/git-scenario.js";
import { BASE_SHA, HEAD_SHA, OWNER, REPO, fileContent, github, testOctokit } from "../helpers/github-api.js";

function readTree(dir: string, root = dir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, readTree(path, root));
    else files[relative(root, path)] = readFileSync(path, "utf8");
  }
  return files;
}

/** The scenario's two sides served as a GitHub API would: PR files, contents per SHA, trees. Returns the paths read at
 * each SHA. */
async function serve(sides: { base: Record<string, string>; head: Record<string, string> }, files: ChangedFile[]) {
  const bySha: Record<string, Record<string, string>> = { [BASE_SHA]: sides.base, [HEAD_SHA]: sides.head };
  const reads: Array<{ sha: string; path: string }> = [];
  const scope = github()
    .get(`/repos/${OWNER}/${REPO}/pulls/7/files`)
    .query(true)
    .reply(
      200,
      files.map((f) => ({
        filename: f.path,
        status: f.status,
        ...(f.previousPath ? { previous_filename: f.previousPath } : {}),
      })),
    )
    .persist()
    .get(/\/repos\/acme\/train\/git\/trees\/\w+/)
    .query(true)
    .reply((uri) => {
      const sha = uri.split("/trees/")[1].split("?")[0];
      return [
        200,
        {
          sha,
          truncated: false,
          tree: Object.keys(bySha[sha]).map((path) => ({ path, type: "blob", sha: `${sha}:${path}` })),
        },
      ];
    })
    .get(/\/repos\/acme\/train\/contents\/.+/)
    .query(true)
    .reply((uri) => {
      const url = new URL(uri, "https://x");
      const path = decodeURIComponent(url.pathname.split("/contents/")[1]);
      const sha = url.searchParams.get("ref")!;
      reads.push({ sha, path });
      const text = bySha[sha][path];
      return text === undefined ? [404, { message: "Not Found" }] : [200, fileContent(path, text)];
    });
  return { scope, reads };
}

afterEach(() => nock.cleanAll());

describe("GitHubSource on whole pull-request scenarios", () => {
  for (const name of ["detectron2-base", "hydra-defaults", "moved-and-unrelated"]) {
    it(`finds the same batch changes as local git (${name})`, async () => {
      const root = new URL(`../../fixtures/scenarios/${name}/`, import.meta.url).pathname;
      const sides = { base: readTree(join(root, "base")), head: readTree(join(root, "head")) };
      const git = new GitSource({ repo: gitScenario(name), base: "base", head: "head" });
      const { scope } = await serve(sides, await git.changedFiles());

      const viaApi = await detectChanges(
        new GitHubSource({
          github: testOctokit(),
          owner: OWNER,
          repo: REPO,
          pullNumber: 7,
          base: BASE_SHA,
          head: HEAD_SHA,
        }),
      );
      const viaGit = await detectChanges(git);

      expect(scope.isDone()).toBe(true);
      expect(viaApi.changes).toEqual(viaGit.changes);
      expect(viaApi.files.map((f) => f.path)).toEqual(viaGit.files.map((f) => f.path));
    });
  }

  it("reads a changed base file that a config inherits at the base SHA for the base side", async () => {
    const root = new URL("../../fixtures/scenarios/detectron2-base/", import.meta.url).pathname;
    const sides = { base: readTree(join(root, "base")), head: readTree(join(root, "head")) };
    const { reads } = await serve(sides, [{ path: "configs/Base-RCNN-FPN.yaml", status: "modified" }]);

    const { changes } = await detectChanges(
      new GitHubSource({
        github: testOctokit(),
        owner: OWNER,
        repo: REPO,
        pullNumber: 7,
        base: BASE_SHA,
        head: HEAD_SHA,
      }),
    );

    const inheritor = "configs/COCO-Detection/faster_rcnn_R_50_FPN_1x.yaml";
    expect(changes.some((c) => c.path === inheritor && c.inheritedFrom)).toBe(true);
    expect(reads).toContainEqual({ sha: BASE_SHA, path: "configs/Base-RCNN-FPN.yaml" });
    expect(reads).toContainEqual({ sha: HEAD_SHA, path: "configs/Base-RCNN-FPN.yaml" });
    expect(reads).toContainEqual({ sha: BASE_SHA, path: inheritor });
  });
});
