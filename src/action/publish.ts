import * as core from "@actions/core";
import type { GitHub } from "../github/create-octokit.js";
import type { PullRequestRef } from "../github/pull-request.js";
import { tokenLogin } from "../github/token-login.js";
import type { Language } from "../config/schema.js";
import type { Suggestion } from "../report/types.js";
import { postComment } from "../github/post-comment.js";
import { untrusted } from "../report/untrusted.js";
import { postSuggestions } from "./post-suggestions.js";

export interface PublishInput {
  pr: PullRequestRef;
  headSha: string;
  hasChanges: boolean;
  markdown: string;
  language: Language;
  suggestions: Suggestion[];
  /** Each changed file's patch, fetched only when a suggestion needs it. */
  patches: () => Promise<Map<string, string | undefined>>;
  comment: boolean;
  suggest: boolean;
  /** Who the token comments as, when the run knows (the GitHub App's bot); otherwise asked of GitHub. */
  author?: string;
}

/**
 * What a run leaves on the pull request: the sticky comment and the review suggestions, each as
 * its inputs allow. Returns one line per outcome for the job summary, as Markdown text that a
 * file name cannot turn into a link or a mention; a failure is logged as a warning and never thrown.
 * @example await publish(github, { pr, headSha, hasChanges: true, markdown, language: "en", suggestions, patches,
 * comment: true, suggest: true }) // ["Comment created: …"]
 */
export async function publish(github: GitHub, input: PublishInput): Promise<string[]> {
  const wantSuggestions = input.suggest && input.hasChanges && input.suggestions.length > 0;
  if (!input.comment && !wantSuggestions) return [];
  const notes: string[] = [];
  const author = input.author ?? (await tokenLogin(github));
  // Every outcome is one plain line in the log (a line break there could start a workflow command).
  const log = (line: string, to: (text: string) => void = core.info) => to(untrusted(line, "command"));
  if (input.comment) {
    // The log hears when a create's answer was lost and the comment was looked for before re-sending.
    const posted = await postComment(github, { ...input, author, log: (m) => log(m) });
    log(posted.text, posted.ok ? core.info : core.warning);
    // Our words and GitHub's (the comment's link stays a link in the summary).
    notes.push(posted.text);
  }
  if (wantSuggestions) {
    for (const line of await postSuggestions(github, { ...input, author })) {
      log(line);
      // A suggestion's outcome names the PR's file: Markdown text in the summary.
      notes.push(untrusted(line, "text"));
    }
  }
  return notes;
}
