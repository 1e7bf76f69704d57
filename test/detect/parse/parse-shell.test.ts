import { describe, expect, it } from "vitest";
import { parseShell } from "../../../src/detect/parse/parse-shell.js";
import type { Entry } from "../../../src/detect/types.js";
import { inEnglish } from "../../helpers/in-english.js";

const parse = (text: string) => parseShell(text, "train.sh");
const at = (entries: Entry[], dotted: string, context?: string) =>
  entries.filter((e) => e.path.join(".") === dotted && (context === undefined || e.context === context));
const one = (text: string, dotted: string, context?: string) => {
  const found = at(parse(text).entries, dotted, context);
  expect(found, `exactly one entry at ${dotted}`).toHaveLength(1);
  return found[0];
};
const brief = (entries: Entry[]) => entries.map((e) => [e.path.join("."), e.value, e.context]);

describe("parseShell: flags", () => {
  it("reads --flag value, --flag=value and short flags, dashes stripped and inner dashes kept", () => {
    const r = parse("python train.py --per_device_train_batch_size 8 --batch-size=32 --lr=1e-4 -b 64\n");
    expect(r.entries).toEqual([
      { path: ["per_device_train_batch_size"], value: 8, raw: "8", line: 1, column: 17, context: "python train.py" },
      { path: ["batch-size"], value: 32, raw: "32", line: 1, column: 49, context: "python train.py" },
      { path: ["lr"], value: 0.0001, raw: "1e-4", line: 1, column: 65, context: "python train.py" },
      { path: ["b"], value: 64, raw: "64", line: 1, column: 75, context: "python train.py" },
    ]);
  });

  it("reads a flag followed by another flag, or by the end, as boolean true", () => {
    const r = parse("python train.py --fp16 --bs 4 --do_train\n");
    expect(brief(r.entries)).toEqual([
      ["fp16", true, "python train.py"],
      ["bs", 4, "python train.py"],
      ["do_train", true, "python train.py"],
    ]);
    expect(r.entries[0].raw).toBe("--fp16");
  });

  it("takes the first of several values and keeps them all in raw", () => {
    expect(one("python train.py --lr 0.25 0.1\n", "lr")).toMatchObject({ value: 0.25, raw: "0.25 0.1" });
  });

  it("reads a negative number as a value, not a flag", () => {
    expect(one("python train.py --max_steps -1\n", "max_steps").value).toBe(-1);
  });

  it('removes quotes around a value: --per_device_train_batch_size="32"', () => {
    expect(one('python train.py --per_device_train_batch_size="32"\n', "per_device_train_batch_size")).toMatchObject({
      value: 32,
      raw: '"32"',
    });
  });

  it("reads -b64 as the short flag b with 64", () => {
    expect(one("python train.py -b64\n", "b").value).toBe(64);
  });

  it("works on a bare command line copied from a workflow", () => {
    expect(
      brief(parseShell("accelerate launch train.py --per_device_train_batch_size 16", "workflow run").entries),
    ).toEqual([["per_device_train_batch_size", 16, "accelerate launch train.py"]]);
  });
});

describe("parseShell: line continuations", () => {
  it("joins continued lines but keeps each flag on its own line", () => {
    const r = parse("python train.py \\\n  --per_device_train_batch_size 8 \\\n  --gradient_accumulation_steps 4\n");
    expect(r.entries.map((e) => [e.path[0], e.value, e.line, e.column])).toEqual([
      ["per_device_train_batch_size", 8, 2, 3],
      ["gradient_accumulation_steps", 4, 3, 3],
    ]);
  });

  it("handles CRLF line endings", () => {
    const r = parse("python train.py \\\r\n  --bs 8\r\n");
    expect(r.entries.map((e) => [e.path[0], e.value, e.line])).toEqual([["bs", 8, 2]]);
  });
});

