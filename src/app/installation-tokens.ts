import type { Context } from "probot";

type ProbotOctokit = Context["octokit"];

interface Minted {
  token: string;
  expiresAt: number;
}

/** A token is renewed this long before GitHub's expiry (one hour after minting). */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Installation tokens, minted through the event's own client so the request goes to the same API
 * root as every other call (under GitHub Enterprise, `GHE_HOST`): probot's
 * `octokit.auth({ type: "installation" })` mints at api.github.com whatever the root. Reused until
 * five minutes before expiry; at most `limit` installations are remembered.
 * @example const tokens = installationTokens({ timeoutSeconds: 30 }); await tokens.get(context.octokit, 4242)
 *   // "ghs_…"
 */
export function installationTokens(options: { timeoutSeconds: number; limit?: number; now?: () => number }) {
  const limit = options.limit ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<number, Promise<Minted>>();

  const mint = async (octokit: ProbotOctokit, installationId: number): Promise<Minted> => {
    // A route that needs the App's JWT: probot's auth hook signs it and keeps the client's baseUrl.
    const { data } = await octokit.request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: installationId,
      request: { signal: AbortSignal.timeout(options.timeoutSeconds * 1000) },
    });
    return { token: data.token, expiresAt: Date.parse(data.expires_at) };
  };

  return {
    async get(octokit: ProbotOctokit, installationId: number): Promise<string> {
      const cached = cache.get(installationId);
      if (cached) {
        const minted = await cached.catch(() => undefined);
        if (minted && minted.expiresAt - now() > RENEW_BEFORE_MS) return minted.token;
      }
      const fresh = mint(octokit, installationId);
      cache.delete(installationId);
      cache.set(installationId, fresh);
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
      fresh.catch(() => {
        if (cache.get(installationId) === fresh) cache.delete(installationId);
      });
      return (await fresh).token;
    },
  };
}

export type InstallationTokens = ReturnType<typeof installationTokens>;
