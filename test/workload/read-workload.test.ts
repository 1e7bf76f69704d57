import { describe, expect, it } from "vitest";
import { workloadOf } from "./workload-of.js";

/** Llama-3.1-8B's config.json (hidden 4096, 32 layers, 32 heads, 8 KV heads of 128, MLP 14336). */
const H = 4096;
const LAYERS = 32;
const KV_WIDTH = 8 * 128;
const INNER = 14336;

describe("the model a config trains", () => {
  it("a Hub id under model_name_or_path is the catalogue entry, named with its page", () => {
    const w = workloadOf(
      "sft.yaml",
      "model_name_or_path: meta-llama/Llama-3.2-1B\nmax_seq_length: 2048\nper_device_train_batch_size: 8\n",
    );
    expect(w.model.value).toMatchObject({
      id: "meta-llama/Llama-3.2-1B",
      hidden: 2048,
      layers: 16,
      heads: 32,
      kvHeads: 8,
      intermediate: 8192,
      vocab: 128256,
      gated: true,
    });
    expect(w.model.source).toEqual({
      kind: "catalogue",
      id: "meta-llama/Llama-3.2-1B",
      url: "https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/config.json",
    });
    expect(w.seqLen).toEqual({
      value: 2048,
      source: { kind: "config", file: "sft.yaml", key: "max_seq_length", line: 2 },
    });
    expect(w.issues).toEqual([]);
  });

  it("a torchtune LoRA builder is the base model plus LoRA with its rank and attention modules", () => {
    const yaml = [
      "model:",
      "  _component_: torchtune.models.llama3_2.lora_llama3_2_1b",
      "  lora_attn_modules: ['q_proj', 'v_proj', 'output_proj']",
      "  apply_lora_to_mlp: true",
      "  lora_rank: 64",
      "  lora_alpha: 128",
      "batch_size: 4",
      "dtype: bf16",
      "optimizer:",
      "  _component_: torch.optim.AdamW",
    ].join("\n");
    const w = workloadOf("lora_finetune.yaml", yaml);
    expect(w.model.value?.id).toBe("meta-llama/Llama-3.2-1B");
    expect(w.method).toMatchObject({ value: "lora", source: { kind: "config", key: "model._component_", line: 2 } });
    expect(w.lora.value).toMatchObject({ rank: 64, alpha: 128, modules: ["q", "v", "o", "gate", "down", "up"] });
    expect(w.precision.value).toBe("bf16"); // torchtune trains its weights in the dtype it names
  });

  it(
    "nanoGPT's n_layer/n_head/n_embd/block_size give GPT-2 124M's shape, counted " + "without biases as train.py sets",
    () => {
      const w = workloadOf(
        "config/train_gpt2.py",
        "batch_size = 12\nblock_size = 1024\ngradient_accumulation_steps = 5 * " +
          "8\nn_layer = 12\nn_head = 12\nn_embd = 768\n",
      );
      // wte 50304·768 + wpe 1024·768 + 12 × (4·768² attention + 2·768·3072 MLP + 2 LayerNorm weights of 768) + final
      // LayerNorm 768.
      const expected = 50304 * 768 + 1024 * 768 + 12 * (4 * 768 ** 2 + 2 * 768 * 3072 + 2 * 768) + 768;
      expect(w.model.value?.parameters).toBe(expected);
      expect(expected - 1024 * 768).toBe(123_587_328); // nanoGPT prints "number of parameters: 123.59M" (without wpe)
      expect(w.model.source).toMatchObject({ kind: "config", key: "n_layer, n_embd, n_head", line: 4 });
      expect(w.precision.source).toMatchObject({ kind: "default", framework: "nanogpt" });
    },
  );

  it("Megatron flags give the shape: --num-layers, --hidden-size, --num-attention-heads, --seq-length", () => {
    const w = workloadOf(
      "pretrain.sh",
      "torchrun --nproc_per_node 8 pretrain_gpt.py --num-layers 24 --hidden-size " +
        "2048 --num-attention-heads 16 --seq-length 2048 --micro-batch-size 4 " +
        "--global-batch-size 256 --bf16\n",
    );
    expect(w.model.value).toMatchObject({ hidden: 2048, layers: 24, heads: 16, vocab: 50304 });
    expect(w.precision).toMatchObject({ value: "mixed", source: { key: "--bf16" } });
    expect(w.seqLen.value).toBe(2048);
  });

  it("an unknown id is unknown, with its key and line, the closest names and the hint to add", () => {
    const w = workloadOf(
      "sft.yaml",
      "learning_rate: 2e-5\nmodel_name_or_path: acme/llama-3.2-2b-custom\nper_device_train_batch_size: 8\n",
    );
    expect(w.model.value).toBeNull();
    expect(w.model.source).toMatchObject({
      kind: "unknown",
      key: "model_name_or_path",
      line: 2,
      hint: { id: "hint.addModel" },
    });
    const [issue] = w.issues;
    expect(issue).toMatchObject({ id: "unknown-model", key: "model_name_or_path", line: 2 });
    expect(issue.params?.closest).toMatch(/\w/);
    expect(issue.params).toMatchObject({ model: "acme/llama-3.2-2b-custom" });
    expect(w.trainableParameters.value).toBeNull();
  });
});

