// Validates every workflow in .github/workflows/, the workflows `batch-advisor init` writes, and
// action.yml against the GitHub Actions schemas of @action-validator/core (a wasm build of
// action-validator, from the npm registry: nothing is downloaded at run time).
//   npm run check:workflows
// Runs under tsx: it reads init's workflow texts from the TypeScript sources.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateAction, validateWorkflow } from "@action-validator/core";
import { initWorkflows } from "../src/cli/init-workflows.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const workflowDir = join(root, ".github/workflows");

const checks = [
  ...readdirSync(workflowDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      name: `.github/workflows/${name}`,
      kind: "workflow",
      text: readFileSync(join(workflowDir, name), "utf8"),
    })),
  ...[false, true].flatMap((forkSafe) =>
    initWorkflows({ forkSafe, action: "OWNER/batch-advisor@v1" }).map((w) => ({
      name: `init${forkSafe ? " --fork-safe" : ""}: ${w.path}`,
      kind: "workflow",
      text: w.text,
    })),
  ),
  // action-validator 0.6.0 (the latest release) predates the node24 runtime: its schema allows
  // node12/16/20 only. The check runs on a copy that says node20, so every other key is still
  // validated; test/action/action-yml.test.ts pins `using: node24` itself.
  {
    name: "action.yml",
    kind: "action",
    text: readFileSync(join(root, "action.yml"), "utf8").replace(/^(\s+using:\s*)['"]?node24['"]?\s*$/m, "$1node20"),
  },
];

let failed = 0;
for (const check of checks) {
  const state = check.kind === "action" ? validateAction(check.text) : validateWorkflow(check.text);
  if (state.errors.length === 0) {
    console.log(`ok    ${check.name}`);
    continue;
  }
  failed++;
  console.log(`FAIL  ${check.name}`);
  for (const error of state.errors) console.log(`      ${describe(error)}`);
}
console.log(`\n${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

/** The innermost reasons of a validation error, one line. */
function describe(error) {
  const inner = (error.states ?? []).flatMap((s) => s.errors.map(describe));
  const where = error.path ?? (error.location ? `line ${error.location.line}` : "");
  const own = `${where}: ${error.title}${error.detail ? ` (${error.detail})` : ""}`;
  return inner.length ? `${own} — ${inner.join("; ")}` : own;
}
