// `npm run bench [-- --quick]`: runs every benchmark suite in turn and writes bench/results/<name>.json.
import { benchDetection } from "./detection.js";

const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");

type Suite = { name: string; run: (options: { quick: boolean }) => Promise<unknown>; summary: (r: any) => string };

const suites: Suite[] = [
  {
    name: "detection",
    run: benchDetection,
    summary: (r) => `${r.detectSecondsFor500Files.toFixed(3)} s for a 500-file change (${Math.round(r.filesPerSecond)} files/s; goal ≤ 1 s)`,
  },
];

const started = performance.now();
for (const suite of suites) {
  if (only && !only.includes(suite.name)) continue;
  const t = performance.now();
  const result = await suite.run({ quick });
  console.log(`${suite.name}: ${suite.summary(result)}  [${((performance.now() - t) / 1000).toFixed(1)} s]`);
}
console.log(`bench ${quick ? "--quick " : ""}done in ${((performance.now() - started) / 1000).toFixed(1)} s; results in bench/results/`);
