/**
 * A wall-clock deadline (and an AbortSignal) checked between training steps. Phases take a share
 * of what remains, so one slow phase cannot starve the ones after it.
 */
export interface Budget {
  /** True once the deadline has passed or the run was aborted. */
  expired(): boolean;
  remainingMs(): number;
  /** Why it expired, e.g. "time budget of 20 s reached" or "aborted". */
  reason(): string;
  /** True when the whole plan must stop (not only this phase's share). */
  planExpired(): boolean;
  /** A child budget ending at now + share × remaining (or at this budget's end, whichever is first). */
  share(fraction: number, label: string): Budget;
}

/**
 * @example const budget = createBudget({ seconds: 20, signal }); while (!budget.expired()) step();
 */
export function createBudget(options: { seconds: number; signal?: AbortSignal; now?: () => number }): Budget {
  const now = options.now ?? (() => performance.now());
  const deadline = now() + options.seconds * 1000;
  const planReason = () => (options.signal?.aborted ? "aborted" : `time budget of ${options.seconds} s reached`);
  const planExpired = () => Boolean(options.signal?.aborted) || now() >= deadline;
  const make = (end: number, label: string | null, parent: Budget | null): Budget => {
    const self: Budget = {
      expired: () => planExpired() || now() >= end || Boolean(parent?.expired()),
      remainingMs: () => (options.signal?.aborted ? 0 : Math.max(0, Math.min(end, deadline) - now())),
      reason: () =>
        planExpired()
          ? planReason()
          : parent?.expired()
            ? parent.reason()
            : `${label}'s share of the time budget used up`,
      planExpired,
      share: (fraction, childLabel) => make(Math.min(end, now() + fraction * self.remainingMs()), childLabel, self),
    };
    return self;
  };
  return make(deadline, null, null);
}
