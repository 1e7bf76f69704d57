import { describe, expect, it } from "vitest";
import { fixtureTree } from "../helpers/fixture-tree.js";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { detectConfig } from "../../src/detect/detect-config.js";
import { parseYaml } from "../../src/detect/parse/parse-yaml.js";
import { absolute, resolveInterpolations } from "../../src/detect/resolve-interpolation.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { inEnglish } from "../helpers/in-english.js";

const tree = () => fixtureTree("hydra-interpolation");

const entryAt = (text: string, key: string) =>
  resolveInterpolations(parseYaml(text, "c.yaml")).entries.find((e) => e.path.join(".") === key);

describe("OmegaConf interpolation", () => {
  it("resolves ${key} within a file and reports the value where it is written", () => {
    expect(entryAt("bs: 16\ndata:\n  batch_size: ${bs}\n", "data.batch_size")).toMatchObject({
      value: 16,
      line: 1,
      usedAt: { line: 3, raw: "${bs}" },
    });
    expect(
      inEnglish(entryAt("bs: 16\ndata:\n  batch_size: ${bs}\n", "data.batch_size")?.unknownReason),
    ).toBeUndefined();
  });

  it("resolves relative keys: ${.x} beside the value, ${..x} one level up", () => {
    const text = "batch_size: 4\ndata:\n  batch_size: 32\n  val: ${.batch_size}\n  up: ${..batch_size}\n";
    expect(entryAt(text, "data.val")?.value).toBe(32);
    expect(entryAt(text, "data.up")?.value).toBe(4);
    expect(absolute("...x", ["a", "b"])).toBeUndefined();
  });

  it("oc.select takes the key when present and its default otherwise", () => {
    expect(entryAt("n: 4\ntrainer:\n  num_nodes: ${oc.select:n,1}\n", "trainer.num_nodes")?.value).toBe(4);
    expect(entryAt("trainer:\n  num_nodes: ${oc.select:nodes,2}\n", "trainer.num_nodes")).toMatchObject({
      value: 2,
      line: 2,
    });
  });

  it("stays unknown, saying why, for a missing key, a cycle and an environment variable", () => {
    expect(inEnglish(entryAt("a: ${missing}\n", "a")?.unknownReason)).toBe(
      "interpolation ${missing}: no key missing in this config or the files it composes",
    );
    expect(inEnglish(entryAt("a: ${b}\nb: ${a}\n", "a")?.unknownReason)).toMatch(/cycle/);
    expect(inEnglish(entryAt("a: ${oc.env:BS}\n", "a")?.unknownReason)).toBe(
      "read from environment variable BS at run time",
    );
    expect(inEnglish(entryAt("bs: ${oc.env:BS}\ndata:\n  batch_size: ${bs}\n", "data.batch_size")?.unknownReason)).toBe(
      "read from environment variable BS at run time",
    );
  });

  it("resolves across composed Hydra configs: the data group's batch comes from the primary config", async () => {
    const files = tree();
    const read = async (p: string) => files[p] ?? null;
    const report = await detectConfig({ path: "conf/train.yaml", read });
    // A lightning-hydra-template layout (src.data…): data.batch_size is divided by the world size, a global batch.
    expect(report?.framework).toBe("lightning-hydra-template");
    const batch = report?.settings.find((s) => s.key === "data.batch_size");
    // Written at line 12 of train.yaml (per_device_batch), used by data/imagenet.yaml.
    expect(batch).toMatchObject({ role: "global_batch", value: 128, line: 12 });
    expect(batch?.source).toBeUndefined();
    expect(report?.settings.find((s) => s.key === "trainer.num_nodes")).toMatchObject({
      value: 1,
      source: "conf/trainer/ddp.yaml",
    });
    expect(report?.settings.find((s) => s.role === "learning_rate")).toMatchObject({
      key: "model.optimizer.lr",
      value: 0.1,
      line: 13,
    });
    // 128 over all devices × 2 accumulation.
    expect(report?.effective.value).toBe(256);
  });

  it("a PR that edits the knob reports the batch change on the line it edits", async () => {
    const base = tree();
    const head = {
      ...base,
      "conf/train.yaml": base["conf/train.yaml"].replace("per_device_batch: 128", "per_device_batch: 256"),
    };
    const { changes } = await detectChanges(new MemorySource({ base, head }));
    expect(changes.find((c) => c.path === "conf/train.yaml" && c.key === "data.batch_size")).toMatchObject({
      key: "data.batch_size",
      line: 12,
      before: 128,
      after: 256,
      effective: { before: 256, after: 512, ratio: 2 },
    });
  });
});
