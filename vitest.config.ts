import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Proxy-training tests are CPU-bound; two workers match the 2-core CI machines. The timeout is
    // also what catches a parser that blows up on hostile input: speed goals live in `npm run bench`.
    maxWorkers: 2,
    testTimeout: 60_000,
    // `npm run coverage`: which lines of src/ the tests run (V8's own counters, no instrumentation).
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "json-summary", "json"],
    },
  },
});
