import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { tempRepo } from "../helpers/temp-repo.js";

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

const before = "fixtures/example/before/qwen2_5_full_sft.yaml";
const after = "fixtures/example/after/qwen2_5_full_sft.yaml";

describe("batch-advisor detect", () => {
  it("prints the JSON contract for the settings of each file", async () => {
    const { code, stdout } = await cli("detect", after, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["files", "changes"]);
    const [file] = json.files;
    expect(Object.keys(file)).toEqual([
      "path",
      "format",
      "framework",
      "settings",
      "effective",
      "warnings",
      "warningMessages",
      "errors",
    ]);
    expect(file).toMatchObject({ path: after, format: "yaml", framework: "huggingface" });
    expect(file.settings).toContainEqual({
      role: "micro_batch",
      key: "per_device_train_batch_size",
      value: 32,
      raw: "32",
      line: 25,
    });
    expect(file.settings).toContainEqual({
      role: "eval_batch",
      key: "per_device_eval_batch_size",
      value: 1,
      raw: "1",
      line: 37,
    });
    expect(Object.keys(file.effective)).toEqual(["value", "unit", "formula", "unknown", "unknownMessages"]);
    // Each reason twice: the English sentence, and its message id with parameters (docs/detection.md).
    expect(file.effective.unknown).toEqual([
      "devices: not in this file (torchrun --nproc_per_node, accelerate launch --num_processes or " +
        "deepspeed --num_gpus); pass --devices or set devices in .github/batch-advisor.yml",
    ]);
    expect(file.effective.unknownMessages).toEqual([
      {
        devicesFrom: {
          id: "devices.fromAny",
          params: { a: "torchrun --nproc_per_node", b: "accelerate launch --num_processes", c: "deepspeed --num_gpus" },
        },
      },
    ]);
  });

  it("ignores the commented-out batch size in the example", async () => {
    const { stdout } = await cli("detect", after, "--json");
    const micro = JSON.parse(stdout).files[0].settings.filter((s: { role: string }) => s.role === "micro_batch");
    expect(micro).toHaveLength(1);
  });

  it("prints the changes between two files with the effective batch ratio", async () => {
    const { code, stdout } = await cli("detect", "--old", before, "--new", after, "--json", "--devices", "4");
    expect(code).toBe(0);
    const { changes } = JSON.parse(stdout);
    expect(changes.map((c: { key: string }) => c.key)).toEqual([
      "per_device_train_batch_size",
      "gradient_accumulation_steps",
    ]);
    expect(changes[0]).toEqual({
      path: after,
      line: 25,
      framework: "huggingface",
      role: "micro_batch",
      key: "per_device_train_batch_size",
      before: 8,
      after: 32,
      effective: { before: 64, after: 128, ratio: 2 },
      learningRate: { before: 0.00001, after: 0.00001 },
    });
  });

  it("keeps the ratio when the device count is unknown on both sides", async () => {
    const { stdout } = await cli("detect", "--old", before, "--new", after, "--json");
    const [change] = JSON.parse(stdout).changes;
    expect(change.effective).toEqual({ before: null, after: null, ratio: 2 });
    expect(change.unknown[0]).toMatch(/^devices: not in this file/);
  });

  it("exits 2 on a missing file but still prints the files it could read", async () => {
    const { code, stdout } = await cli("detect", "no/such/file.yaml", after);
    expect(code).toBe(2);
    expect(stdout).toContain("per_device_train_batch_size");
    expect(stdout).toContain("skipped no/such/file.yaml");
  });

  it("exits 1 with the usage on a bad flag", async () => {
    const { code, stderr } = await cli("detect", "--devices", "zero", after);
    expect(code).toBe(1);
    expect(stderr).toContain("--devices must be a positive integer");
    expect(stderr).toContain("Usage:");
  });
});

describe("batch-advisor detect, human-readable", () => {
  it("says 'No batch-size change.' only when two sides were compared", async () => {
    expect((await cli("detect", after)).stdout).not.toContain("No batch-size change.");
    expect((await cli("detect", "--old", after, "--new", after)).stdout).toContain("No batch-size change.");
  });
});

describe("batch-advisor detect reads configs as analyze does", () => {
  const launched = () =>
    tempRepo([
      {
        tag: "base",
        files: {
          ".github/batch-advisor.yml": 'ignore: ["legacy/**"]\nproxy:\n  timeBudget: 2\n',
          "recipes/sft.yaml": "per_device_train_batch_size: 8\ngradient_accumulation_steps: 2\n",
          "legacy/sft.yaml": "per_device_train_batch_size: 8\n",
          "scripts/sft.sh": "#!/bin/bash\ntorchrun --nproc_per_node 4 train.py --config recipes/sft.yaml\n",
        },
      },
      {
        tag: "head",
        files: {
          "recipes/sft.yaml": "per_device_train_batch_size: 16\ngradient_accumulation_steps: 2\n",
          "legacy/sft.yaml": "per_device_train_batch_size: 64\n",
        },
      },
    ]);
  const revisions = (repo: string) => ["--repo", repo, "--base", "base", "--head", "head", "--json"];

  it("gives the effective batch analyze --json gives when the devices come from a launch script", async () => {
    const repo = launched();
    const analyzed = await cli("analyze", ...revisions(repo), "--quick");
    const detected = await cli("detect", ...revisions(repo));
    const typed = await cli("detect", join(repo, "recipes/sft.yaml"), "--json");
    expect([analyzed.code, detected.code, typed.code]).toEqual([0, 0, 0]);
    const report = JSON.parse(analyzed.stdout);
    const detection = JSON.parse(detected.stdout);
    const [file] = JSON.parse(typed.stdout).files;
    const analyzedChange = report.groups[0].changes[0];
    expect(analyzedChange.effective).toEqual({ before: 64, after: 128, ratio: 2 });
    expect(detection.changes.map((c: { effective: unknown }) => c.effective)).toEqual([analyzedChange.effective]);
    // One file typed, no comparison: the launch script beside it still gives the devices.
    expect(file.effective.value).toBe(analyzedChange.effective.after);
    expect(file.effective.formula).toBe(
      "16 (per device) × 2 (accumulation) × 4 (devices) — devices from scripts/sft.sh",
    );
    expect(file.path).toBe(join(repo, "recipes/sft.yaml"));
  }, 60_000);

  it("leaves out what the bot config's ignore leaves out, as analyze does", async () => {
    const { code, stdout } = await cli("detect", ...revisions(launched()));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes.map((c: { path: string }) => c.path)).toEqual(["recipes/sft.yaml"]);
  });
});
