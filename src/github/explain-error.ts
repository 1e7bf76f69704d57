/**
 * A GitHub API error in words that say what to do, for the log and the job summary.
 * @example explainError({ status: 403, message: "Resource not accessible by integration" })
 *   // "403 Resource not accessible by integration: the token may not write here …"
 */
export function explainError(error: unknown): string {
  const e = error as { status?: number; message?: string };
  const message = (e.message ?? String(error)).split("\n")[0];
  if (e.status === 403 || e.status === 401) {
    return (
      `${e.status} ${message}: the token may not write here (a fork's pull request ` +
      `gets a read-only token; otherwise give the job \`permissions: ` +
      `pull-requests: write\`). docs/action.md shows the workflow_run pattern that posts for forks`
    );
  }
  if (e.status === 404) return `404 ${message}: the pull request is not visible to this token`;
  return e.status ? `${e.status} ${message}` : message;
}
