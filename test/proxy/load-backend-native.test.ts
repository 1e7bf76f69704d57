import * as tf from "@tensorflow/tfjs";
import { describe, expect, it, vi } from "vitest";
import { loadBackend } from "../../src/proxy/load-backend.js";

// As if @tensorflow/tfjs-node installed and works: importing it registers a "tensorflow" backend
// on the shared @tensorflow/tfjs, as the real package does (here the cpu backend's factory under that
// name, enough to be activated). The GPU build stays missing.
vi.mock("@tensorflow/tfjs-node-gpu", () => {
  throw new Error("Cannot find package '@tensorflow/tfjs-node-gpu'");
});
vi.mock("@tensorflow/tfjs-node", async () => {
  const shared = await import("@tensorflow/tfjs");
  const cpu = shared.findBackendFactory("cpu")!;
  shared.registerBackend("tensorflow", cpu);
  return { version: { "tfjs-node": "4.22.0-native" } };
});

describe("loadBackend with @tensorflow/tfjs-node installed", () => {
  it("takes the native CPU backend before wasm, with its package and version; the GPU build is skipped", async () => {
    const info = await loadBackend();
    expect(info.name).toBe("tensorflow");
    expect(tf.getBackend()).toBe("tensorflow");
    expect(info.version).toBe("4.22.0-native");
    expect(info.details).toMatchObject({ package: "@tensorflow/tfjs-node" });
    expect(info.skipped.map((s) => s.name)).toEqual(["tensorflow-gpu"]);
  });

  it("runs on it when forced", async () => {
    expect((await loadBackend({ force: "tensorflow" })).name).toBe("tensorflow");
  });
});
