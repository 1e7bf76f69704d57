import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEvent } from "../../src/action/read-event.js";

const fixture = (name: string) => new URL(`../../fixtures/events/${name}.json`, import.meta.url).pathname;
const env = (path: string, extra: Record<string, string> = {}) => ({
  GITHUB_EVENT_PATH: path,
  GITHUB_EVENT_NAME: "pull_request",
  GITHUB_REPOSITORY: "acme/train",
  ...extra,
});

describe("readEvent", () => {
  it("takes the pull request and its base and head SHAs from the pull_request payload", () => {
    expect(readEvent({ env: env(fixture("pull_request.synchronize")) })).toEqual({
      pr: { owner: "acme", repo: "train", number: 7 },
      base: "b".repeat(40),
      head: "c".repeat(40),
      fromFork: false,
    });
  });

  it("tells a fork's pull request by its head repository", () => {
    expect(readEvent({ env: env(fixture("pull_request.fork")) }).fromFork).toBe(true);
  });

  it("lets the base and head inputs override the payload", () => {
    const target = readEvent({ env: env(fixture("pull_request.synchronize")), base: "main", head: "feature" });
    expect([target.base, target.head]).toEqual(["main", "feature"]);
  });

  it("explains that a push event has no pull request to comment on", () => {
    const path = join(mkdtempSync(join(tmpdir(), "batch-advisor-event-")), "push.json");
    writeFileSync(path, JSON.stringify({ ref: "refs/heads/main", after: "c".repeat(40) }));
    expect(() => readEvent({ env: env(path, { GITHUB_EVENT_NAME: "push" }) })).toThrow(
      "The push event has no pull request: run batch-advisor on pull_request",
    );
  });

  it("explains a run outside GitHub Actions", () => {
    expect(() => readEvent({ env: {} })).toThrow("GITHUB_EVENT_PATH is not set");
  });
});
