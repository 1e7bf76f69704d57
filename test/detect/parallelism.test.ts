import { describe, expect, it } from "vitest";
import { detectFile } from "../../src/detect/detect-file.js";
import { fixture } from "./frameworks/read-fixture.js";
import { inEnglish } from "../helpers/in-english.js";

describe("parallelism dimensions give the data-parallel count", () => {
  it("Megatron: tensor × context parallel divide torchrun's devices, and the formula names the division", () => {
    const r = detectFile("pretrain_gpt_tp2_cp2.sh", fixture("megatron", "pretrain_gpt_tp2_cp2.sh"));
    expect(r.effective.parts).toMatchObject({ micro: 2, devices: 4, accum: 32 });
    expect(r.effective.formula).toContain("4 (data-parallel = 16 devices ÷ 2 tensor ÷ 2 context)");
  });

  it("nanotron states the data-parallel degree: dp is the count, tp and pp do not divide it again", () => {
    const r = detectFile("config_llama_1b.yaml", fixture("nanotron", "config_llama_1b.yaml"));
    expect(r.framework).toBe("nanotron");
    expect(r.settings.filter((s) => /parallel/.test(s.role)).map((s) => [s.role, s.key, s.value, s.line])).toEqual([
      ["data_parallel", "parallelism.dp", 16, 27],
      ["pipeline_parallel", "parallelism.pp", 2, 29],
      ["tensor_parallel", "parallelism.tp", 4, 31],
    ]);
    // 8 sequences × 4 accumulation × 16 replicas × 4096 tokens.
    expect(inEnglish(r.effective)).toMatchObject({ value: 8 * 4 * 16 * 4096, unit: "tokens", unknown: [] });
    expect(r.effective.formula).toContain("16 (data-parallel, parallelism.dp)");
  });

  it("a stated degree that disagrees with the devices is a conflict, and the stated one stands", () => {
    const r = detectFile("config_llama_1b.yaml", fixture("nanotron", "config_llama_1b.yaml"), { devices: 64 });
    expect(r.effective.parts.devices).toBe(16);
    expect(inEnglish(r.warnings).some((w: string) => w.includes("64 devices ÷ 8 (model parallel) = 8"))).toBe(true);
  });

  it("accelerate parallelism_config: dp_replicate × dp_shard is the data-parallel count, below num_processes", () => {
    const r = detectFile("fsdp2_nd_parallel.yaml", fixture("accelerate", "fsdp2_nd_parallel.yaml"));
    expect(r.effective.parts.devices).toBe(4);
    expect(inEnglish(r.warnings).filter((w: string) => w.startsWith("Conflict"))).toEqual([]);
  });

  it("DeepSpeed Ulysses: sequence-parallel ranks share one batch", () => {
    const r = detectFile("ds_config_ulysses_sp4.json", fixture("deepspeed", "ds_config_ulysses_sp4.json"), {
      devices: 16,
    });
    expect(r.effective).toMatchObject({ value: 1 * 2 * 4, parts: { devices: 4 } });
    expect(r.effective.formula).toContain("÷ 4 sequence");
  });

  it("torchtitan: a shard degree of -1 takes what the model-parallel degrees leave", () => {
    const r = detectFile("llama3_70b_tp_accum.toml", fixture("torchtitan", "llama3_70b_tp_accum.toml"), {
      devices: 64,
    });
    expect(r.effective.parts.devices).toBe(8);
    expect(r.effective.formula).toContain("data-parallel = 64 devices ÷ 8 tensor");
  });

  it("a device count the model-parallel sizes do not divide is unknown, with their product named", () => {
    const r = detectFile("pretrain_gpt_tp2_cp2.sh", fixture("megatron", "pretrain_gpt_tp2_cp2.sh"), { devices: 6 });
    // The global batch is still written; the per-device split is not known.
    expect(r.effective.parts.devices).toBeNull();
    expect(inEnglish(r.effective.unknown)).toContain("devices: 6 is not divisible by the model-parallel size 4");
  });
});
