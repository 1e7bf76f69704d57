import { describe, expect, it } from "vitest";
import { analyze } from "../../src/advisor.js";
import { defaultConfig } from "../../src/config.js";
import { translator } from "../../src/report/messages/translate.js";
import { MemorySource } from "../../src/source/memory-source.js";

const base = "model_name_or_path: acme/llama-3.2-2b-custom\nper_device_train_batch_size: 8\n";
const head =
  "model_name_or_path: acme/llama-3.2-2b-custom\nper_device_train_batch_size: 16\ndeepspeed: ds_zero3.json\n";

describe("workload problems under the memory row", () => {
  it(
    "an unknown model and a missing DeepSpeed file become notes naming their key " + "and line, in the comment",
    async () => {
      const source = new MemorySource({ base: { "sft.yaml": base }, head: { "sft.yaml": head } });
      const report = await analyze(source, defaultConfig(), { noProxy: true });
      const notes = report.groups[0].estimate.memory.notes ?? [];
      const unknownModel = notes.find((n) => n.id === "workload-unknown-model");
      const missingDeepSpeed = notes.find((n) => n.id === "workload-deepspeed-missing");
      expect(unknownModel?.params).toMatchObject({
        key: "model_name_or_path",
        line: 1,
        model: "acme/llama-3.2-2b-custom",
      });
      expect(missingDeepSpeed?.params).toMatchObject({ key: "deepspeed", line: 3, path: "ds_zero3.json" });
      // The comment words each note from its id and parameters.
      const en = translator("en");
      expect(report.markdown).toContain(en.note(unknownModel!).split(";")[0]);
      expect(report.markdown).toContain(en.note(missingDeepSpeed!));
    },
  );
});
