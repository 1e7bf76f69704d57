import { describe, expect, it } from "vitest";
import { keyedQueue } from "../../src/app/keyed-queue.js";

/** A job that runs until the test releases it. */
function gated() {
  const ran: string[] = [];
  const open = new Map<string, () => void>();
  const work = (job: string) =>
    new Promise<void>((resolve) => {
      ran.push(job);
      open.set(job, resolve);
    });
  return { ran, work, release: (job: string) => open.get(job)!() };
}

describe("keyedQueue", () => {
  it("runs one job per key at a time; jobs arriving meanwhile merge into one that runs after", async () => {
    const { ran, work, release } = gated();
    const q = keyedQueue<string>({ concurrency: 4, maxWaiting: 10, work });

    const results = ["pr#1@a", "pr#1@b", "pr#1@c", "pr#1@d"].map((job) => q.push("pr#1", job));
    expect(results).toEqual(["started", "queued", "merged", "merged"]);
    release("pr#1@a");
    await new Promise((r) => setTimeout(r, 0));
    release("pr#1@d");
    await q.idle();

    // b and c were superseded before their turn and never ran.
    expect(ran).toEqual(["pr#1@a", "pr#1@d"]);
  });

  it("aborts the running job's signal when a newer one for its key arrives", async () => {
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const q = keyedQueue<string>({
      concurrency: 1,
      maxWaiting: 10,
      work: (_job, turn) => {
        signals.push(turn.signal);
        return new Promise<void>((r) => (release = r));
      },
    });

    q.push("pr#1", "a");
    q.push("pr#2", "x");
    expect(signals[0].aborted).toBe(false);
    q.push("pr#1", "b");
    expect(signals[0].aborted).toBe(true);
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await q.idle();
  });

  it("runs at most `concurrency` keys at once and refuses a key past `maxWaiting`", async () => {
    const { ran, work, release } = gated();
    const q = keyedQueue<string>({ concurrency: 1, maxWaiting: 2, work });

    expect(["a", "b", "c", "d"].map((key) => q.push(key, key))).toEqual(["started", "queued", "queued", "refused"]);
    // A key already waiting still merges: the bound is on keys, not deliveries.
    expect(q.push("b", "b2")).toBe("merged");
    expect(ran).toEqual(["a"]);
    for (const job of ["a", "b2", "c"]) {
      release(job);
      await new Promise((r) => setTimeout(r, 0));
    }
    await q.idle();
    expect(ran).toEqual(["a", "b2", "c"]);
    expect(q.size).toBe(0);
  });

  it("goes on after a job throws, and reports the error", async () => {
    const errors: unknown[] = [];
    const q = keyedQueue<string>({
      concurrency: 1,
      maxWaiting: 5,
      work: async (job) =>
        void (
          job === "bad" &&
          (() => {
            throw new Error("boom");
          })()
        ),
      onError: (e) => errors.push(e),
    });

    q.push("k1", "bad");
    q.push("k2", "good");
    await q.idle();

    expect(errors).toHaveLength(1);
    expect(q.size).toBe(0);
  });
});
