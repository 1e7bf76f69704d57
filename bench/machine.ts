import { cpus, totalmem, platform, release } from "node:os";
import { readFileSync } from "node:fs";

/** Machine facts stored with every benchmark result, so numbers are read against the hardware. */
export function machineInfo() {
  const version = (pkg: string) => {
    try {
      return JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), "utf8"))
        .version as string;
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    versions: {
      "@tensorflow/tfjs": version("@tensorflow/tfjs"),
      "@tensorflow/tfjs-backend-wasm": version("@tensorflow/tfjs-backend-wasm"),
    },
  };
}

/** Median of a list of numbers (benchmarks quote medians, never single runs). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
