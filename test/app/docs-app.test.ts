import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { INPUT_NAMES } from "../../src/action/read-inputs.js";

const markdown = readFileSync(new URL("../../docs/app.md", import.meta.url), "utf8");
const blocks = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as Record<string, any>);
const workflow = blocks.find((b) => b.on?.workflow_dispatch);
const source = readFileSync(new URL("../../src/app/handle-pull-request.ts", import.meta.url), "utf8");

describe("the runner workflow in docs/app.md", () => {
  it("takes exactly the inputs the App dispatches", () => {
    const sent = [...source.matchAll(/inputs: \{([^}]*)\}/g)].flatMap((m) => [...m[1].matchAll(/"?([\w-]+)"?:/g)].map((k) => k[1]));
    expect(sent.sort()).toEqual(["base", "check-run-id", "head", "pull-request"]);
    expect(Object.keys(workflow!.on.workflow_dispatch.inputs).sort()).toEqual(sent);
  });

  it("passes them to the Action as inputs action.yml declares, with the App's token", () => {
    const step = workflow!.jobs.advise.steps.find((s: { uses?: string }) => s.uses?.includes("/batch-advisor@"));
    expect(Object.keys(step.with).filter((k) => !INPUT_NAMES.includes(k))).toEqual([]);
    expect(step.with["github-token"]).toBe("${{ steps.app-token.outputs.token }}");
    expect(step.with["check-run-id"]).toBe("${{ inputs.check-run-id }}");
  });
});
