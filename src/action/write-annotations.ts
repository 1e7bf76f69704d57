import * as core from "@actions/core";
import type { Annotation } from "../report/types.js";

/**
 * Each annotation as a workflow command, so GitHub shows it on the changed line of the config
 * in the pull request's Files tab.
 * @example writeAnnotations(report.annotations) // prints "::warning file=train.yaml,line=12,title=Batch size 32 → 64: Warning::…"
 */
export function writeAnnotations(annotations: Annotation[]): void {
  for (const a of annotations) {
    const properties = { file: a.path, startLine: a.line, title: a.title };
    if (a.level === "failure") core.error(a.message, properties);
    else if (a.level === "warning") core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
}
