import { describe, expect, it } from "vitest";
import { fixtureTree } from "../helpers/fixture-tree.js";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { detectConfig } from "../../src/detect/detect-config.js";
import { launchReferences } from "../../src/detect/launch-references.js";
import { parseConfig } from "../../src/detect/parse/parse-config.js";
import { MemorySource } from "../../src/source/memory-source.js";

const launchTree = () => fixtureTree("launch");

const base = launchTree();

describe("launch scripts and the configs they run", () => {
  it("follows --deepspeed, -cp/-cn and --config from a script to the files of the tree", () => {
    const files = new Set(Object.keys(base));
    const sft = launchReferences(parseConfig("scripts/train_sft.sh", base["scripts/train_sft.sh"]), files);
    expect(sft.map((r) => [r.config, r.entry.path[0], r.entry.line])).toEqual([
      ["configs/ds_zero2.json", "deepspeed", 10],
    ]);
    const slurm = launchReferences(parseConfig("scripts/pretrain.slurm", base["scripts/pretrain.slurm"]), files);
    expect(slurm.map((r) => r.config)).toEqual(["conf/pretrain_1b.yaml", "configs/eval.yaml"]);
  });

  it("resolves paths from the folder above the script too: a project under examples/ run from its own folder", () => {
    const nested = new Set(Object.keys(base).map((p) => `examples/llm/${p}`));
    const slurm = launchReferences(
      parseConfig("examples/llm/scripts/pretrain.slurm", base["scripts/pretrain.slurm"]),
      nested,
    );
    expect(slurm.map((r) => r.config)).toEqual([
      "examples/llm/conf/pretrain_1b.yaml",
      "examples/llm/configs/eval.yaml",
    ]);
  });

  it("gives a config the devices of the command that runs it, not another command of the same script", async () => {
    const read = async (p: string) => base[p] ?? null;
    const files = async () => Object.keys(base);
    const pretrain = await detectConfig({ path: "conf/pretrain_1b.yaml", read, files });
    // 16 per device × 2 accumulation × (4 nodes × 8 GPUs); the evaluation command's single GPU is not this run's.
    expect(pretrain?.effective.value).toBe(16 * 2 * 32);
    const evaluation = await detectConfig({ path: "configs/eval.yaml", read, files });
    expect(evaluation?.effective.parts.devices).not.toBe(32);
  });

  it(
    "reports a PR that changes only the GPU count in a launch script on the " +
      "config it runs, with its batch and learning rate",
    async () => {
      const head = {
        ...base,
        "scripts/train_sft.sh": base["scripts/train_sft.sh"].replace("NUM_GPUS=8", "NUM_GPUS=4"),
      };
      const { changes, files } = await detectChanges(new MemorySource({ base, head }));
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({
        path: "configs/ds_zero2.json",
        role: "devices",
        key: "num_gpus",
        before: 8,
        after: 4,
        line: 5,
        inheritedFrom: "scripts/train_sft.sh",
        launchScript: "scripts/train_sft.sh",
        effective: { before: 4 * 8 * 8, after: 4 * 8 * 4, ratio: 0.5 },
        learningRate: { before: 2e-5, after: 2e-5 },
      });
      const report = files.find((f) => f.path === "configs/ds_zero2.json");
      expect(report?.settings.find((s) => s.role === "micro_batch")?.value).toBe(4);
      expect(report?.settings.find((s) => s.role === "optimizer")?.value).toBe("AdamW");
      // The script itself sets no batch: its device change is told on the config, not again on its own.
      expect(files.map((f) => f.path)).not.toContain("scripts/train_sft.sh");
    },
  );

  it(
    "reads SLURM nodes at both sides: a PR doubling the nodes doubles the batch " +
      "of the Hydra config the script runs",
    async () => {
      const head = {
        ...base,
        "scripts/pretrain.slurm": base["scripts/pretrain.slurm"].replace("--nodes=4", "--nodes=8"),
      };
      const { changes } = await detectChanges(new MemorySource({ base, head }));
      const onConfig = changes.filter((c) => c.path === "conf/pretrain_1b.yaml");
      expect(onConfig).toMatchObject([
        {
          role: "nodes",
          before: 4,
          after: 8,
          launchScript: "scripts/pretrain.slurm",
          effective: { before: 1024, after: 2048, ratio: 2 },
        },
      ]);
      // The evaluation config the same script runs on one GPU is not a training batch change.
      expect(changes.some((c) => c.path === "configs/eval.yaml" && c.effective.ratio === 2)).toBe(false);
    },
  );
});
