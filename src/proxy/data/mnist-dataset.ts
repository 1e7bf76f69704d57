import type { SeededRandom } from "../seeded-random.js";
import { splitExamples, type Dataset } from "./dataset.js";
import { loadMnist } from "./mnist.js";

export interface MnistDatasetOptions {
  /** [784] for dense models, [28, 28, 1] for convolutions. */
  inputShape: number[];
  /** Training examples (the rest, up to 1 000, is held out). */
  examples?: number;
  rng: SeededRandom;
}

/**
 * Real MNIST digits, pixels in [0, 1] (as shipped), shuffled by the seed and split into training and held-out sets.
 * @example await mnistDataset({ inputShape: [784], rng })
 */
export async function mnistDataset(options: MnistDatasetOptions): Promise<Dataset> {
  const digits = await loadMnist();
  const evalCount = Math.min(1000, Math.floor(digits.count / 10));
  const trainCount = Math.min(options.examples ?? digits.count - evalCount, digits.count - evalCount);
  const total = trainCount + evalCount;
  const order = options.rng.permutation(digits.count);
  const x = new Float32Array(total * 784);
  const y = new Int32Array(total);
  for (let i = 0; i < total; i++) {
    x.set(digits.images.subarray(order[i] * 784, (order[i] + 1) * 784), i * 784);
    y[i] = digits.labels[order[i]];
  }
  return {
    description: `MNIST (${trainCount} real digits for training, ${evalCount} held out)`,
    about: { id: "data.mnist", params: { train: trainCount, held: evalCount } },
    task: "classification",
    inputShape: options.inputShape,
    outputs: 10,
    labelsPerExample: 1,
    ...splitExamples({ count: total, x, y }, { xSize: 784, ySize: 1, evalCount }),
  };
}
