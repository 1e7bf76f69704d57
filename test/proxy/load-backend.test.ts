import * as tf from "@tensorflow/tfjs";
import { afterEach, describe, expect, it } from "vitest";
import { loadBackend } from "../../src/proxy/load-backend.js";

describe("loadBackend", () => {
  afterEach(() => {
    delete process.env.BATCH_ADVISOR_WASM_DIR;
  });

  it("reports the missing native packages and runs on wasm", async () => {
    const info = await loadBackend();
    expect(info.name).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(info.version).toBe("4.22.0");
    expect(info.skipped).toEqual([
      { name: "tensorflow-gpu", reason: "@tensorflow/tfjs-node-gpu is not installed" },
      { name: "tensorflow", reason: "@tensorflow/tfjs-node is not installed" },
    ]);
    expect(info.details).toMatchObject({ simd: true, wasmDirSource: "node_modules" });
  });

  it("runs on cpu when forced, with nothing skipped", async () => {
    const info = await loadBackend({ force: "cpu" });
    expect(info).toMatchObject({ name: "cpu", skipped: [] });
    expect(tf.getBackend()).toBe("cpu");
  });

  it("fails loudly when a forced backend cannot run", async () => {
    await expect(loadBackend({ force: "tensorflow" })).rejects.toThrow('Backend "tensorflow" was requested but cannot run: @tensorflow/tfjs-node is not installed');
  });

  it("falls back to cpu, with the reason, when the wasm directory has no binaries", async () => {
    const info = await loadBackend({ wasmDir: "/nonexistent/wasm" });
    expect(info.name).toBe("cpu");
    expect(info.skipped.at(-1)?.name).toBe("wasm");
    expect(info.skipped.at(-1)?.reason).toMatch(/^wasm binaries not found in \/nonexistent\/wasm \(option\): missing tfjs-backend-wasm\.wasm/);
  });

  it("takes the wasm directory from BATCH_ADVISOR_WASM_DIR", async () => {
    process.env.BATCH_ADVISOR_WASM_DIR = "/nonexistent/from-env";
    const info = await loadBackend();
    expect(info.name).toBe("cpu");
    expect(info.skipped.at(-1)?.reason).toMatch(/\/nonexistent\/from-env \(BATCH_ADVISOR_WASM_DIR\)/);
  });
});
