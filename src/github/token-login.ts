import type { GitHub } from "./create-octokit.js";

/** Who the workflow's own token (`GITHUB_TOKEN`) comments as. */
export const ACTIONS_BOT = "github-actions[bot]";

/**
 * The login the token comments as: `GET /user` for a personal token; the workflow token and
 * installation tokens may not call it (403), and comment as `github-actions[bot]`.
 * @example await tokenLogin(github) // "github-actions[bot]"
 */
export async function tokenLogin(github: GitHub): Promise<string> {
  try {
    const { data } = await github.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return ACTIONS_BOT;
  }
}