describe("parseShell: variables", () => {
  it('substitutes $VAR, ${VAR} and "$VAR" and records the variables themselves', () => {
    const r = parse(
      "MICRO_BATCH_SIZE=2\nexport GA=4\nLR=${LR:-3e-4}\npython train.py --bs " +
        '$MICRO_BATCH_SIZE --ga "${GA}" --lr "$LR"\n',
    );
    expect(brief(r.entries)).toEqual([
      ["MICRO_BATCH_SIZE", 2, "shell variable"],
      ["GA", 4, "shell variable"],
      ["LR", 0.0003, "shell variable"],
      ["bs", 2, "python train.py"],
      ["ga", 4, "python train.py"],
      ["lr", 0.0003, "python train.py"],
    ]);
    // Reported where the value is written (the line a pull request edits), with the flag as the use.
    expect(at(r.entries, "bs")[0]).toMatchObject({ raw: "2", line: 1, usedAt: { line: 4, raw: "$MICRO_BATCH_SIZE" } });
  });

  it("takes the default of ${VAR:-8} when the file does not set VAR", () => {
    expect(one("BS=${BS:-8}\n", "BS")).toMatchObject({
      value: 8,
      raw: "${BS:-8}",
      line: 1,
      column: 1,
      context: "shell variable",
    });
  });

  it("evaluates $((…)) over known variables, Megatron style", () => {
    const e = one("GPUS_PER_NODE=8\nNUM_NODES=2\nWORLD_SIZE=$(($GPUS_PER_NODE*$NUM_NODES))\n", "WORLD_SIZE");
    expect(e).toMatchObject({ value: 16, raw: "$(($GPUS_PER_NODE*$NUM_NODES))", line: 3 });
    expect(one("A=7\nB=$(( (A + 1) / 3 ** 1 ))\n", "B").value).toBe(2);
  });

  it("says why a value is unknown: positional argument, unset variable, command output", () => {
    const r = parse("python train.py --data $1 --bs $BS --n $(nproc) --w $((GPUS * 2))\n");
    expect(inEnglish(r.entries.map((e) => [e.path[0], e.value, e.unknownReason]))).toEqual([
      ["data", null, "shell positional argument $1, passed by the caller"],
      ["bs", null, "shell variable BS is not set in this file"],
      ["n", null, "output of a shell command"],
      ["w", null, "shell variable GPUS is not set in this file"],
    ]);
  });

  it("names a GitHub Actions expression in a workflow run: line, and other parameter expansions", () => {
    const r = parseShell("python train.py --bs ${{ matrix.bs }} --name ${RUN%.*}", "workflow run");
    expect(inEnglish(r.entries.map((e) => [e.path[0], e.unknownReason]))).toEqual([
      ["bs", "GitHub Actions expression ${{ matrix.bs }}, filled in by the workflow"],
      ["name", "computed by shell parameter expansion ${RUN%.*}"],
    ]);
  });

  it("carries a variable's unknown reason to where it is used", () => {
    expect(inEnglish(one("BS=$1\npython t.py --bs $BS\n", "bs").unknownReason)).toBe(
      "shell positional argument $1, passed by the caller",
    );
  });

  it("refuses huge shell arithmetic", () => {
    expect(inEnglish(one("X=$((2**200))\n", "X").unknownReason)).toBe("the result is too large to evaluate exactly");
  });

  it("splits an unquoted variable into flags reported on the line that defines them", () => {
    const r = parse('GPT_ARGS="--micro-batch-size 4 --global-batch-size 16"\n\ntorchrun pretrain_gpt.py $GPT_ARGS\n');
    expect(at(r.entries, "micro-batch-size")[0]).toMatchObject({
      value: 4,
      line: 1,
      column: 11,
      context: "torchrun pretrain_gpt.py",
    });
    expect(at(r.entries, "global-batch-size")[0]).toMatchObject({ value: 16, line: 1 });
  });

  it('expands "${ARR[@]}" arrays into separate words', () => {
    const r = parse('ARGS=(--lr 3e-4 --bs 2)\npython t.py "${ARGS[@]}"\n');
    expect(brief(r.entries.filter((e) => e.context !== "shell variable"))).toEqual([
      ["lr", 0.0003, "python t.py"],
      ["bs", 2, "python t.py"],
    ]);
  });

  it("keeps `VAR=x cmd` as a variable for that command only, with the command as context", () => {
    const r = parse("CUDA_VISIBLE_DEVICES=0,1 python train.py --bs 4\npython other.py --n $CUDA_VISIBLE_DEVICES\n");
    expect(at(r.entries, "CUDA_VISIBLE_DEVICES")).toEqual([
      { path: ["CUDA_VISIBLE_DEVICES"], value: "0,1", raw: "0,1", line: 1, column: 1, context: "python train.py" },
    ]);
    expect(inEnglish(at(r.entries, "n")[0].unknownReason)).toBe(
      "shell variable CUDA_VISIBLE_DEVICES is not set in this file",
    );
  });

  it("names the values a loop variable takes", () => {
    expect(inEnglish(one("for bs in 8 16 32; do\n  python sweep.py --bs $bs\ndone\n", "bs").unknownReason)).toBe(
      "loop variable bs takes each of 8 16 32",
    );
  });
});

