// Fails when a source line is wider than 120 characters (the formatter's lineWidth in biome.json):
// the formatter wraps code, but not a long string, comment or regular expression.
//   npm run check:width     lists every line over 120 characters and fails on any
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const MAX = 120;

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
  { encoding: "utf8" },
);
const files = listed.split("\0").filter((path) => /\.(ts|mjs)$/.test(path));

let over = 0;
for (const path of files) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    continue; // listed by git but deleted in the working tree
  }
  // Code points, not UTF-16 units: "×" and "→" are one column each.
  text.split("\n").forEach((line, i) => {
    if ([...line].length <= MAX) return;
    over++;
    console.log(`${path}:${i + 1}: over ${MAX} characters`);
  });
}
console.log(over ? `\n${over} line(s) over ${MAX} characters` : `every line fits in ${MAX} characters`);
process.exitCode = over ? 1 : 0;
