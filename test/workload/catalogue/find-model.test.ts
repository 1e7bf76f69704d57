import { describe, expect, it } from "vitest";
import { findModel, isUnknown } from "../../../src/workload/catalogue/find-model.js";
import { modelNameCandidates } from "../../../src/workload/catalogue/model-name-candidates.js";

const idOf = (name: string) => {
  const found = findModel(name);
  return isUnknown(found) ? found : found.id;
};

describe("findModel", () => {
  it.each([
    ["meta-llama/Llama-3.2-1B", "meta-llama/Llama-3.2-1B"],
    ["META-LLAMA/llama-3.2-1b", "meta-llama/Llama-3.2-1B"],
    ["Llama-3.2-1B", "meta-llama/Llama-3.2-1B"],
    ["/models/Llama-3.2-1B", "meta-llama/Llama-3.2-1B"],
    ["checkpoints/meta-llama/Llama-3.2-1B/", "meta-llama/Llama-3.2-1B"],
    ["meta-llama/Llama-3.2-1B-Instruct", "meta-llama/Llama-3.2-1B"],
    ["/root/.cache/huggingface/hub/models--meta-llama--Llama-3.2-1B/snapshots/4e20de36", "meta-llama/Llama-3.2-1B"],
    ["llama3_2_1b", "meta-llama/Llama-3.2-1B"],
    ["torchtune.models.llama3_2.lora_llama3_2_1b", "meta-llama/Llama-3.2-1B"],
    ["torchtune.models.qwen2_5.qwen2_5_7b_instruct", "Qwen/Qwen2.5-7B"],
    ["meta-llama/Llama-2-7b-chat-hf", "meta-llama/Llama-2-7b-hf"],
    ["google/gemma-2-9b-it", "google/gemma-2-9b"],
    ["mistralai/Mistral-7B-Instruct-v0.3", "mistralai/Mistral-7B-v0.3"],
    ["Qwen/Qwen3-8B-Base", "Qwen/Qwen3-8B"],
    ["gpt2", "openai-community/gpt2"],
    ["EleutherAI/pythia-410m-deduped", "EleutherAI/pythia-410m"],
    ["bert-base-uncased", "google-bert/bert-base-uncased"],
    ["t5-base", "google-t5/t5-base"],
    ["yolov8s.pt", "yolov8s"],
    ["yolo11n.yaml", "yolo11n"],
    ["vit_base_patch16_224", "vit_b_16"],
    ["resnet50", "resnet50"],
  ])("%s → %s", (name, id) => {
    expect(idOf(name)).toBe(id);
  });

  it("keeps apart names that differ only in separators (opt-1.3b vs opt-13b)", () => {
    expect(idOf("facebook/opt-1.3b")).toBe("facebook/opt-1.3b");
    expect(idOf("opt-13b")).toBe("facebook/opt-13b");
  });

  it("reports an unknown name with the nearest catalogued ones", () => {
    const found = findModel("meta-llama/Llama-3.2-2B");
    expect(isUnknown(found)).toBe(true);
    if (!isUnknown(found)) return;
    expect(found.unknown).toBe("meta-llama/Llama-3.2-2B");
    expect(found.closest).toHaveLength(3);
    expect(found.closest).toContain("meta-llama/Llama-3.2-1B");
  });

  it("answers the same closest names on every call", () => {
    expect(findModel("my-private-model")).toEqual(findModel("my-private-model"));
  });
});

describe("modelNameCandidates", () => {
  it("tries the most specific name first and the base model last", () => {
    const names = modelNameCandidates("checkpoints/meta-llama/Llama-2-7b-chat-hf");
    expect(names[0]).toBe("checkpoints/meta-llama/llama-2-7b-chat-hf");
    expect(names).toContain("meta-llama/llama-2-7b-chat-hf");
    expect(names.at(-1)).toBe("llama-2-7b");
  });
});