describe("parseShell: overrides", () => {
  it("splits Hydra overrides on dots, with +, ++ and ~ forms", () => {
    const r = parse("python train.py data.batch_size=64 ++trainer.devices=4 +model.lr=1e-3 ~callbacks.early_stop\n");
    expect(inEnglish(r.entries.map((e) => [e.path, e.value, e.unknownReason]))).toEqual([
      [["data", "batch_size"], 64, undefined],
      [["trainer", "devices"], 4, undefined],
      [["model", "lr"], 0.001, undefined],
      [
        ["callbacks", "early_stop"],
        null,
        "removed by the override ~callbacks.early_stop; the framework default applies",
      ],
    ]);
  });

  it("reads Ultralytics and MaxText style key=value arguments", () => {
    expect(brief(parse("yolo detect train data=coco.yaml batch=16\n").entries)).toEqual([
      ["data", "coco.yaml", "yolo train"],
      ["batch", 16, "yolo train"],
    ]);
    expect(
      one("python3 -m MaxText.train MaxText/configs/base.yml per_device_batch_size=0.5\n", "per_device_batch_size"),
    ).toMatchObject({ value: 0.5, context: "python -m MaxText.train" });
  });

  it("keeps a Hydra sweep list as written", () => {
    expect(one("python train.py -m data.batch_size=32,64\n", "data.batch_size").value).toBe("32,64");
  });
});

describe("parseShell: command contexts", () => {
  it("tells a launcher's flags from its script's", () => {
    const r = parse("torchrun --nproc_per_node 8 --nnodes=2 train.py --bs 4\n");
    expect(brief(r.entries)).toEqual([
      ["nproc_per_node", 8, "torchrun"],
      ["nnodes", 2, "torchrun"],
      ["bs", 4, "torchrun train.py"],
    ]);
  });

  it("does not take a launcher's script as the value of a boolean flag", () => {
    expect(brief(parse("torchrun --standalone --nproc_per_node=4 train.py --bs 2\n").entries)).toEqual([
      ["standalone", true, "torchrun"],
      ["nproc_per_node", 4, "torchrun"],
      ["bs", 2, "torchrun train.py"],
    ]);
  });

  it("names each launcher the same way", () => {
    const contexts = (line: string) => parse(line).entries.map((e) => e.context);
    expect(contexts("deepspeed --num_gpus 8 train.py --deepspeed ds.json")).toEqual([
      "deepspeed",
      "deepspeed train.py",
    ]);
    expect(contexts("accelerate launch --num_processes 4 -m axolotl.cli.train cfg.yml --micro_batch_size 2")).toEqual([
      "accelerate launch",
      "accelerate launch -m axolotl.cli.train",
      "accelerate launch -m axolotl.cli.train",
    ]);
    expect(contexts("python -m torch.distributed.launch --nproc_per_node=8 --use_env train.py --bs 4")).toEqual([
      "torchrun",
      "torchrun",
      "torchrun train.py",
    ]);
    expect(contexts("composer -n 8 train.py --bs 4")).toEqual(["composer", "composer train.py"]);
    expect(
      contexts("tune run --nproc_per_node 4 full_finetune_distributed --config llama3/8B_full batch_size=8"),
    ).toEqual(["tune run", "tune run full_finetune_distributed", "tune run full_finetune_distributed"]);
    expect(contexts("llamafactory-cli train cfg.yaml per_device_train_batch_size=2")).toEqual([
      "llamafactory-cli train",
      "llamafactory-cli train",
    ]);
    expect(contexts("litgpt finetune microsoft/phi-2 --train.micro_batch_size 4")).toEqual([
      "litgpt finetune",
      "litgpt finetune",
    ]);
    expect(contexts("fairseq-train data-bin/wmt --max-tokens 4096")).toEqual(["fairseq-train", "fairseq-train"]);
    expect(contexts("/usr/bin/python3.10 -u scripts/train.py --bs 1")).toEqual(["python scripts/train.py"]);
  });

  it("reads the command a wrapper runs: srun, nohup, env (whose variable belongs to the command it runs)", () => {
    const r = parse("srun --ntasks-per-node=8 nohup env OMP_NUM_THREADS=4 python train.py --bs 4 &\n");
    expect(brief(r.entries)).toEqual([
      ["ntasks-per-node", 8, "srun"],
      ["OMP_NUM_THREADS", 4, "python train.py"],
      ["bs", 4, "python train.py"],
    ]);
  });

  it("separates commands on ;, &&, || and |", () => {
    const r = parse("python a.py --x 1; python b.py --x 2 && python c.py --x 3 || python d.py --x 4 | tee log\n");
    expect(r.entries.map((e) => e.context)).toEqual(["python a.py", "python b.py", "python c.py", "python d.py"]);
  });

  it("skips redirections and here-documents", () => {
    const r = parse("cat > cfg.yaml <<EOF\nbatch_size: 128\n--bs 3\nEOF\npython train.py --bs 4 > log.txt 2>&1\n");
    expect(brief(r.entries)).toEqual([["bs", 4, "python train.py"]]);
  });

  it('parses bash function bodies that pass "$@" on', () => {
    const r = parse('train() {\n  python train.py --bs 8 "$@"\n}\ntrain --lr 1e-4\n');
    expect(brief(r.entries)).toEqual([
      ["bs", 8, "python train.py"],
      ["lr", 0.0001, "train"],
    ]);
  });

  it("does not read flags inside echo or tests as settings", () => {
    expect(
      parse('echo "--batch_size 64"\nif [ "$X" -gt 4 ]; then python t.py --bs 2; fi\n').entries.map((e) => e.path[0]),
    ).toEqual(["bs"]);
  });
});

