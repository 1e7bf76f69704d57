import * as core from "@actions/core";
import type { Annotation } from "../report/types.js";
import { untrusted } from "../report/untrusted.js";

/**
 * Each annotation as a workflow command, so GitHub shows it on the changed line of the config
 * in the pull request's Files tab.
 * @example writeAnnotations(report.annotations)
 *   // prints "::warning file=train.yaml,line=12,title=Batch size 32 → 64: Warning::…"
 */
export function writeAnnotations(annotations: Annotation[]): void {
  for (const a of annotations) {
    // @actions/core escapes %, \r, \n (and , : in properties); "::" is broken here, and each of the
    // message's lines is made one visible line, so a PR's value cannot end the command or start another.
    const properties = { file: a.path, startLine: a.line, title: untrusted(a.title, "command") };
    const message = a.message
      .split("\n")
      .map((line) => untrusted(line, "command"))
      .join("\n");
    if (a.level === "failure") core.error(message, properties);
    else if (a.level === "warning") core.warning(message, properties);
    else core.notice(message, properties);
  }
}
