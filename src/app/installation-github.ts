import type { Context } from "probot";
import { createOctokit, type GitHub } from "../github/create-octokit.js";
import type { InstallationTokens } from "./installation-tokens.js";

export interface InstallationGitHubInput {
  context: Pick<Context, "octokit" | "log" | "payload">;
  tokens: InstallationTokens;
  timeoutSeconds: number;
  noDelays?: boolean;
}

/**
 * The event's installation as the same Octokit the Action uses (src/github/ functions take it),
 * on the API root probot was given (`GHE_HOST`/`GHE_PROTOCOL` for GitHub Enterprise). Returns a
 * maker, so work that runs later (a queued training) gets a token that has not expired.
 * @example const github = await installationGitHub({ context, tokens, timeoutSeconds: 30 })();
 */
export function installationGitHub(input: InstallationGitHubInput): () => Promise<GitHub> {
  const { context } = input;
  const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
  const baseUrl = context.octokit.request.endpoint.DEFAULTS.baseUrl;
  return async () => {
    if (!installationId) throw new Error("The webhook names no installation: is it a GitHub App's delivery?");
    const token = await input.tokens.get(context.octokit, installationId);
    return createOctokit({
      token,
      baseUrl,
      timeoutSeconds: input.timeoutSeconds,
      noDelays: input.noDelays,
      log: (m) => context.log.info(m),
    });
  };
}