describe("parseShell: positional arguments", () => {
  it("emits a script's positional arguments as #1, #2 with the script as context and their own position", () => {
    const r = parse("./distributed_train.sh 4 --data-dir /data/imagenet \\\n  -b 128\n");
    expect(r.entries).toEqual([
      { path: ["#1"], value: 4, raw: "4", line: 1, column: 24, context: "./distributed_train.sh" },
      {
        path: ["data-dir"],
        value: "/data/imagenet",
        raw: "/data/imagenet",
        line: 1,
        column: 26,
        context: "./distributed_train.sh",
      },
      { path: ["b"], value: 128, raw: "128", line: 2, column: 3, context: "./distributed_train.sh" },
    ]);
  });

  it("names a script run by a shell with the shell and the script as written, skipping the shell's own options", () => {
    expect(
      brief(parse("bash tools/dist_train.sh configs/rtmdet/rtmdet_l_8xb32-300e_coco.py 8 --auto-scale-lr\n").entries),
    ).toEqual([
      ["#1", "configs/rtmdet/rtmdet_l_8xb32-300e_coco.py", "bash tools/dist_train.sh"],
      ["#2", 8, "bash tools/dist_train.sh"],
      ["auto-scale-lr", true, "bash tools/dist_train.sh"],
    ]);
    expect(brief(parse("sh -x ./tools/dist_train.sh cfg.py 4\n").entries)).toEqual([
      ["#1", "cfg.py", "sh ./tools/dist_train.sh"],
      ["#2", 4, "sh ./tools/dist_train.sh"],
    ]);
    expect(parse('bash -c "./tools/dist_train.sh cfg.py 4"\n').entries).toEqual([]);
  });

  it("counts from the first word after the words the context names, like $1 in the script", () => {
    const r = parse(
      "python -m torch.distributed.launch --nproc_per_node=2 tools/train.py cfg.py " +
        "--launcher pytorch\nllamafactory-cli train examples/llama3_lora_sft.yaml\n",
    );
    expect(brief(r.entries.filter((e) => e.path[0].startsWith("#")))).toEqual([
      ["#1", "cfg.py", "torchrun tools/train.py"],
      ["#1", "examples/llama3_lora_sft.yaml", "llamafactory-cli train"],
    ]);
  });

  it("does not read a flag's values as positionals", () => {
    const r = parse("python train.py --lr 0.25 0.1 --input a.jpg b.jpg\n");
    expect(r.entries.map((e) => e.path[0])).toEqual(["lr", "input"]);
  });

  it("numbers a word split out of a known variable by where it lands", () => {
    const r = parse('ARGS="cfg.py 8"\n./tools/dist_train.sh $ARGS\n');
    expect(r.entries.filter((e) => e.context !== "shell variable").map((e) => [e.path[0], e.value, e.line])).toEqual([
      ["#1", "cfg.py", 1],
      ["#2", 8, 1],
    ]);
  });

  it("keeps a quoted unknown positional with its reason", () => {
    const r = parse('./tools/dist_train.sh "$1" "${GPUS}"\n');
    expect(inEnglish(r.entries.map((e) => [e.path[0], e.value, e.unknownReason]))).toEqual([
      ["#1", null, "shell positional argument $1, passed by the caller"],
      ["#2", null, "shell variable GPUS is not set in this file"],
    ]);
  });

  it("stops numbering after a word that may be any number of words", () => {
    expect(parse('./tools/dist_train.sh "$@" 8\n').entries).toEqual([]);
    expect(parse("./tools/dist_train.sh ${@:1} 8\n").entries).toEqual([]);
    // An unset, unquoted $CONFIG could split into several words: 8 may not be $2.
    expect(brief(parse("./tools/dist_train.sh $CONFIG 8\n").entries)).toEqual([["#1", null, "./tools/dist_train.sh"]]);
  });

  it("leaves commands that carry no settings alone", () => {
    expect(parse("echo 8\ncd tools\nmkdir -p work_dirs/x\nsleep 10\n").entries).toEqual([]);
  });
});

