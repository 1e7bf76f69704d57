// Compiles the CLI and the library (src/ → lib/) for the npm package: JavaScript, declarations, and
// every JSON data file under src/ (tsc only emits the JSON a module imports; a data file read from
// disk beside its module must be copied). dist/ is the Action's bundle, built by build-action.mjs.
//   node scripts/build-lib.mjs
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(root, "lib");

rmSync(lib, { recursive: true, force: true });
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });

// fs.globSync needs Node 22; the package supports Node 20.
const data = readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
  .map((entry) => relative(join(root, "src"), join(entry.parentPath ?? entry.path, entry.name)));
for (const file of data) {
  mkdirSync(dirname(join(lib, file)), { recursive: true });
  cpSync(join(root, "src", file), join(lib, file));
}
// npm makes a bin executable on install; this keeps `./lib/cli.js` runnable straight from a build too.
chmodSync(join(lib, "cli.js"), 0o755);
console.log(`batch-advisor library: lib/ (${data.length} JSON data file${data.length === 1 ? "" : "s"} copied)`);

// In a clone, `npx batch-advisor …` looks in node_modules/.bin, where npm links the bins of
// dependencies but not the project's own: link it there too, as `npm link` would.
const bin = join(root, "node_modules", ".bin");
if (existsSync(bin)) {
  rmSync(join(bin, "batch-advisor"), { force: true });
  symlinkSync(relative(bin, join(lib, "cli.js")), join(bin, "batch-advisor"));
}
