/**
 * True when a failed request may still have taken effect: no answer in time, a dropped
 * connection, or a server error. A create that failed this way may have landed, so it is looked
 * for before it is sent again. A 4xx is GitHub's definite refusal: nothing was written.
 * @example outcomeUnknown({ status: 502 }) // true
 */
export function outcomeUnknown(error: unknown): boolean {
  const e = error as { status?: number; cause?: { timedOut?: boolean } } | undefined;
  if (e?.cause?.timedOut) return true;
  return e?.status === undefined || e.status >= 500;
}
