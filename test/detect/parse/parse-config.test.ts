import { describe, expect, it } from "vitest";
import { formatOf, parseConfig } from "../../../src/detect/parse/parse-config.js";

describe("formatOf", () => {
  it("goes by extension first", () => {
    expect(["a.toml", "b.py", "c.sh", "d.slurm", "e.gin", "f.yaml", "g.jsonc"].map((p) => formatOf(p, ""))).toEqual([
      "toml",
      "python",
      "shell",
      "shell",
      "gin",
      "yaml",
      "json",
    ]);
  });

  it("recognises headerless files by their content", () => {
    expect(formatOf("run", "#!/usr/bin/env bash\npython train.py\n")).toBe("shell");
    expect(formatOf("job", "#SBATCH --nodes=2\nsrun python t.py\n")).toBe("shell");
    expect(formatOf("cmd", "torchrun --nproc_per_node 8 train.py --bs 4")).toBe("shell");
    expect(formatOf("config", "# torchtitan\n[training]\nlocal_batch_size = 8\n")).toBe("toml");
    expect(formatOf("config", "include 'base.gin'\nBATCH_SIZE = 128\n")).toBe("gin");
    expect(formatOf("config", "train/utils.DatasetConfig.batch_size = %BATCH_SIZE\n")).toBe("gin");
    expect(formatOf("config", "from mmengine import read_base\ntrain_dataloader = dict(batch_size=2)\n")).toBe(
      "python",
    );
    expect(formatOf("data", '[{"a": 1}]')).toBe("json");
    expect(formatOf("notes", "just some words\n")).toBe("text");
  });
});

describe("parseConfig", () => {
  it("dispatches every format to its parser", () => {
    const cases: Array<[string, string, string]> = [
      ["a.toml", "[training]\nlocal_batch_size = 8\n", "training.local_batch_size"],
      ["a.py", "batch_size = 8\n", "batch_size"],
      ["a.sh", "python t.py --batch_size 8\n", "batch_size"],
      ["a.gin", "BATCH_SIZE = 8\n", "BATCH_SIZE"],
      ["a.yaml", "batch_size: 8\n", "batch_size"],
      ["a.json", '{"batch_size": 8}', "batch_size"],
    ];
    for (const [path, text, key] of cases) {
      const r = parseConfig(path, text);
      expect(r.errors, path).toEqual([]);
      expect(
        r.entries.map((e) => [e.path.join("."), e.value]),
        path,
      ).toEqual([[key, 8]]);
    }
  });
});