describe("parseShell: environment of one command", () => {
  it("reads `GPUS=8 ./tools/slurm_train.sh` with the script as context", () => {
    const r = parse(
      "GPUS=16 GPUS_PER_NODE=8 ./tools/slurm_train.sh dev rtmdet configs/rtmdet/rtmdet_l.py work_dirs/rtmdet\n",
    );
    expect(brief(r.entries)).toEqual([
      ["GPUS", 16, "./tools/slurm_train.sh"],
      ["GPUS_PER_NODE", 8, "./tools/slurm_train.sh"],
      ["#1", "dev", "./tools/slurm_train.sh"],
      ["#2", "rtmdet", "./tools/slurm_train.sh"],
      ["#3", "configs/rtmdet/rtmdet_l.py", "./tools/slurm_train.sh"],
      ["#4", "work_dirs/rtmdet", "./tools/slurm_train.sh"],
    ]);
  });

  it("keeps a variable set before a command that carries no settings as a shell variable", () => {
    expect(brief(parse("GPUS=8 echo go\n").entries)).toEqual([["GPUS", 8, "shell variable"]]);
  });
});

describe("parseShell: yacs options", () => {
  it("reads detectron2's KEY VALUE pairs after the flags, split on dots, at the key", () => {
    const r = parse(
      "python tools/train_net.py --num-gpus 8 --config-file configs/x.yaml " +
        "SOLVER.IMS_PER_BATCH 16 SOLVER.BASE_LR 0.02\n",
    );
    expect(r.entries.map((e) => [e.path, e.value, e.raw, e.column, e.context])).toEqual([
      [["num-gpus"], 8, "8", 27, "python tools/train_net.py"],
      [["config-file"], "configs/x.yaml", "configs/x.yaml", 40, "python tools/train_net.py"],
      [["SOLVER", "IMS_PER_BATCH"], 16, "16", 69, "python tools/train_net.py"],
      [["SOLVER", "BASE_LR"], 0.02, "0.02", 93, "python tools/train_net.py"],
    ]);
  });

  it("reads them after --opts, and after a boolean flag", () => {
    const r = parse(
      "python demo.py --opts MODEL.WEIGHTS model.pkl MODEL.DEVICE cpu\npython " +
        "tools/train_net.py --eval-only MODEL.WEIGHTS $W\n",
    );
    expect(inEnglish(r.entries.map((e) => [e.path.join("."), e.value, e.unknownReason]))).toEqual([
      ["opts", true, undefined],
      ["MODEL.WEIGHTS", "model.pkl", undefined],
      ["MODEL.DEVICE", "cpu", undefined],
      ["eval-only", true, undefined],
      ["MODEL.WEIGHTS", null, "shell variable W is not set in this file"],
    ]);
  });

  it("reads top-level keys (OUTPUT_DIR) among dotted ones, and not in a command without them", () => {
    const r = parse(
      "python tools/train_net.py --config-file x.yaml OUTPUT_DIR out SOLVER.STEPS " +
        '"(210000, 250000)"\n./run.sh DEBUG 1\n',
    );
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.context])).toEqual([
      ["config-file", "x.yaml", "python tools/train_net.py"],
      ["OUTPUT_DIR", "out", "python tools/train_net.py"],
      ["SOLVER.STEPS", "(210000, 250000)", "python tools/train_net.py"],
      ["#1", "DEBUG", "./run.sh"],
      ["#2", 1, "./run.sh"],
    ]);
  });

  it("reads an upper-case word with no value after it as a positional, not an option", () => {
    expect(brief(parse("python check.py README.MD\npython check.py NOTES.TXT --fix\n").entries)).toEqual([
      ["#1", "README.MD", "python check.py"],
      ["#1", "NOTES.TXT", "python check.py"],
      ["fix", true, "python check.py"],
    ]);
  });
});

