import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { inEnglish } from "../../helpers/in-english.js";

const FIXTURE = "gpt3_345m_1N8G_tp2_pp2_model_config.yaml";
const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/configs/megatron/${name}`, import.meta.url), "utf8");
const table = (r: ReturnType<typeof detectFile>) => r.settings.map((s) => [s.line, s.role, s.key, s.value]);

describe("Megatron-LM functional-test YAML", () => {
  const path = `tests/functional_tests/test_cases/gpt/${FIXTURE}`;

  it("reads flags written as keys, with MODEL_ARGS overriding the merged anchor", () => {
    const r = detectFile(path, fixture(FIXTURE));
    expect(r.framework).toBe("megatron");
    expect(table(r)).toEqual([
      [11, "global_batch", "MODEL_ARGS.--global-batch-size", 32],
      [12, "seq_len", "MODEL_ARGS.--seq-length", 1024],
      [14, "max_steps", "MODEL_ARGS.--train-iters", 50],
      [15, "learning_rate", "MODEL_ARGS.--lr", 0.00015],
      [18, "warmup", "MODEL_ARGS.--lr-warmup-fraction", 0.01],
      [21, "micro_batch", "MODEL_ARGS.--micro-batch-size", 4],
      [22, "tensor_parallel", "MODEL_ARGS.--tensor-model-parallel-size", 2],
      [23, "pipeline_parallel", "MODEL_ARGS.--pipeline-model-parallel-size", 2],
      [1, "devices", "test name", 8],
      [1, "nodes", "test name", 1],
    ]);
  });

  it("divides the 8 GPUs of 1N8G by TP 2 × PP 2 and derives 4 micro-batches per step", () => {
    const r = detectFile(path, fixture(FIXTURE));
    expect(inEnglish(r.effective)).toMatchObject({
      value: 32,
      formula:
        "32 (global) = 4 (per device) × 4 (accumulation, derived) × 2 (data-parallel " +
        "= 8 devices ÷ 2 tensor ÷ 2 pipeline)",
      parts: { micro: 4, accum: 4, devices: 2 },
      unknown: [],
    });
    expect(r.warnings).toEqual([]);
  });

  it("a micro-batch change under a fixed global batch changes only the accumulation", () => {
    const changed = fixture(FIXTURE).replace("--micro-batch-size: 4", "--micro-batch-size: 8");
    const r = detectFile(path, changed);
    expect(r.effective.value).toBe(32);
    expect(r.effective.parts.accum).toBe(2);
  });

  it("flags a global batch that micro × data-parallel GPUs does not divide", () => {
    const r = detectFile(path, fixture(FIXTURE).replace("--global-batch-size: 32", "--global-batch-size: 36"));
    expect(inEnglish(r.warnings)).toEqual(["Global batch 36 is not divisible by micro batch × devices = 4 × 2"]);
  });
});

describe("Megatron-LM launch script", () => {
  const text = () => fixture("pretrain_gpt_tp2_cp2.sh");

  it(
    "resolves shell variables into the flags, each reported where its value is " +
      "written, and reads torchrun's GPUs per node and nodes",
    () => {
      const r = detectFile("examples/gpt3/pretrain_gpt_tp2_cp2.sh", text());
      expect(r.framework).toBe("megatron");
      expect(table(r)).toEqual([
        [5, "devices", "nproc_per_node", 8],
        [6, "nodes", "nnodes", 2],
        [12, "seq_len", "seq-length", 8192],
        [10, "micro_batch", "micro-batch-size", 2],
        [11, "global_batch", "global-batch-size", 256],
        [21, "batch_rampup", "rampup-batch-size", 32],
        [22, "tensor_parallel", "tensor-model-parallel-size", 2],
        [23, "context_parallel", "context-parallel-size", 2],
        [24, "learning_rate", "lr", 0.0003],
        [24, "warmup", "lr-warmup-iters", 2000],
        [25, "max_steps", "train-iters", 100000],
      ]);
      expect(r.settings.find((s) => s.role === "batch_rampup")?.raw).toBe("32 32 1000000");
    },
  );

  it("leaves 16 GPUs ÷ (TP 2 × CP 2) = 4 data-parallel ranks, so 32 micro-batches make the global 256", () => {
    expect(inEnglish(detectFile("pretrain.sh", text()).effective)).toMatchObject({
      value: 256,
      formula:
        "256 (global) = 2 (per device) × 32 (accumulation, derived) × 4 " +
        "(data-parallel = 16 devices ÷ 2 tensor ÷ 2 context)",
      parts: { micro: 2, accum: 32, devices: 4 },
      unknown: [],
    });
  });

  it("doubling the context-parallel size halves the data-parallel ranks and doubles the accumulation", () => {
    const r = detectFile("pretrain.sh", text().replace("--context-parallel-size 2", "--context-parallel-size 4"));
    expect(r.effective.value).toBe(256);
    expect(r.effective.parts).toMatchObject({ devices: 2, accum: 64 });
  });

  it("without --global-batch-size the batch is micro × data-parallel ranks", () => {
    const r = detectFile("pretrain.sh", text().replace(/^\s+--global-batch-size.*\n/m, ""));
    expect(r.effective).toMatchObject({
      value: 8,
      formula: "2 (per device) × 1 (no accumulation) × 4 (data-parallel = 16 devices ÷ 2 tensor ÷ 2 context)",
    });
  });
});

describe("Megatron-LM script with bash argument arrays", () => {
  const text = () => fixture("train_gpt_13b_4nodes.sh");

  it("reads flags gathered in arrays and expanded with ${ARGS[@]}", () => {
    const r = detectFile("examples/gpt3/train_gpt_13b_4nodes.sh", text());
    expect(r.framework).toBe("megatron");
    expect(table(r)).toEqual([
      [7, "devices", "nproc_per_node", 8],
      [8, "nodes", "nnodes", 4],
      [28, "seq_len", "seq-length", 4096],
      [33, "micro_batch", "micro-batch-size", 2],
      [34, "global_batch", "global-batch-size", 1024],
      [35, "max_steps", "train-iters", 250000],
      [36, "learning_rate", "lr", 0.00015],
      [39, "warmup", "lr-warmup-fraction", 0.01],
      [46, "tensor_parallel", "tensor-model-parallel-size", 4],
      [47, "pipeline_parallel", "pipeline-model-parallel-size", 2],
    ]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: 1024,
      formula:
        "1024 (global) = 2 (per device) × 128 (accumulation, derived) × 4 " +
        "(data-parallel = 32 devices ÷ 4 tensor ÷ 2 pipeline)",
      unknown: [],
    });
  });

  it("names a model-parallel size the GPUs cannot hold instead of using a fractional data-parallel degree", () => {
    const r = detectFile(
      "train.sh",
      text()
        .replace("NUM_NODES=4", "NUM_NODES=1")
        .replace("--tensor-model-parallel-size 4", "--tensor-model-parallel-size 16"),
    );
    expect(r.effective.parts.devices).toBeNull();
    expect(inEnglish(r.effective.unknown)).toEqual(["devices: 8 is not divisible by the model-parallel size 32"]);
    expect(r.effective.value).toBe(1024);
  });
});
