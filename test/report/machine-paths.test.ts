/**
 * The comment is read by everyone on the pull request: the runner's checkout, this package's
 * install folder and $HOME must not appear in it, wherever they come from (the source's
 * description, a backend's load error, a proxy's description, a config error).
 */
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { defaultConfig } from "../../src/config.js";
import { resolveWasmDir } from "../../src/proxy/wasm-dir.js";
import { renderComment } from "../../src/report/render-comment.js";
import { GitSource } from "../../src/source/git-source.js";
import { tempRepo } from "../helpers/temp-repo.js";
import { scenario } from "./scenarios.js";

const packageRoot = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

function expectNoMachinePath(markdown: string, ...more: string[]): void {
  for (const path of [process.cwd(), packageRoot, homedir(), ...more]) expect(markdown, path).not.toContain(path);
  // No absolute path into an install folder, whoever's it is.
  expect(markdown).not.toMatch(/\/[^\s`]+\/node_modules\//);
}

describe("machine paths in the comment", () => {
  it("are hidden in backend fallback reasons, the proxy's description, the source and config errors", () => {
    const input = scenario("batch-up", "en");
    const wasm = resolveWasmDir();
    const tfjs = createRequire(import.meta.url).resolve("@tensorflow/tfjs");
    const m = input.measurements[0];
    input.measurements = [
      {
        ...m,
        description: `user model ${process.cwd()}/models/model.json on ${process.cwd()}/data/sample.csv`,
        about: {
          model: `user model ${process.cwd()}/models/model.json`,
          data: {
            id: "data.sample",
            params: {
              file: `${process.cwd()}/data/sample.csv`,
              rows: 500,
              total: 500,
              features: 4,
              label: "species",
              classes: 3,
              task: "classification",
            },
          },
        },
        backend: {
          ...m.backend,
          skipped: [
            // As src/proxy/load-backend.ts words them, with this machine's real folders.
            {
              name: "tensorflow",
              reason:
                "@tensorflow/tfjs-node failed to load: Cannot find module " +
                `'${tfjs.replace(/tfjs\/.*$/, "tfjs-node/lib/napi-v8/tfjs_binding.node")}'`,
            },
            {
              name: "wasm",
              reason:
                `wasm binaries not found in ${wasm.dir || "node_modules"} (${wasm.source}): ` +
                "missing tfjs-backend-wasm.wasm",
            },
          ],
        },
      },
      ...input.measurements.slice(1),
    ];
    input.source = `git main..HEAD in ${process.cwd()}`;
    input.configErrors = [
      { key: "proxy.data", message: `ENOENT: no such file or directory, open '${homedir()}/.cache/sample.csv'` },
    ];

    const md = renderComment(input);
    expectNoMachinePath(md);
    // The reasons stay useful: what failed, relative to the checkout or the package.
    expect(md).toContain("Compared: git main..HEAD in .");
    expect(md).toContain("`user model models/model.json` on your sample `data/sample.csv`");
    // (A zero-width space after "@" keeps @tensorflow from mentioning the organisation.)
    expect(md.replace(/\u200B/g, "")).toContain(
      "Cannot find module 'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node'",
    );
    expect(md.replace(/\u200B/g, "")).toMatch(
      /wasm binaries not found in (batch-advisor\/)?node_modules\/@tensorflow\/tfjs-backend-wasm\/dist/,
    );
    expect(md).toContain("open '\\~/.cache/sample.csv'"); // "~", escaped as Markdown text
  });

  describe("through analyze() on a checkout", () => {
    const workspace = process.env.GITHUB_WORKSPACE;
    afterEach(() => {
      if (workspace === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = workspace;
    });

    it("names the checkout as the runner does ($GITHUB_WORKSPACE) by its relative path", async () => {
      const repo = tempRepo([
        { tag: "base", files: { "train.yaml": "per_device_train_batch_size: 8\n" } },
        { tag: "head", files: { "train.yaml": "per_device_train_batch_size: 32\n" } },
      ]);
      process.env.GITHUB_WORKSPACE = repo;
      const report = await analyze(new GitSource({ repo, base: "base", head: "head" }), defaultConfig(), {
        noProxy: true,
      });
      expect(report.groups).toHaveLength(1);
      expectNoMachinePath(report.markdown, repo);
      expect(report.markdown).toContain("Compared: git base..head in .");
    });
  });
});