describe("parseShell: SLURM headers", () => {
  it("reads #SBATCH lines as sbatch settings and derives the GPUs per node from --gres", () => {
    const r = parse(
      "#!/bin/bash\n#SBATCH --nodes=2\n#SBATCH --gres=gpu:4\n#SBATCH " +
        "--ntasks-per-node=8\n#SBATCH -J job\nsrun python train.py\n",
    );
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.raw, e.line, e.context])).toEqual([
      ["nodes", 2, "2", 2, "sbatch"],
      ["gres", "gpu:4", "gpu:4", 3, "sbatch"],
      ["gpus", 4, "gpu:4", 3, "sbatch"],
      ["ntasks-per-node", 8, "8", 4, "sbatch"],
      ["J", "job", "job", 5, "sbatch"],
    ]);
    expect(r.comments).toEqual([]);
  });

  it("reads a typed gres (gpu:a100:8)", () => {
    expect(one("#SBATCH --gres=gpu:a100:8\n", "gpus").value).toBe(8);
  });

  it("does not treat a commented-out #SBATCH in the middle of a line as a directive", () => {
    expect(parse("echo x # #SBATCH --nodes=4\n").entries).toEqual([]);
  });
});

describe("parseShell: comments and malformed input", () => {
  it("keeps commented-out flags as comments, not settings", () => {
    const r = parse("# --batch_size 64\npython train.py --batch_size 8 # was --batch_size 16\n");
    expect(brief(r.entries)).toEqual([["batch_size", 8, "python train.py"]]);
    expect(r.comments).toEqual([
      { line: 1, text: "--batch_size 64" },
      { line: 2, text: "was --batch_size 16" },
    ]);
  });

  it("reports an unterminated quote with its line and still reads what came before", () => {
    const r = parse("python a.py --bs 4\npython b.py --name 'oops\n");
    expect(r.errors).toEqual([
      {
        message: "shell: unterminated single quote",
        line: 2,
        column: 20,
        problem: { id: "parse.shellUnterminatedSingle" },
      },
    ]);
    expect(at(r.entries, "bs")[0].value).toBe(4);
  });

  it("reports an unclosed $( with its line", () => {
    expect(parse("X=$(date\n").errors[0]).toMatchObject({ message: "shell: unclosed $(", line: 1, column: 3 });
  });

  it("stays bounded when a variable doubles itself", () => {
    const lines = ["A=x"];
    for (let i = 0; i < 40; i++) lines.push('A="$A $A"');
    lines.push("python t.py $A");
    const r = parse(lines.join("\n") + "\n");
    expect(inEnglish(at(r.entries, "A").at(-1)?.unknownReason)).toBe("value too long to expand statically");
  });
});