describe("the method", () => {
  const lora = (extra: string) =>
    `base_model: meta-llama/Llama-3.1-8B\nmicro_batch_size: 2\nlora_r: 16\nlora_alpha: 32\n${extra}`;

  it("axolotl LoRA on q, k, v, o: r·L·((h + h) + 2(h + kv) + (h + h)) trainable parameters", () => {
    const w = workloadOf(
      "lora.yml",
      lora("adapter: lora\nlora_target_modules:\n  - q_proj\n  - k_proj\n  - v_proj\n  - o_proj\n"),
    );
    expect(w.method.value).toBe("lora");
    expect(w.baseQuantization.value).toBe("none");
    expect(w.trainableParameters.value).toBe(16 * LAYERS * (2 * (H + H) + 2 * (H + KV_WIDTH)));
  });

  it("axolotl QLoRA (4-bit, double quantization by default) with lora_target_linear covers every linear layer", () => {
    const w = workloadOf("qlora.yml", lora("adapter: qlora\nload_in_4bit: true\nlora_target_linear: true\n"));
    expect(w.method.value).toBe("qlora");
    expect(w.baseQuantization.value).toBe("nf4-double");
    const attention = 2 * (H + H) + 2 * (H + KV_WIDTH);
    const mlp = 3 * (H + INNER);
    expect(w.trainableParameters.value).toBe(16 * LAYERS * (attention + mlp));
  });

  it("LLaMA-Factory: finetuning_type lora, lora_target all, quantization_bit 4, checkpointing on by default", () => {
    const w = workloadOf(
      "llama3_lora_sft.yaml",
      "model_name_or_path: meta-llama/Llama-3.1-8B\nstage: sft\nfinetuning_type: " +
        "lora\nlora_rank: 8\nlora_target: all\nquantization_bit: " +
        "4\nper_device_train_batch_size: 1\ncutoff_len: 2048\nbf16: true\n",
    );
    expect(w.method.value).toBe("qlora");
    expect(w.lora.value).toMatchObject({ rank: 8, alpha: 16, modules: ["q", "k", "v", "o", "gate", "up", "down"] });
    expect(w.checkpointing).toMatchObject({ value: true, source: { kind: "default", framework: "LLaMA-Factory" } });
    expect(w.seqLen.value).toBe(2048);
  });

  it("a LoRA target that names no module of the model is named with its key and line and left out", () => {
    const w = workloadOf("lora.yml", lora("adapter: lora\nlora_target_modules:\n  - q_proj\n  - query_key_valu\n"));
    expect(w.lora.value?.modules).toEqual(["q"]);
    expect(w.issues).toEqual([
      expect.objectContaining({
        id: "lora-target-unknown",
        key: "lora_target_modules",
        line: 8,
        params: expect.objectContaining({ target: "query_key_valu" }),
      }),
    ]);
    expect(w.trainableParameters.value).toBe(16 * LAYERS * (H + H));
  });

  it("a full fine-tune trains every parameter", () => {
    const w = workloadOf("sft.yaml", "model_name_or_path: meta-llama/Llama-3.2-1B\nper_device_train_batch_size: 8\n");
    expect(w.method).toMatchObject({ value: "full", source: { kind: "default" } });
    expect(w.trainableParameters.value).toBe(w.parameters.value);
  });
});

