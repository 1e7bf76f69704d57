import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { parseShell } from "../../../src/detect/parse/parse-shell.js";
import { fixture, table } from "../frameworks/read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

const entry = (text: string, key: string) => parseShell(text, "run.sh").entries.find((e) => e.path.join(".") === key);

describe("shell as written", () => {
  it("ARR+=(…) appends to the array, so flags added later reach the command", () => {
    const r = parseShell(
      "ARGS=(--micro-batch-size 2)\nEXTRA=(--global-batch-size " +
        '64)\nARGS+=("${EXTRA[@]}")\ntorchrun pretrain_gpt.py ${ARGS[@]}\n',
      "run.sh",
    );
    expect(r.entries.filter((e) => e.context === "torchrun pretrain_gpt.py").map((e) => [e.path[0], e.value])).toEqual([
      ["micro-batch-size", 2],
      ["global-batch-size", 64],
    ]);
  });

  it('--flag=$X and --flag="$1" keep the flag\'s name; an unknown value is named as unknown', () => {
    expect(inEnglish(entry('python train.py --lr="$2"\n', "lr"))).toMatchObject({
      value: null,
      unknownReason: "shell positional argument $2, passed by the caller",
    });
    expect(entry("python train.py data.batch_size=$3\n", "data.batch_size")).toMatchObject({ value: null });
  });

  it("reports the line where the value is written, with the flag as the use", () => {
    const e = entry(
      "export BS=64\n\npython train.py --per_device_train_batch_size $BS\n",
      "per_device_train_batch_size",
    );
    expect(e).toMatchObject({ value: 64, raw: "64", line: 1, usedAt: { line: 3, raw: "$BS" } });
  });

  it('a positional default ${3:-"24"} is the value when no argument is passed, at the line that writes it', () => {
    const r = detectFile("run_squad.sh", fixture("generic", "run_squad_defaults.sh"));
    // The variable batch_size and the flag that uses it are one setting: the flag, at line 5.
    expect(table(r).filter(([, role]) => role === "micro_batch" || role === "devices")).toEqual([
      [7, "devices", "nproc_per_node", 8],
      [5, "micro_batch", "train_batch_size", 24],
    ]);
    expect(r.effective.value).toBe(24 * 8);
  });

  it("digit groups (50_000) are numbers, as Python's int() reads them", () => {
    expect(entry("python train.py --max_steps 50_000\n", "max_steps")?.value).toBe(50000);
  });

  it("$(expr 16 / $N) is arithmetic; any other command's output is unknown", () => {
    expect(entry("N=2\npython t.py --ga $(expr 16 / $N)\n", "ga")?.value).toBe(8);
    expect(entry("python t.py --ga $(nproc)\n", "ga")?.value).toBeNull();
  });

  it("read -d '' VAR <<EOF: the here-document's flags are read where they are written", () => {
    const r = detectFile("train_sft.sh", fixture("generic", "heredoc_sft.sh"));
    expect(table(r).filter(([, role]) => role.endsWith("batch") || role === "devices")).toEqual([
      [13, "devices", "num_gpus", 8],
      [6, "global_batch", "train_batch_size", 128],
      [7, "micro_batch", "micro_train_batch_size", 2],
    ]);
    expect(r.effective.value).toBe(128);
  });
});
