import type { RepoRef } from "./check-run.js";
import type { GitHub } from "./create-octokit.js";

export interface DispatchInput extends RepoRef {
  /** File name in `.github/workflows/`, e.g. "batch-advisor.yml". */
  workflow: string;
  /** Branch whose copy of the workflow runs: the default branch, never the pull request's head. */
  ref: string;
  inputs: Record<string, string>;
}

export type DispatchResult = { ok: true } | { ok: false; title: string; summary: string };

/**
 * Starts the repository's runner workflow (`workflow_dispatch`), so GitHub Actions does the
 * proxy training. Never throws: a missing or refusing workflow comes back as text telling the
 * maintainer exactly what to add.
 * @example await dispatchWorkflow(github, { owner, repo, workflow: "batch-advisor.yml", ref: "main", inputs })
 *   // { ok: true }
 */
export async function dispatchWorkflow(github: GitHub, input: DispatchInput): Promise<DispatchResult> {
  try {
    await github.rest.actions.createWorkflowDispatch({
      owner: input.owner,
      repo: input.repo,
      workflow_id: input.workflow,
      ref: input.ref,
      inputs: input.inputs,
    });
    return { ok: true };
  } catch (error) {
    const e = error as { status?: number; message?: string };
    const path = `.github/workflows/${input.workflow}`;
    const message = (e.message ?? String(error)).split("\n")[0];
    if (e.status === 404) {
      return {
        ok: false,
        title: `Add ${path} to run the analysis`,
        summary:
          "batch-advisor found a batch-size change and dispatches the proxy training " +
          `to the workflow \`${path}\` on \`${input.ref}\`, but there is no such ` +
          `workflow (404).\n\n${guidance(path)}`,
      };
    }
    return {
      ok: false,
      title: `Could not start ${path}`,
      summary:
        `GitHub refused to dispatch \`${path}\` on ` +
        `\`${input.ref}\`: ${e.status ?? ""} ${message}.\n\n${guidance(path)}`,
    };
  }
}

function guidance(path: string): string {
  return [
    `Add \`${path}\` on the default branch (or set \`app.workflow\` in ` +
      `\`.github/batch-advisor.yml\` to the file you use). It needs a ` +
      `\`workflow_dispatch\` trigger with the inputs \`pull-request\`, \`base\`, ` +
      `\`head\` and \`check-run-id\`, and runs the batch-advisor Action with the ` +
      `App's token; a GPU runner is \`runs-on: [self-hosted, gpu]\`. The whole ` +
      'file is in batch-advisor\'s docs/app.md, section "The runner workflow".',
    `No runner? Set \`app: { analyzeInApp: true }\` in ` +
      `\`.github/batch-advisor.yml\` and the App trains the proxy itself.`,
  ].join("\n\n");
}
