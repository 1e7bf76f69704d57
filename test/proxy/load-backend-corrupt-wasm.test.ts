import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBackend } from "../../src/proxy/load-backend.js";
import { WASM_FILES } from "../../src/proxy/wasm-dir.js";

// A file of its own: a failed wasm initialisation cannot be retried in the same process.
describe("loadBackend with unusable wasm binaries", () => {
  it("detects that the wasm backend did not initialise and falls back to cpu with the reason", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-wasm-"));
    for (const name of WASM_FILES) writeFileSync(join(dir, name), "not a wasm module");
    const info = await loadBackend({ wasmDir: dir });
    expect(info.name).toBe("cpu");
    expect(info.skipped.at(-1)).toEqual({
      name: "wasm",
      why: expect.objectContaining({ id: expect.stringMatching(/^backend\./) }),
      reason:
        `tf.setBackend("wasm") failed to initialise with the binaries in ${dir} ` +
        "(option); are they from @tensorflow/tfjs-backend-wasm 4.22.0?",
    });
  });
});
