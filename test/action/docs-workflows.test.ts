import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { INPUT_NAMES } from "../../src/action/read-inputs.js";
import { OUTPUT_NAMES } from "../../src/action/write-outputs.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const yamlBlocks = (markdown: string) => [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
function actionSteps(doc: unknown): Step[] {
  const steps: Step[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Step;
      if (typeof o.uses === "string" && o.uses.includes("/batch-advisor@")) steps.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(doc);
  return steps;
}

describe("workflows in docs/action.md and the README", () => {
  const blocks = [...yamlBlocks(read("docs/action.md")), ...yamlBlocks(read("README.md"))];

  it("parse as YAML", () => {
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) expect(() => parse(block)).not.toThrow();
  });

  it("pass only inputs action.yml declares, and read only its outputs", () => {
    const steps = blocks.flatMap((b) => actionSteps(parse(b)));
    expect(steps.length).toBeGreaterThan(4);
    for (const step of steps) expect(Object.keys(step.with ?? {}).filter((k) => !INPUT_NAMES.includes(k))).toEqual([]);
    const outputs = blocks.flatMap((b) => [...b.matchAll(/steps\.advisor\.outputs\.([\w-]+)/g)].map((m) => m[1]));
    expect(outputs.filter((o) => !(OUTPUT_NAMES as readonly string[]).includes(o))).toEqual([]);
  });

  it(
    "give a pull_request workflow permission to comment, and one that never " +
      "checks out fork code with a write token",
    () => {
      const docs = blocks.map(
        (b) =>
          parse(b) as { on?: unknown; permissions?: Record<string, string>; jobs?: Record<string, { steps?: Step[] }> },
      );
      const minimal = docs.find(
        (d) => d?.permissions?.["pull-requests"] === "write" && String(JSON.stringify(d?.on)).includes("pull_request"),
      );
      expect(minimal).toBeDefined();
      const poster = docs.find((d) => String(JSON.stringify(d?.on)).includes("workflow_run"));
      expect(poster?.permissions?.["pull-requests"]).toBe("write");
      expect(JSON.stringify(poster)).not.toContain("actions/checkout");
    },
  );
});
