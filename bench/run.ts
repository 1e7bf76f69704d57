// `npm run bench [-- --quick] [-- --only=accuracy,speed] [-- --retrain]`: runs every benchmark suite
// in turn and writes bench/results/<name>.json. Speed reads detection's and proxy's results, so it runs after them.
// --retrain retrains the accuracy ground truth even when bench/results/ground-truth.json has it.
import { benchAccuracy, summariseAccuracy } from "./accuracy.js";
import { benchDetection } from "./detection.js";
import { benchDetectionCorpus, summariseDetectionCorpus } from "./detection-corpus.js";
import { benchMemory, summariseMemory } from "./memory-accuracy.js";
import { benchAppLoad, summariseAppLoad } from "./load-app.js";
import { benchParsersProperty, summariseParsersProperty } from "./parsers-property.js";
import { benchProxy, summariseProxy } from "./proxy.js";
import { benchSpeed, summariseSpeed } from "./speed.js";
import { benchSpeedModel, summariseSpeedModel } from "./speed-model.js";

const quick = process.argv.includes("--quick");
const retrain = process.argv.includes("--retrain");
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");

type Suite = { name: string; run: (options: { quick: boolean }) => Promise<unknown>; summary: (r: any) => string };

const suites: Suite[] = [
  {
    name: "detection",
    run: benchDetection,
    summary: (r) =>
      `${r.detectSecondsFor500Files.toFixed(3)} s for a 500-file change ` +
      `(${Math.round(r.filesPerSecond)} files/s; goal ≤ 1 s)`,
  },
  { name: "detection-corpus", run: benchDetectionCorpus, summary: summariseDetectionCorpus },
  {
    name: "parsers-property",
    run: (o) => benchParsersProperty({ ...o, log: (line) => console.log(line) }),
    summary: summariseParsersProperty,
  },
  { name: "proxy", run: benchProxy, summary: summariseProxy },
  {
    name: "accuracy",
    run: (o) => benchAccuracy({ ...o, retrain, log: (line) => console.log(line) }),
    summary: summariseAccuracy,
  },
  { name: "speed", run: benchSpeed, summary: summariseSpeed },
  { name: "speed-model", run: benchSpeedModel, summary: summariseSpeedModel },
  { name: "memory", run: benchMemory, summary: summariseMemory },
  { name: "app-load", run: benchAppLoad, summary: summariseAppLoad },
];

const started = performance.now();
for (const suite of suites) {
  if (only && !only.includes(suite.name)) continue;
  const t = performance.now();
  const result = await suite.run({ quick });
  console.log(`${suite.name}: ${suite.summary(result)}  [${((performance.now() - t) / 1000).toFixed(1)} s]`);
}
console.log(
  `bench ${quick ? "--quick " : ""}done ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s; results in ` +
    "bench/results/ (docs: npm run bench:docs)",
);