describe("precision, optimizer and activation memory", () => {
  const hf = (extra: string) => `model_name_or_path: meta-llama/Llama-3.2-1B\nper_device_train_batch_size: 8\n${extra}`;

  it("each from its key and line, or the framework's default named", () => {
    const w = workloadOf(
      "sft.yaml",
      hf(
        "bf16: true\noptim: paged_adamw_8bit\ngradient_checkpointing: " +
          "true\nattn_implementation: flash_attention_2\npacking: true\n",
      ),
    );
    expect(w.precision).toEqual({ value: "mixed", source: { kind: "config", file: "sft.yaml", key: "bf16", line: 3 } });
    expect(w.optimizer.value).toBe("paged-adamw-8bit");
    expect(w.checkpointing.value).toBe(true);
    expect(w.attention.value).toBe("flash");
    expect(w.packing.value).toBe(true);
    const bare = workloadOf("sft.yaml", hf(""));
    expect(bare.precision).toMatchObject({ value: "fp32", source: { kind: "default", framework: "huggingface" } });
    expect(bare.attention).toMatchObject({ value: "sdpa", source: { kind: "default" } });
  });

  it("Lightning's precision strings and torch_dtype's pure 16-bit weights", () => {
    expect(workloadOf("a.yaml", hf("precision: bf16-mixed\n")).precision.value).toBe("mixed");
    expect(workloadOf("a.yaml", hf("precision: bf16-true\n")).precision.value).toBe("bf16");
    expect(workloadOf("a.yaml", hf("bf16: true\ntorch_dtype: bfloat16\n")).precision.value).toBe("bf16");
  });
});

describe("DeepSpeed, FSDP and the GPU", () => {
  const hf =
    "model_name_or_path: meta-llama/Llama-3.2-1B\nper_device_train_batch_size: 8\ndeepspeed: configs/ds_z3.json\n";

  it("the ZeRO stage and offload come from the JSON the config names", () => {
    const ds = JSON.stringify(
      { zero_optimization: { stage: 3, offload_optimizer: { device: "cpu" }, offload_param: { device: "none" } } },
      null,
      2,
    );
    const w = workloadOf("train.yaml", hf, { files: { "configs/ds_z3.json": ds } });
    expect(w.zero.value).toEqual({
      stage: 3,
      offloadOptimizer: true,
      offloadParameters: false,
      file: "configs/ds_z3.json",
    });
    expect(w.zero.source).toMatchObject({
      kind: "config",
      file: "configs/ds_z3.json",
      key: "zero_optimization.stage",
      line: 3,
    });
  });

  it("a DeepSpeed file that is missing, or does not parse, is named with the key and line that named it", () => {
    const missing = workloadOf("train.yaml", hf);
    expect(missing.zero.value).toBeNull();
    expect(missing.issues).toEqual([expect.objectContaining({ id: "deepspeed-missing", key: "deepspeed", line: 3 })]);
    const broken = workloadOf("train.yaml", hf, {
      files: { "configs/ds_z3.json": '{ "zero_optimization": { "stage": 3, } ' },
    });
    expect(broken.zero.value).toBeNull();
    expect(broken.issues).toEqual([expect.objectContaining({ id: "deepspeed-invalid", key: "deepspeed", line: 3 })]);
    // The rest of the workload still holds.
    expect(broken.model.value?.id).toBe("meta-llama/Llama-3.2-1B");
  });

  it("a config.json the config names that is missing is named with its key and line", () => {
    const w = workloadOf("train.yaml", "model_name_or_path: ./checkpoints/my-model\nper_device_train_batch_size: 8\n");
    expect(w.issues[0]).toMatchObject({ id: "config-json-missing", key: "model_name_or_path", line: 1 });
    const found = workloadOf(
      "train.yaml",
      "model_name_or_path: ./checkpoints/my-model\nper_device_train_batch_size: 8\n",
      {
        files: {
          "checkpoints/my-model/config.json": JSON.stringify({
            model_type: "llama",
            hidden_size: 512,
            num_hidden_layers: 4,
            num_attention_heads: 8,
            num_key_value_heads: 2,
            intermediate_size: 1024,
            vocab_size: 1000,
            max_position_embeddings: 512,
          }),
        },
      },
    );
    expect(found.model.value).toMatchObject({ hidden: 512, layers: 4, kvHeads: 2, gated: true });
    expect(found.model.source).toMatchObject({ kind: "config", key: "model_name_or_path", line: 1 });
  });

  it("FSDP's strategy from HF's fsdp string; the GPU from hardware.gpu with its datasheet", () => {
    const w = workloadOf(
      "train.yaml",
      'model_name_or_path: meta-llama/Llama-3.2-1B\nper_device_train_batch_size: 8\nfsdp: "full_shard auto_wrap"\n',
      { bot: "hardware:\n  gpu: H100\ndevices: 8\n" },
    );
    expect(w.fsdp.value).toBe("full");
    expect(w.devices).toEqual({ value: 8, source: { kind: "bot-config", key: "devices" } });
    expect(w.gpu.value).toMatchObject({ id: "H100-80GB", memoryBytes: 80e9 });
    expect(w.gpu.source).toEqual({ kind: "bot-config", key: "hardware.gpu" });
  });
});
