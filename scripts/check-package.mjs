// The package as a user gets it: `npm pack`, install the tarball with --omit=dev into an empty
// project, and run the installed `batch-advisor` there (analyze, detect, init) and its library
// entry. Fails with the step that broke. Prints the install size the README states.
//   node scripts/check-package.mjs [--keep]      (--keep leaves the temporary project for a look)
// Offline first (`npm install --offline` against the npm cache the repository was installed from),
// online when the cache lacks a package.
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "batch-advisor-package-"));
const project = join(work, "project");
const started = Date.now();
let failed = false;

try {
  // 1. Pack: prepack builds lib/ first.
  step("npm pack");
  const packOut = npm(["pack", "--json", "--pack-destination", work], root);
  // prepack's build log shares stdout with the JSON, which starts at the first line that opens an array.
  const [packed] = JSON.parse(packOut.slice(packOut.search(/^\[/m)));
  const paths = packed.files.map((f) => f.path);
  const mustShip = [
    "lib/cli.js",
    "lib/index.js",
    "lib/index.d.ts",
    "schema/batch-advisor.schema.json",
    "fixtures/example/batch-advisor.yml",
  ];
  const missing = mustShip.filter((p) => !paths.includes(p));
  const stray = paths.filter((p) => /^(src|test|bench|dist|scripts|docs|\.github)\//.test(p));
  if (missing.length || stray.length)
    throw new Error(
      `tarball: missing ${missing.join(", ") || "nothing"}; should not ` +
        `ship ${stray.slice(0, 5).join(", ") || "anything else"}`,
    );
  console.log(
    `  ${packed.filename}: ${packed.entryCount} files, ${mib(packed.size)} ` +
      `packed, ${mib(packed.unpackedSize)} unpacked`,
  );

  // 2. Install into an empty project, runtime dependencies only.
  step("npm install --omit=dev <tarball>");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "package-check", private: true, type: "module" }),
  );
  const install = [
    "install",
    "--omit=dev",
    "--no-audit",
    "--no-fund",
    "--no-package-lock",
    join(work, packed.filename),
  ];
  try {
    npm([...install, "--offline"], project);
  } catch (error) {
    console.log(`  offline install failed (${firstLine(error)}); trying the registry`);
    npm(install, project);
  }
  const size = folderBytes(join(project, "node_modules"));
  console.log(
    `  node_modules: ${mib(size)} ` +
      `(${readdirSync(join(project, "node_modules", "@tensorflow")).join(", ")} under @tensorflow)`,
  );

  // 3. The command, from the installed bin: two files of one folder, batch 8 → 32.
  writeFileSync(join(project, "a.yaml"), "per_device_train_batch_size: 8\nlearning_rate: 2.0e-5\n");
  writeFileSync(join(project, "b.yaml"), "per_device_train_batch_size: 32\nlearning_rate: 2.0e-5\n");
  step("npx batch-advisor detect a.yaml b.yaml");
  expectIn(npx(["detect", "a.yaml", "b.yaml"]), ["a.yaml", "b.yaml", "per_device_train_batch_size"]);
  step("npx batch-advisor detect --old a.yaml --new b.yaml --json");
  const detected = JSON.parse(npx(["detect", "--old", "a.yaml", "--new", "b.yaml", "--json"]));
  const change = detected.changes?.[0];
  if (change?.before !== 8 || change?.after !== 32)
    throw new Error(`detect --json: expected the change 8 → 32, got ${JSON.stringify(detected.changes)}`);
  step("npx batch-advisor analyze a.yaml b.yaml --quick");
  expectIn(npx(["analyze", "a.yaml", "b.yaml", "--quick"]), ["8 → 32", "teacher–student"]);

  // 4. init in a fresh repository.
  step("npx batch-advisor init");
  mkdirSync(join(project, "repo", "configs"), { recursive: true });
  writeFileSync(
    join(project, "repo", "configs", "ds.json"),
    '{ "train_micro_batch_size_per_gpu": 4, "gradient_accumulation_steps": 8 }\n',
  );
  const init = npx(["init"], join(project, "repo"));
  expectIn(init, [".github/workflows/batch-advisor.yml", ".github/batch-advisor.yml"]);

  // 5. The library entry, as an import.
  step('import { analyze, detectChanges } from "batch-advisor"');
  const probe =
    "import * as m from 'batch-advisor'; const names = " +
    "['analyze','detectChanges','detectFile','loadConfig','defaultConfig'," +
    "'GitSource','FilePairSource','MemorySource','GitHubSource']; " +
    "const bad = names.filter((n) => typeof m[n] !== 'function'); if " +
    "(bad.length) { console.error('not exported: ' + bad); process.exit(1); } " +
    "const r = await m.detectChanges(new m.FilePairSource({ base: 'a.yaml', " +
    "head: 'b.yaml' })); const c = r.changes[0]; if (c?.before !== 8 || c?.after " +
    "!== 32) { console.error('detectChanges: ' + JSON.stringify(r.changes)); " +
    "process.exit(1); } console.log('detectChanges: ' + c.key + ' ' + c.before + ' → ' + c.after);";
  console.log(`  ${run(process.execPath, ["--input-type=module", "-e", probe], project).trim()}`);

  console.log(`\npackage check passed in ${((Date.now() - started) / 1000).toFixed(0)} s; install size ${mib(size)}`);
} catch (error) {
  failed = true;
  console.error(`\npackage check FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  if (process.argv.includes("--keep")) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

function step(title) {
  console.log(`▶ ${title}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function npm(args, cwd) {
  return run(process.platform === "win32" ? "npm.cmd" : "npm", args, cwd);
}

/** The installed bin, never a download: --no-install makes npx fail if the package did not install it. */
function npx(args, cwd = project) {
  return run(process.platform === "win32" ? "npx.cmd" : "npx", ["--no-install", "batch-advisor", ...args], cwd);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status}\n${result.stderr}${result.stdout}`.slice(0, 4000),
    );
  return result.stdout;
}

function expectIn(text, needles) {
  const absent = needles.filter((n) => !text.includes(n));
  if (absent.length)
    throw new Error(`output lacks ${absent.map((n) => JSON.stringify(n)).join(", ")}:\n${text.slice(0, 3000)}`);
}

function folderBytes(path) {
  // Bytes of the files, as `du --apparent-size` counts them; links are not followed.
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0);
}

function mib(bytes) {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** npm's own reason ("npm error code ENOTCACHED"), not the command line. */
function firstLine(error) {
  const lines = String(error instanceof Error ? error.message : error).split("\n");
  return lines.find((l) => l.startsWith("npm error")) ?? lines[0];
}
