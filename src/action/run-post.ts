import * as core from "@actions/core";
import { readFileSync } from "node:fs";
import type { GitHub } from "../github/create-octokit.js";
import { COMMENT_MARKER } from "../report/render-comment.js";
import { commentBundleSchema, type CommentBundle } from "./comment-bundle.js";
import { publish } from "./publish.js";
import type { ActionInputs } from "./read-inputs.js";

/**
 * The second half of the fork-safe pair: in a `workflow_run` job with a write token, post the
 * comment a `pull_request` run left as an artifact. The artifact came from fork code, so it is
 * checked before anything is written: this repository, a pull request whose head is still the
 * commit the report was made for, and the commit the triggering run built.
 * @example await runPost({ github, env: process.env, inputs, path: "batch-advisor/comment.json" })
 */
export async function runPost(input: {
  github: GitHub;
  env: NodeJS.ProcessEnv;
  inputs: ActionInputs;
  path: string;
}): Promise<void> {
  const { github, env, inputs } = input;
  const bundle = readBundle(input.path);
  const [owner, repo] = bundle.repository.split("/");
  if (env.GITHUB_REPOSITORY && env.GITHUB_REPOSITORY !== bundle.repository) {
    throw new Error(`${input.path} is for ${bundle.repository}, not ${env.GITHUB_REPOSITORY}; not posted`);
  }
  // Without the marker the next run could not find the comment again and would post a second one.
  if (bundle.hasChanges && !bundle.markdown.includes(COMMENT_MARKER))
    throw new Error(`${input.path}: the comment lacks the batch-advisor marker; not posted`);
  const runHead = workflowRunHead(env);
  if (runHead && runHead !== bundle.headSha)
    throw new Error(`${input.path} is for commit ${bundle.headSha}, but the workflow run built ${runHead}; not posted`);
  const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: bundle.pullRequest });
  if (pull.head.sha !== bundle.headSha) {
    core.info(
      `Pull request #${bundle.pullRequest} has moved on ` +
        `to ${pull.head.sha.slice(0, 7)}; the report ` +
        `for ${bundle.headSha.slice(0, 7)} is not posted (the newer run posts its own)`,
    );
    return;
  }

  const notes = await publish(github, {
    ...bundle,
    pr: { owner, repo, number: bundle.pullRequest },
    patches: async () => {
      const files = await github.paginate(github.rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: bundle.pullRequest,
        per_page: 100,
      });
      return new Map(files.map((f) => [f.filename, f.patch]));
    },
    comment: inputs.comment,
    suggest: inputs.suggest,
  });
  try {
    await core.summary.addRaw(notes.join("\n\n") || "batch-advisor: nothing to post", true).write();
  } catch (error) {
    core.warning(`Job summary not written: ${(error as Error).message}`);
  }
}

function readBundle(path: string): CommentBundle {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`post-from: cannot read ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = commentBundleSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `post-from: ${path} is not a batch-advisor comment bundle ` +
        `(${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`,
    );
  return parsed.data;
}

/** The head commit of the run that triggered this `workflow_run` job, from the event payload. */
function workflowRunHead(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_EVENT_NAME !== "workflow_run" || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as { workflow_run?: { head_sha?: string } };
    return payload.workflow_run?.head_sha;
  } catch {
    return undefined;
  }
}
