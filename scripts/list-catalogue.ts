// Prints the model and GPU catalogue as Markdown tables, for docs/models-and-gpus.md:
//   npx tsx scripts/list-catalogue.ts > /tmp/list.md   (then paste between the markers)
// Reads only the bundled catalogue; nothing from the network.
import { loadGpuCatalogue } from "../src/workload/catalogue/load-gpu-catalogue.js";
import { loadModelCatalogue } from "../src/workload/catalogue/load-model-catalogue.js";
import { parameterCount } from "../src/workload/catalogue/parameter-count.js";

const billions = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(2)}B` : `${(n / 1e6).toFixed(1)}M`);
const lines: string[] = [];
let family = "";
for (const m of loadModelCatalogue()) {
  if (m.family !== family) {
    family = m.family;
    lines.push(
      "",
      `### ${family}`,
      "",
      "| id | kind | shape | parameters | published | source |",
      "|---|---|---|---|---|---|",
    );
  }
  const shape =
    m.kind === "vision"
      ? `${m.gflops} G${m.flopsConvention === "macs" ? "MACs" : "FLOPs"} @ ${m.resolution}px`
      : [
          `h ${m.hidden}, L ${m.layers}${m.decoderLayers ? `+${m.decoderLayers}` : ""}`,
          `heads ${m.heads}/${m.kvHeads}`,
          `ffn ${m.intermediate}${m.experts ? ` ×${m.experts} experts (top ${m.expertsPerToken})` : ""}`,
          `V ${m.vocab}${m.tiedEmbeddings ? " tied" : ""}`,
        ].join(", ");
  const published = m.publishedParameters
    ? `[${billions(m.publishedParameters.count)}](${m.publishedParameters.source})`
    : "";
  lines.push(
    `| \`${m.id}\` | ${m.kind} | ${shape} | ${billions(parameterCount(m))} | ${published} | [source](${m.source}) |`,
  );
}
lines.push(
  "",
  "### GPUs",
  "",
  "| id | memory | BF16 dense | FP32 | bandwidth | interconnect | source |",
  "|---|---|---|---|---|---|---|",
);
for (const g of loadGpuCatalogue()) {
  const bf16 = g.peakFlops.bf16 ? `${g.peakFlops.bf16 / 1e12} TFLOP/s` : "—";
  lines.push(
    `| \`${g.id}\` | ${g.memoryBytes / 1e9} ${g.memoryUnit} | ${bf16} ` +
      `| ${g.peakFlops.fp32 / 1e12} TFLOP/s | ${g.bandwidthBytesPerSecond / 1e9} ` +
      `GB/s | ${g.interconnect.kind} ${g.interconnect.bytesPerSecond / 1e9} GB/s | ` +
      `[datasheet](${g.source}) |`,
  );
}
console.log(lines.join("\n").trimStart());
