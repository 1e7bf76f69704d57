import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { INPUT_NAMES, readInputs } from "../../src/action/read-inputs.js";
import { OUTPUT_NAMES } from "../../src/action/write-outputs.js";

const root = new URL("../../", import.meta.url).pathname;
const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}
const code = sources(join(root, "src")).map((f) => readFileSync(f, "utf8")).join("\n");

describe("action.yml", () => {
  it("declares exactly the inputs the code reads", () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it("declares exactly the outputs the code sets", () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it("has no input or output read or set around the typed records", () => {
    const read = [...code.matchAll(/getInput\(\s*["'`]([^"'`]+)/g)].map((m) => m[1]);
    const set = [...code.matchAll(/setOutput\(\s*["'`]([^"'`]+)/g)].map((m) => m[1]);
    expect(read.filter((n) => !INPUT_NAMES.includes(n))).toEqual([]);
    expect(set.filter((n) => !(OUTPUT_NAMES as readonly string[]).includes(n))).toEqual([]);
  });

  it("states the same defaults as the code", () => {
    const withDefaults = (name: string) => (name === "github-token" ? "t" : (action.inputs[name].default ?? ""));
    expect(readInputs(withDefaults)).toEqual(readInputs((name) => (name === "github-token" ? "t" : "")));
    expect(action.inputs["github-token"].default).toBe("${{ github.token }}");
  });

  it("describes every input and output, and runs the committed bundle on node24", () => {
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(entry.description.length).toBeGreaterThan(10);
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.cjs" });
    expect(existsSync(join(root, action.runs.main))).toBe(true);
    expect(action.branding.icon && action.branding.color).toBeTruthy();
  });
});
