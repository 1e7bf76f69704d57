// The workflows `batch-advisor init` writes: the ones docs/action.md shows, word for word
// (test/cli/init-command.test.ts holds them equal), with the Action reference filled in.

/** The placeholder docs/action.md writes for the repository and tag a workflow pins. */
export const ACTION_PLACEHOLDER = "OWNER/batch-advisor@v1";

/** One pull_request workflow that analyses and comments (docs/action.md, "Minimal workflow"). */
export const MINIMAL_WORKFLOW = `# .github/workflows/batch-advisor.yml
name: batch-advisor
on:
  pull_request:
    types: [opened, synchronize, reopened]

permissions:
  contents: read          # read the changed files and .github/batch-advisor.yml
  pull-requests: write    # the sticky comment and the review suggestions

# Two pushes in quick succession: the older run is cancelled, so two runs never race to create
# the first comment.
concurrency:
  group: batch-advisor-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  advise:
    runs-on: ubuntu-latest
    steps:
      - uses: OWNER/batch-advisor@v1
`;

/** The fork-safe pair (docs/action.md, "Pull requests from forks"): this one analyses with no write access… */
export const FORK_SAFE_ANALYSE_WORKFLOW = `# .github/workflows/batch-advisor.yml — analyses; for forks too
name: batch-advisor
on:
  pull_request:
    types: [opened, synchronize, reopened]
permissions:
  contents: read
concurrency:
  group: batch-advisor-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
jobs:
  advise:
    runs-on: ubuntu-latest
    steps:
      - id: advisor
        uses: OWNER/batch-advisor@v1
        with:
          comment: false
          suggest: false
      - uses: actions/upload-artifact@v4
        with:
          name: batch-advisor
          path: |
            \${{ steps.advisor.outputs.report-json }}
            \${{ steps.advisor.outputs.comment-json }}
`;

/** …and this one posts from the base branch, never checking out the fork's code. */
export const FORK_SAFE_POST_WORKFLOW = `# .github/workflows/batch-advisor-post.yml — posts the report;
# GitHub runs this file as it is on the base branch, never the fork's copy
name: batch-advisor post
on:
  workflow_run:
    workflows: [batch-advisor]
    types: [completed]
permissions:
  pull-requests: write
  actions: read           # download the artifact of the other run
jobs:
  post:
    if: github.event.workflow_run.event == 'pull_request'
    runs-on: ubuntu-latest
    concurrency:
      group: batch-advisor-post-\${{ github.event.workflow_run.head_sha }}
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: batch-advisor
          path: batch-advisor
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ github.token }}
      - uses: OWNER/batch-advisor@v1
        with:
          post-from: batch-advisor/comment.json
`;

/** The workflow files `init` writes, by path, with `uses:` pointing at `action`. */
export function initWorkflows(options: { forkSafe: boolean; action: string }): Array<{ path: string; text: string }> {
  const pin = (text: string) => text.replaceAll(ACTION_PLACEHOLDER, options.action);
  if (!options.forkSafe) return [{ path: ".github/workflows/batch-advisor.yml", text: pin(MINIMAL_WORKFLOW) }];
  return [
    { path: ".github/workflows/batch-advisor.yml", text: pin(FORK_SAFE_ANALYSE_WORKFLOW) },
    { path: ".github/workflows/batch-advisor-post.yml", text: pin(FORK_SAFE_POST_WORKFLOW) },
  ];
}
