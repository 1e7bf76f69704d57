import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { loadConfig } from "../../src/config.js";
import { MemorySource } from "../../src/source/memory-source.js";

/** axolotl's Llama-3 70B QLoRA example, trained from a re-upload the catalogue does not know by name. */
const config = (micro: number) =>
  "base_model: casperhansen/llama-3-70b-fp16\nadapter: qlora\nload_in_4bit: true\nsequence_len: 512\n" +
  `micro_batch_size: ${micro}\ngradient_accumulation_steps: 4\nlearning_rate: 0.00001\n`;

async function run(bot: string) {
  const source = new MemorySource({ base: { "qlora.yaml": config(1) }, head: { "qlora.yaml": config(4) } });
  const { config: botConfig, errors } = loadConfig(bot);
  expect(errors).toEqual([]);
  return analyze(source, botConfig, { noProxy: true });
}

describe("model.name: the catalogue model a copy or a local checkpoint is", () => {
  it("without it, a re-upload is unknown and the note suggests model.name with the closest ids", async () => {
    const report = await run("hardware:\n  gpu: A100-80GB\n");
    const memory = report.groups[0].estimate.memory;
    expect(memory.peak.before).toBeUndefined();
    const note = memory.notes.find((n) => n.id === "workload-unknown-model");
    expect(String(note?.params?.closest)).toContain("meta-llama/Meta-Llama-3-70B");
    expect(report.markdown).toContain("name it as model.name in .github/batch-advisor.yml");
  });

  it("with it, the peak comes from that catalogue entry, named as the source", async () => {
    const report = await run("hardware:\n  gpu: A100-80GB\nmodel:\n  name: meta-llama/Meta-Llama-3-70B\n");
    const { estimate } = report.groups[0];
    expect(estimate.memory.peak.basis).toBe("analytical");
    expect(estimate.workload?.model.source).toMatchObject({
      kind: "catalogue",
      id: "meta-llama/Meta-Llama-3-70B",
    });
    // 70B parameters in 4 bits alone are over 35 GB: the peak is an absolute figure well above that.
    expect(estimate.memory.peak.before!.value).toBeGreaterThan(35e9);
  });

  it("a name the catalogue does not hold is said with its key and the closest ids", async () => {
    const report = await run("model:\n  name: meta-llama/Llama-3-70B-typo\n");
    const note = report.groups[0].estimate.memory.notes.find((n) => n.id === "workload-unknown-model-name");
    expect(note?.params).toMatchObject({ key: "model.name", model: "meta-llama/Llama-3-70B-typo" });
    expect(report.markdown).toContain("model.name meta-llama/Llama-3-70B-typo");
  });
});
