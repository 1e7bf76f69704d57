import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { inEnglish } from "../../helpers/in-english.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/keras/${name}`, import.meta.url), "utf8");
const table = (r: ReturnType<typeof detectFile>) => r.settings.map((s) => [s.line, s.role, s.key, s.value]);

describe("Keras", () => {
  it("reads fit's batch_size through the module variable, and the LR from the optimizer object", () => {
    const r = detectFile("examples/vision/mnist_convnet.py", fixture("mnist_convnet.py"));
    expect(r.framework).toBe("keras");
    expect(table(r)).toEqual([
      [29, "global_batch", "batch_size", 128],
      [30, "epochs", "epochs", 15],
      [34, "learning_rate", "model.compile.optimizer.learning_rate", 0.001],
      [29, "global_batch", "model.fit.batch_size", 128],
      [30, "epochs", "model.fit.epochs", 15],
      [39, "eval_batch", "score.batch_size", 256],
    ]);
    expect(r.effective).toMatchObject({ value: 128, formula: "128 (global batch)" });
  });

  it("keeps fit's batch whatever the replica count, since a strategy splits it", () => {
    expect(detectFile("mnist_convnet.py", fixture("mnist_convnet.py"), { devices: 4 }).effective.value).toBe(128);
  });

  it("reads the batch of a tf.data pipeline built by *_dataset_from_directory", () => {
    const r = detectFile("text_classification_tfdata.py", fixture("text_classification_tfdata.py"));
    expect(r.framework).toBe("keras");
    expect(table(r)).toEqual([
      [6, "global_batch", "BATCH_SIZE", 32],
      [6, "global_batch", "raw_train_ds.batch_size", 32],
      [15, "learning_rate", "model.compile.optimizer.learning_rate", 0.0003],
      [7, "epochs", "model.fit.epochs", 3],
    ]);
  });

  it("leaves the batch unknown when fit has none, since tf.data batches on its own", () => {
    const r = detectFile(
      "train.py",
      "import keras\nmodel.compile(optimizer='adam', loss='mse')\nmodel.fit(train_ds, epochs=5)\n",
    );
    expect(r.framework).toBe("keras");
    expect(r.effective.value).toBeNull();
    expect(inEnglish(r.effective.unknown)).toContain("per-device batch: not set in this file");
  });
});
