import type { GitHub } from "./create-octokit.js";
import type { PullRequestRef } from "./pull-request.js";

export interface FoundComment {
  id: number;
  body: string;
  url: string;
}

/**
 * The pull request's comment that carries `marker` and was written by `author`, looked up over
 * every page (`author` may list several logins: the Action's token and the App's bot share
 * one sticky comment); someone quoting the marker in their own comment is not mistaken for it.
 * @example await findComment(github, { pr, marker: COMMENT_MARKER, author: "github-actions[bot]" })
 *   // { id: 42, body: "…", url: "…" }
 */
export async function findComment(
  github: GitHub,
  query: { pr: PullRequestRef; marker: string; author: string | readonly string[] },
): Promise<FoundComment | undefined> {
  const { owner, repo, number } = query.pr;
  const authors: readonly string[] = typeof query.author === "string" ? [query.author] : query.author;
  const iterator = github.paginate.iterator(github.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  });
  for await (const { data } of iterator) {
    const hit = data.find((c) => authors.includes(c.user?.login ?? "") && (c.body ?? "").includes(query.marker));
    if (hit) return { id: hit.id, body: hit.body ?? "", url: hit.html_url };
  }
  return undefined;
}
