// Fails when a source line is wider than 120 characters (the formatter's lineWidth in biome.json):
// the formatter wraps code, but not a long string, comment or regular expression.
//   npm run check:width                  every line over 120 characters, and fails on any
//   npm run check:width -- --baseline    fails only where a file has more of them than
//                                        scripts/line-width-baseline.json allows (a ratchet)
//   npm run check:width -- --write-baseline   records today's counts as that baseline
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const MAX = 120;
const BASELINE = "scripts/line-width-baseline.json";
const args = new Set(process.argv.slice(2));

const listed = execFileSync(
  "git",
  [
    "ls-files",
    "-z",
    "--cached",
    "--others",
    "--exclude-standard",
    "--",
    "src",
    "test",
    "bench",
    "scripts",
    "*.ts",
    "*.mjs",
  ],
  {
    encoding: "utf8",
  },
);
const files = listed.split("\0").filter((path) => /\.(ts|mjs)$/.test(path));

/** Lines over MAX characters (code points: "×" and "→" are one column each), by file. */
const wide = new Map();
for (const path of files) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    continue; // listed by git but deleted in the working tree
  }
  const lines = text.split("\n").flatMap((line, i) => ([...line].length > MAX ? [i + 1] : []));
  if (lines.length) wide.set(path, lines);
}

if (args.has("--write-baseline")) {
  const counts = Object.fromEntries(
    [...wide].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, lines]) => [path, lines.length]),
  );
  writeFileSync(BASELINE, `${JSON.stringify(counts, null, 2)}\n`);
  console.log(`${BASELINE}: ${Object.keys(counts).length} files, ${[...wide.values()].flat().length} lines`);
} else {
  const allowed = args.has("--baseline") ? JSON.parse(readFileSync(BASELINE, "utf8")) : {};
  let over = 0;
  for (const [path, lines] of wide) {
    if (lines.length <= (allowed[path] ?? 0)) continue;
    over += lines.length;
    for (const line of lines) console.log(`${path}:${line}: over ${MAX} characters`);
    if (allowed[path]) console.log(`${path}: ${lines.length} wide lines, the baseline allows ${allowed[path]}`);
  }
  console.log(
    over
      ? `\n${over} line(s) over ${MAX} characters`
      : `every line fits in ${MAX} characters${args.has("--baseline") ? " (or its file's baseline)" : ""}`,
  );
  process.exitCode = over ? 1 : 0;
}
