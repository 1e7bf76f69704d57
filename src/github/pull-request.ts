/** The pull request a front works on. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}
