import { validateAction } from "@action-validator/core";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { parse, stringify } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { INPUT_NAMES, readInputs } from "../../src/action/read-inputs.js";
import { runAction } from "../../src/action/run-action.js";
import { OUTPUT_NAMES } from "../../src/action/write-outputs.js";
import { actionRun } from "../helpers/action-run.js";
import { fixedGroup, fixedReport } from "../helpers/fixed-report.js";
import { BASE_SHA, OWNER, REPO, contentsPath, github } from "../helpers/github-api.js";

const root = new URL("../../", import.meta.url).pathname;
const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
};

afterEach(() => nock.cleanAll());

/** The environment variable @actions/core reads an input from. */
const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;

/** action-validator's Marketplace schema on an action with only this branding. */
const brandingErrors = (branding: unknown) =>
  validateAction(stringify({ name: "x", description: "y", runs: { using: "node20", main: "a.js" }, branding })).errors
    .length;

describe("action.yml", () => {
  it("declares exactly the inputs the code reads", () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it("declares exactly the outputs the code sets", () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it("a run reads only the inputs it declares and sets every output it declares, nothing else", async () => {
    const report = fixedReport({ groups: [fixedGroup()] });
    const scope = github()
      .get(contentsPath(".github/batch-advisor.yml"))
      .query({ ref: BASE_SHA })
      .reply(404, { message: "Not Found" })
      .get("/user")
      .reply(403, { message: "Resource not accessible by integration" })
      .get(`/repos/${OWNER}/${REPO}/issues/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 11, body: report.markdown, user: { login: "github-actions[bot]", type: "Bot" }, html_url: "u11" },
      ]);
    const run = actionRun();
    const read = new Set<string>();
    const env = process.env;
    // Every input reaches the code as an INPUT_* variable: record each one the run looks up.
    process.env = new Proxy(env, {
      get: (target, key) => {
        if (typeof key === "string" && key.startsWith("INPUT_")) read.add(key);
        return Reflect.get(target, key);
      },
    });
    try {
      await runAction({ analyze: async () => report, noDelays: true });
    } finally {
      process.env = env;
    }
    const outputs = run.outputs();
    run.restore();
    expect(scope.isDone()).toBe(true);
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((variable) => !Object.keys(action.inputs).map(inputVariable).includes(variable))).toEqual(
      [],
    );
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it("states the same defaults as the code", () => {
    const withDefaults = (name: string) => (name === "github-token" ? "t" : (action.inputs[name].default ?? ""));
    expect(readInputs(withDefaults)).toEqual(readInputs((name) => (name === "github-token" ? "t" : "")));
    expect(action.inputs["github-token"].default).toBe("${{ github.token }}");
  });

  it("describes every input and output, and runs the committed bundle on node24", () => {
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)])
      expect(entry.description.length).toBeGreaterThan(10);
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.cjs" });
    expect(existsSync(join(root, action.runs.main))).toBe(true);
  });

  it("has a Marketplace branding: an icon and a colour the schema knows, where a made-up one fails", () => {
    expect(brandingErrors(action.branding)).toBe(0);
    expect(brandingErrors({ ...action.branding, color: "pink" })).toBeGreaterThan(0);
    expect(brandingErrors({ ...action.branding, icon: "no-such-icon" })).toBeGreaterThan(0);
  });
});
