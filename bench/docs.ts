// `npm run bench:docs`: docs/accuracy.md and its two SVG charts from bench/results/*.json, no training.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { stepsChart, ratioChart } from "./accuracy-chart.js";
import { renderAccuracyDoc, type DocInputs } from "./render-accuracy-doc.js";

const results = (name: string) => new URL(`./results/${name}.json`, import.meta.url);
const read = <T>(name: string): T | undefined =>
  existsSync(results(name)) ? (JSON.parse(readFileSync(results(name), "utf8")) as T) : undefined;
const docs = (name: string) => new URL(`../docs/${name}`, import.meta.url);

const accuracy = read<DocInputs["accuracy"]>("accuracy");
const groundTruth = read<DocInputs["groundTruth"]>("ground-truth");
if (!accuracy || !groundTruth) {
  console.error(
    "bench/results/accuracy.json and ground-truth.json are needed: run `npm run bench -- --only=accuracy` first.",
  );
  process.exit(1);
}
const charts = { ratios: "accuracy-ratios.svg", steps: "accuracy-steps.svg" };
const taskNames = accuracy.tasks.map((t) => t.task);
writeFileSync(docs(charts.ratios), ratioChart(accuracy.pairs, taskNames));
writeFileSync(
  docs(charts.steps),
  stepsChart(
    accuracy.tasks.flatMap((t, i) => {
      const truth = groundTruth.tasks.find((g) => g.task === t.task);
      return truth
        ? [
            {
              task: t.task,
              title: t.title,
              points: truth.points,
              fit: truth.fit,
              predictedBCrit: t.bCrit.predicted,
              anchorBatch: accuracy.predictions[i].change[0],
            },
          ]
        : [];
    }),
  ),
);
const markdown = renderAccuracyDoc({
  accuracy,
  groundTruth,
  speed: read("speed"),
  proxy: read("proxy"),
  detection: read("detection"),
  speedModel: read("speed-model"),
  memoryRecipes: read("memory"),
  charts,
});
writeFileSync(docs("accuracy.md"), markdown);
console.log(`wrote docs/accuracy.md (${markdown.length} characters), docs/${charts.ratios}, docs/${charts.steps}`);
