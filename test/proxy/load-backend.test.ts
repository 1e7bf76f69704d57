import * as tf from "@tensorflow/tfjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadBackend, nativeLoadFailure } from "../../src/proxy/load-backend.js";

// The native packages are optional: whether or not they installed on this machine, this file
// runs as if neither did (test/proxy/load-backend-native.test.ts runs as if tfjs-node did).
vi.mock("@tensorflow/tfjs-node-gpu", () => {
  throw new Error("Cannot find package '@tensorflow/tfjs-node-gpu'");
});
vi.mock("@tensorflow/tfjs-node", () => {
  throw new Error("Cannot find package '@tensorflow/tfjs-node'");
});

describe("loadBackend without the native packages", () => {
  afterEach(() => {
    delete process.env.BATCH_ADVISOR_WASM_DIR;
  });

  it("skips both native packages, naming each, and runs on wasm", async () => {
    const info = await loadBackend();
    expect(info.name).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(info.version).toBe("4.22.0");
    expect(info.skipped.map((s) => s.name)).toEqual(["tensorflow-gpu", "tensorflow"]);
    expect(info.skipped[0].reason).toMatch(/^@tensorflow\/tfjs-node-gpu /);
    expect(info.skipped[1].reason).toMatch(/^@tensorflow\/tfjs-node /);
    expect(info.details).toMatchObject({ simd: true, wasmDirSource: "node_modules" });
  });

  it("runs on cpu when forced, with nothing skipped", async () => {
    const info = await loadBackend({ force: "cpu" });
    expect(info).toMatchObject({ name: "cpu", skipped: [] });
    expect(tf.getBackend()).toBe("cpu");
  });

  it("fails loudly when a forced backend cannot run", async () => {
    await expect(loadBackend({ force: "tensorflow" })).rejects.toThrow(
      /^Backend "tensorflow" was requested but cannot run: @tensorflow\/tfjs-node /,
    );
  });

  it("falls back to cpu, with the reason, when the wasm directory has no binaries", async () => {
    const info = await loadBackend({ wasmDir: "/nonexistent/wasm" });
    expect(info.name).toBe("cpu");
    expect(info.skipped.at(-1)?.name).toBe("wasm");
    expect(info.skipped.at(-1)?.reason).toMatch(
      /^wasm binaries not found in \/nonexistent\/wasm \(option\): missing tfjs-backend-wasm\.wasm/,
    );
    expect(info.skipped.at(-1)?.why).toMatchObject({
      id: "backend.wasmMissing",
      params: { dir: "/nonexistent/wasm", source: "option" },
    });
  });

  it("takes the wasm directory from BATCH_ADVISOR_WASM_DIR", async () => {
    process.env.BATCH_ADVISOR_WASM_DIR = "/nonexistent/from-env";
    const info = await loadBackend();
    expect(info.name).toBe("cpu");
    expect(info.skipped.at(-1)?.reason).toMatch(/\/nonexistent\/from-env \(BATCH_ADVISOR_WASM_DIR\)/);
  });
});

describe("why a native package was skipped", () => {
  it("says 'not installed' when the package itself cannot be found", () => {
    const notFound = Object.assign(
      new Error("Cannot find package '@tensorflow/tfjs-node' imported from /app/load-backend.js"),
      { code: "ERR_MODULE_NOT_FOUND" },
    );
    expect(nativeLoadFailure("@tensorflow/tfjs-node", notFound).reason).toBe("@tensorflow/tfjs-node is not installed");
    expect(nativeLoadFailure("@tensorflow/tfjs-node", notFound).why).toEqual({
      id: "backend.notInstalled",
      params: { pkg: "@tensorflow/tfjs-node" },
    });
    const required = Object.assign(new Error("Cannot find module '@tensorflow/tfjs-node-gpu'\nRequire stack: …"), {
      code: "MODULE_NOT_FOUND",
    });
    expect(nativeLoadFailure("@tensorflow/tfjs-node-gpu", required).reason).toBe(
      "@tensorflow/tfjs-node-gpu is not installed",
    );
  });

  it("quotes the first line of the error when the package is there but broken", () => {
    const addon = new Error(
      "The Node.js native addon module (tfjs_binding.node) can not be found at path: /x/tfjs_binding.node." +
        "\nPlease run …",
    );
    expect(nativeLoadFailure("@tensorflow/tfjs-node", addon).reason).toBe(
      "@tensorflow/tfjs-node failed to load: " +
        "The Node.js native addon module (tfjs_binding.node) can not be found at path: /x/tfjs_binding.node.",
    );
    // A dependency of the package that is missing is not the package missing.
    const dependency = Object.assign(new Error("Cannot find package 'node-gyp-build'"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    expect(nativeLoadFailure("@tensorflow/tfjs-node", dependency).reason).toBe(
      "@tensorflow/tfjs-node failed to load: Cannot find package 'node-gyp-build'",
    );
    // The same as an id, the library's words its parameter, for the report's languages.
    expect(nativeLoadFailure("@tensorflow/tfjs-node", dependency).why).toEqual({
      id: "backend.failed",
      params: { pkg: "@tensorflow/tfjs-node", error: "Cannot find package 'node-gyp-build'" },
    });
  });
});
