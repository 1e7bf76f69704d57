/**
 * Heads the App is handling or has handled, so a webhook delivered twice (GitHub redelivers on a
 * slow answer) is acted on once even before its check run is visible through the API. Bounded:
 * the oldest claims are forgotten first.
 * @example const claims = headClaims(); claims.claim("acme/train@cccc") // true, then false
 */
export function headClaims(limit = 1000) {
  const seen = new Set<string>();
  return {
    claim(key: string): boolean {
      if (seen.has(key)) return false;
      seen.add(key);
      if (seen.size > limit) seen.delete(seen.values().next().value!);
      return true;
    },
    /** A failed attempt gives the head back, so a redelivery can try again. */
    release(key: string): void {
      seen.delete(key);
    },
  };
}

export type HeadClaims = ReturnType<typeof headClaims>;
