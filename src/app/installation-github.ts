import type { Context } from "probot";
import { createOctokit, type GitHub } from "../github/create-octokit.js";

/**
 * The event's installation as the same Octokit the Action uses (src/github/ functions take it):
 * probot's own client is authenticated for the installation, and lends its token and API root.
 * @example const github = await installationGitHub(context);
 */
export async function installationGitHub(context: Pick<Context, "octokit" | "log">, noDelays = false): Promise<GitHub> {
  const { token } = (await context.octokit.auth({ type: "installation" })) as { token: string };
  const baseUrl = context.octokit.request.endpoint.DEFAULTS.baseUrl;
  return createOctokit({ token, baseUrl, noDelays, log: (m) => context.log.info(m) });
}
