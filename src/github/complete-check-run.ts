import type { Annotation } from "../report/types.js";
import type { RepoRef } from "./check-run.js";
import type { GitHub } from "./create-octokit.js";

/** GitHub refuses a check-run summary over 65535 characters and takes 50 annotations per request. */
const MAX_SUMMARY = 65_535;
const MAX_ANNOTATIONS = 50;

export interface CompleteCheckRunInput extends RepoRef {
  checkRunId: number;
  conclusion: "success" | "neutral" | "failure" | "cancelled";
  title: string;
  summary: string;
  annotations?: Annotation[];
}

/**
 * Completes a check run with its conclusion, title, summary (cut to GitHub's limit, saying so)
 * and up to 50 line annotations.
 * @example await completeCheckRun(github, { owner, repo, checkRunId: 9, conclusion: "neutral", title: "…", summary: "…"
 * })
 */
export async function completeCheckRun(github: GitHub, input: CompleteCheckRunInput): Promise<void> {
  const note = "\n\n… (cut to GitHub's check-run size limit; the pull-request comment has all of it)";
  const summary =
    input.summary.length > MAX_SUMMARY ? input.summary.slice(0, MAX_SUMMARY - note.length) + note : input.summary;
  await github.rest.checks.update({
    owner: input.owner,
    repo: input.repo,
    check_run_id: input.checkRunId,
    status: "completed",
    conclusion: input.conclusion,
    completed_at: new Date().toISOString(),
    output: {
      title: input.title,
      summary,
      annotations: (input.annotations ?? []).slice(0, MAX_ANNOTATIONS).map((a) => ({
        path: a.path,
        start_line: a.line,
        end_line: a.line,
        annotation_level: a.level,
        title: a.title,
        message: a.message,
      })),
    },
  });
}
