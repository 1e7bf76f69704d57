export interface KeyedQueueOptions<J> {
  /** Keys worked on at once; one job per key at a time. */
  concurrency: number;
  /** Keys that may wait for a turn; a job for one more is refused. */
  maxWaiting: number;
  work: (job: J, turn: Turn) => Promise<void>;
  /** A job arriving for a key that already has one waiting: what waits instead (default: the newer job). */
  merge?: (waiting: J, newer: J) => J;
  /** A job that threw: the queue goes on. */
  onError?: (error: unknown, job: J) => void;
}

/** What a running job can ask of the queue about its own key. */
export interface Turn {
  /** Aborted when a newer job for the same key arrives: the running one is superseded. */
  signal: AbortSignal;
}

export type PushResult = "started" | "queued" | "merged" | "refused";

interface Slot<J> {
  running?: AbortController;
  waiting?: J;
}

/**
 * A work queue keyed by pull request: one job per key runs at a time, at most one waits behind
 * it (a newer job for the same key merges into the waiting one, so superseded work is dropped,
 * not done), and at most `concurrency` keys run at once. Memory is bounded by
 * `concurrency + maxWaiting` keys, each holding one running and one waiting job.
 * @example const q = keyedQueue({ concurrency: 1, maxWaiting: 4, work }); q.push("acme/train#7", job) // "started"
 */
export function keyedQueue<J>(options: KeyedQueueOptions<J>) {
  const slots = new Map<string, Slot<J>>();
  const ready: string[] = [];
  let active = 0;
  let idlers: Array<() => void> = [];
  const merge = options.merge ?? ((_waiting: J, newer: J) => newer);

  const settle = () => {
    if (active > 0 || ready.length > 0) return;
    const done = idlers;
    idlers = [];
    for (const resolve of done) resolve();
  };

  const pump = () => {
    while (active < options.concurrency && ready.length > 0) {
      const key = ready.shift()!;
      const slot = slots.get(key)!;
      const job = slot.waiting as J;
      slot.waiting = undefined;
      const controller = new AbortController();
      slot.running = controller;
      active++;
      const turn: Turn = { signal: controller.signal };
      let running: Promise<void>;
      try {
        running = Promise.resolve(options.work(job, turn));
      } catch (error) {
        running = Promise.reject(error);
      }
      void running
        .catch((error: unknown) => options.onError?.(error, job))
        .finally(() => {
          active--;
          slot.running = undefined;
          if (slot.waiting !== undefined) ready.push(key);
          else slots.delete(key);
          pump();
          settle();
        });
    }
  };

  return {
    /** Queues a job for `key`; "refused" when `maxWaiting` keys already wait. */
    push(key: string, job: J): PushResult {
      const slot = slots.get(key);
      if (slot?.waiting !== undefined) {
        slot.waiting = merge(slot.waiting, job);
        slot.running?.abort();
        return "merged";
      }
      if (!slot && ready.length >= options.maxWaiting) return "refused";
      const target = slot ?? { waiting: undefined };
      target.waiting = job;
      slots.set(key, target);
      if (target.running) {
        target.running.abort();
        return "queued";
      }
      ready.push(key);
      pump();
      return target.running ? "started" : "queued";
    },
    /** Resolves when nothing runs or waits. */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        idlers.push(resolve);
        settle();
      });
    },
    /** Keys running or waiting. */
    get size(): number {
      return slots.size;
    },
  };
}
