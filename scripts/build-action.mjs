// Bundles the GitHub Action (src/action.ts) into dist/index.cjs with the tfjs wasm binaries
// beside it. Deterministic: the same sources give the same bytes, so a test can rebuild into a
// temporary folder and compare with the committed dist/.
//   node scripts/build-action.mjs [outdir]     (default dist)
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = resolve(process.argv[2] ?? join(root, "dist"));

/** Loaded at run time only if installed: mnist is 41 MB of digits (the Action trains on synthetic data); the native
 * backends are optional. */
const EXTERNAL = ["mnist", "@tensorflow/tfjs-node", "@tensorflow/tfjs-node-gpu"];
/**
 * Without these beside the bundle the wasm backend silently fails to initialise. The same list as
 * src/proxy/wasm-dir.ts (this script runs before TypeScript is compiled); test/action/dist-fresh.test.ts holds them
 * equal.
 */
const WASM_FILES = ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"];

mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/action.ts"],
  outfile: join(outdir, "index.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: EXTERNAL,
  // jsonc-parser's "main" is a UMD build whose inner requires esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ["module", "main"],
  // ESM sources read import.meta.url (wasm and mnist lookup, package.json); in CJS it is this file's URL.
  define: { "import.meta.url": "__batchAdvisorModuleUrl" },
  banner: { js: 'const __batchAdvisorModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
  metafile: true,
});

const wasmDir = dirname(
  createRequire(join(root, "package.json")).resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"),
);
for (const name of WASM_FILES) copyFileSync(join(wasmDir, name), join(outdir, name));

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `batch-advisor action: ${join(outdir, "index.cjs")} ` +
    `(${(bytes / 1048576).toFixed(1)} MiB) and ${WASM_FILES.length} wasm files`,
);
