import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Proxy-training tests are CPU-bound; two workers match the 2-core CI machines. The timeout is
    // also what catches a parser that blows up on hostile input: speed goals live in `npm run bench`.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
